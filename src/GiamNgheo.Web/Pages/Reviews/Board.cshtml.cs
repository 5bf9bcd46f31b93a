using GiamNgheo.Application;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Reviews.Documents;
using GiamNgheo.Domain.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace GiamNgheo.Web.Pages.Reviews;

/// <summary>The commune officer's campaign board: households by state, what blocks each step, and every step's form.</summary>
public sealed class BoardModel(ReviewQueries queries, ReviewCommands commands, ReviewDocuments documents, TimeProvider clock) : ReviewPage
{
    public DateOnly Today => clock.Today();

    public CommuneBoard Board { get; private set; } = null!;
    public MovementReport? Movements { get; private set; }

    /// <summary>The search for a household to add (code or name, diacritics ignored).</summary>
    [FromQuery(Name = "find")]
    public string? Find { get; set; }

    /// <summary>The households of the commune matching <see cref="Find"/>, to pick from.</summary>
    public IReadOnlyList<ReviewCandidate> Candidates { get; private set; } = [];

    private static string Here(long id) => $"/Reviews/Board/{id}";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var board = await queries.BoardAsync(id, ct);
        if (board is null)
        {
            return NotFound();
        }

        Board = board;
        Find ??= Typed("find");
        if (!string.IsNullOrWhiteSpace(Find) && board.State is CommuneReviewState.Listing or CommuneReviewState.Surveying)
        {
            Candidates = await queries.CandidatesAsync(id, Find, ct) ?? [];
        }

        if (board.State >= CommuneReviewState.Decided)
        {
            Movements = await queries.MovementsAsync(id, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostListAsync(long id, CancellationToken ct) =>
        After(await commands.BuildListAsync(id, ct), Ok("Đã lập danh sách rà soát.", "Review list built."), Here(id));

    public async Task<IActionResult> OnPostAddAsync(long id, string? householdCode, ListingReason reason, DateOnly? applicationDate, string? reasonText, CancellationToken ct) =>
        After(await commands.AddHouseholdAsync(id, new AddHouseholdInput { HouseholdCode = householdCode ?? string.Empty, Reason = reason, ApplicationDate = applicationDate, ReasonText = reasonText }, ct),
            Ok($"Đã thêm hộ {householdCode} vào danh sách.", $"Household {householdCode} added."), Here(id) + "#add-household-form");

    public async Task<IActionResult> OnPostMoveAsync(long id, CommuneAction action, CancellationToken ct) =>
        After(await commands.MoveAsync(id, action, ct), Ok("Đã chuyển bước.", "Step done."), Here(id));

    public async Task<IActionResult> OnPostPostingAsync(long id, DateOnly start, CancellationToken ct) =>
        After(await commands.StartPostingAsync(id, start, ct), Ok("Đã niêm yết công khai.", "Posted."), Here(id));

    public async Task<IActionResult> OnPostDistrictAsync(long id, DateOnly date, string? opinion, CancellationToken ct) =>
        After(await commands.ConsultDistrictAsync(id, date, opinion ?? string.Empty, ct), Ok("Đã ghi ý kiến cấp huyện.", "District opinion recorded."), Here(id));

    public async Task<IActionResult> OnPostDecideAsync(long id, string? number, DateOnly signedOn, string? signer, CancellationToken ct) =>
        After(await commands.DecideAsync(id, new DecisionInput(number ?? string.Empty, signedOn, signer ?? string.Empty), ct),
            Ok("Đã ghi quyết định công nhận; kết quả của xã đã khóa.", "Decision recorded; results locked."), Here(id));

    public async Task<IActionResult> OnPostComplainAsync(long id, long rh, DateOnly receivedOn, string? complainant, string? content, CancellationToken ct) =>
        After(await commands.ComplainAsync(rh, new ComplaintInput(receivedOn, complainant ?? string.Empty, content ?? string.Empty), ct),
            Ok("Đã ghi nhận khiếu nại.", "Complaint recorded."), Here(id));

    public async Task<IActionResult> OnPostRecheckAsync(long id, long rh, DateOnly recheckedOn, string? result, CancellationToken ct) =>
        After(await commands.RecheckAsync(rh, new RecheckInput { RecheckedOn = recheckedOn, Result = result ?? string.Empty }, ct),
            Ok("Đã ghi kết quả phúc tra.", "Re-check recorded."), Here(id));

    public async Task<IActionResult> OnPostExcludeAsync(long id, long rh, HouseholdAction action, string? reason, CancellationToken ct) =>
        After(await commands.ExcludeHouseholdAsync(rh, action, reason, ct),
            action == HouseholdAction.Remove ? Ok("Đã rút hộ khỏi danh sách rà soát.", "Household removed from the list.") : Ok("Đã ghi hộ không rà soát lại.", "Household marked not re-surveyed."),
            Here(id));

    public async Task<IActionResult> OnPostRepostAsync(long id, long rh, DateOnly start, CancellationToken ct) =>
        After(await commands.RepostAsync(rh, start, ct), Ok("Đã niêm yết lại kết quả phúc tra.", "Re-posted."), Here(id));

    public async Task<IActionResult> OnGetPostingPdfAsync(long id, string? village, CancellationToken ct)
    {
        var result = await documents.PostingListAsync(id, village, ct);
        return result.Value is { } f ? File(f.Content, f.ContentType, f.FileName) : After(result, string.Empty, Here(id));
    }

    public async Task<IActionResult> OnGetDecisionPdfAsync(long id, CancellationToken ct)
    {
        var result = await documents.DecisionAsync(id, ct);
        return result.Value is { } f ? File(f.Content, f.ContentType, f.FileName) : After(result, string.Empty, Here(id));
    }

    public async Task<IActionResult> OnGetCertificatesPdfAsync(long id, long? household, CancellationToken ct)
    {
        var result = await documents.CertificatesAsync(id, household, ct);
        return result.Value is { } f ? File(f.Content, f.ContentType, f.FileName) : After(result, string.Empty, Here(id));
    }
}
