using GiamNgheo.Application;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Domain.Reviews;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace GiamNgheo.Web.Pages.Reviews;

/// <summary>The village meeting: date, participants, votes per household (≥ 50% of attendees to pass), and the signed minutes.</summary>
public sealed class MeetingModel(ReviewQueries queries, ReviewCommands commands, TimeProvider clock) : ReviewPage
{
    public CommuneBoard Board { get; private set; } = null!;
    public IReadOnlyList<ReviewHouseholdRow> ToVote { get; private set; } = [];
    public DateOnly Today => clock.Today();

    [FromQuery]
    public long? Meeting { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var board = await queries.BoardAsync(id, ct);
        if (board is null)
        {
            return NotFound();
        }

        Board = board;
        ToVote = [.. board.Households.Where(h => h.State == HouseholdReviewState.Surveyed)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, DateOnly heldOn, int attendees, string? roles, string? village, Dictionary<long, int?> agree, CancellationToken ct)
    {
        var votes = agree.Where(a => a.Value is not null).Select(a => new VoteInput(a.Key, a.Value!.Value)).ToList();
        var result = await commands.RecordMeetingAsync(id, new MeetingInput
        {
            HeldOn = heldOn, Attendees = attendees, Roles = roles ?? string.Empty, VillageCode = string.IsNullOrWhiteSpace(village) ? null : village, Votes = votes,
        }, ct);
        var message = result.Value is { } r
            ? L.T($"Đã ghi họp dân: {r.Agreed} hộ thống nhất, {r.SentBackToSurvey} hộ phải khảo sát lại.", $"Meeting recorded: {r.Agreed} agreed, {r.SentBackToSurvey} back to survey.")
            : string.Empty;
        return After(result, message, result.Value is { } v ? $"/Reviews/Meeting/{id}?meeting={v.MeetingId}" : $"/Reviews/Meeting/{id}");
    }

    public async Task<IActionResult> OnPostMinutesAsync(long id, long meetingId, IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            TempData["ReviewError"] = L.T("Chọn tệp biên bản (PDF hoặc ảnh).", "Choose the minutes file (PDF or image).");
            return Redirect($"/Reviews/Meeting/{id}?meeting={meetingId}");
        }

        using var memory = new MemoryStream();
        await file.CopyToAsync(memory, ct);
        return After(await commands.UploadMinutesAsync(meetingId, file.FileName, file.ContentType, memory.ToArray(), ct),
            L.T("Đã lưu biên bản họp.", "Minutes saved."), $"/Reviews/Board/{id}");
    }
}
