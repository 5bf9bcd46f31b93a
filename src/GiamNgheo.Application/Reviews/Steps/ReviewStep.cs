using System.Globalization;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reviews.Documents;
using GiamNgheo.Application.Standards;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>The services a review step uses; built once per scope by <see cref="ReviewCommands"/>.</summary>
internal sealed record ReviewServices(AppDbContext Db, ReviewSettings Settings, StandardRegistry Standards, SurveyCommands Surveys, ReviewDocuments Documents);

/// <summary>The commune review a step acts on, its campaign and, for a household step, the review household.</summary>
internal sealed record ReviewTarget(CommuneReviewEntity Commune, ReviewCampaignEntity Campaign, ReviewHouseholdEntity? Household);

/// <summary>
/// The shared shape of a review step (one use case per file under <c>Reviews/Steps/</c>): in one transaction
/// (<see cref="UseCaseTransaction"/>) it loads the commune review (or review household) and checks scope and role, validates,
/// applies the transition through <see cref="ReviewStateMachine"/> (state + audit event), saves, and runs what follows from
/// the change (frozen documents, gap refresh) before the commit. A step that refuses (not found, forbidden, invalid,
/// conflict) returns before or after writing: either way the transaction is rolled back and the database is unchanged.
/// </summary>
internal abstract class ReviewStep(ReviewServices services)
{
    protected static readonly string[] Officers = [Roles.SystemAdmin, Roles.ProvincialOfficer, Roles.CommuneOfficer];
    protected static readonly string[] Province = [Roles.SystemAdmin, Roles.ProvincialOfficer];
    protected const string NotAllowed = "Vai trò của bạn không được thực hiện bước này của rà soát.";

    private ReviewRules? rules;

    protected AppDbContext Db => services.Db;

    protected ReviewServices Services => services;

    /// <summary>The rules in force in the province of the commune review being handled (review_rules table), read when it is loaded.</summary>
    protected ReviewRules Rules => rules ?? throw new InvalidOperationException("Review rules are read when the commune review is loaded.");

    protected async Task LoadRulesAsync(string? provinceCode, CancellationToken ct) => rules = await services.Settings.RulesAsync(provinceCode, ct);

    protected Task<Result<T>> InTransactionAsync<T>(Func<Task<Result<T>>> step, CancellationToken ct) => Db.InOneTransactionAsync(step, ct);

    /// <summary>
    /// A step on one commune review: load and check (<paramref name="roles"/>), then <paramref name="change"/> (validates and
    /// changes tracked entities; returns a refusal or null), one save, then <paramref name="afterSave"/>, then the board.
    /// </summary>
    protected Task<Result<CommuneBoard>> OnCommuneAsync(long communeReviewId, IReadOnlyList<string> roles,
        Func<ReviewTarget, Task<Result<CommuneBoard>?>> change, CancellationToken ct, Func<ReviewTarget, Task>? afterSave = null) =>
        InTransactionAsync(async () =>
        {
            var (target, error) = await LoadCommuneAsync(communeReviewId, roles, ct);
            return error ?? await ChangeAndSaveAsync(target!, change, afterSave, ct);
        }, ct);

    /// <summary>As <see cref="OnCommuneAsync"/>, for a step on one household of a commune review.</summary>
    protected Task<Result<CommuneBoard>> OnHouseholdAsync(long reviewHouseholdId, IReadOnlyList<string> roles,
        Func<ReviewTarget, Task<Result<CommuneBoard>?>> change, CancellationToken ct, Func<ReviewTarget, Task>? afterSave = null) =>
        InTransactionAsync(async () =>
        {
            var (target, error) = await LoadHouseholdAsync(reviewHouseholdId, roles, ct);
            return error ?? await ChangeAndSaveAsync(target!, change, afterSave, ct);
        }, ct);

    private async Task<Result<CommuneBoard>> ChangeAndSaveAsync(ReviewTarget target, Func<ReviewTarget, Task<Result<CommuneBoard>?>> change,
        Func<ReviewTarget, Task>? afterSave, CancellationToken ct)
    {
        if (await change(target) is { } refused)
        {
            return refused;
        }

        await Db.SaveChangesAsync(ct);
        if (afterSave is not null)
        {
            await afterSave(target);
        }

        return await BoardAsync(target.Commune.Id, ct);
    }

    protected async Task<Result<CommuneBoard>> BoardAsync(long communeReviewId, CancellationToken ct) =>
        Result<CommuneBoard>.Ok((await new ReviewQueries(Db).BoardAsync(communeReviewId, ct))!);

    protected async Task<(ReviewTarget? Target, Result<CommuneBoard>? Error)> LoadCommuneAsync(long communeReviewId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var cr = await Db.CommuneReviews.SingleOrDefaultAsync(c => c.Id == communeReviewId, ct);
        if (cr is null || !await ReviewQueries.VisibleAsync(Db, cr, ct))
        {
            return (null, Result<CommuneBoard>.NotFound());
        }

        if (!UnitScope.IsAny(Db.CurrentUser, roles))
        {
            return (null, Result<CommuneBoard>.Forbidden(NotAllowed));
        }

        var campaign = await Db.ReviewCampaigns.SingleAsync(c => c.Id == cr.CampaignId, ct);
        await LoadRulesAsync(cr.ProvinceCode, ct);
        return (new ReviewTarget(cr, campaign, null), null);
    }

    protected async Task<(ReviewTarget? Target, Result<CommuneBoard>? Error)> LoadHouseholdAsync(long reviewHouseholdId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var rh = await Db.ReviewHouseholds.SingleOrDefaultAsync(h => h.Id == reviewHouseholdId, ct);
        if (rh is null)
        {
            return (null, Result<CommuneBoard>.NotFound());
        }

        var cr = await Db.CommuneReviews.SingleAsync(c => c.Id == rh.CommuneReviewId, ct);
        if (!UnitScope.Contains(Db.CurrentUser, cr.ProvinceCode, cr.CommuneCode, rh.VillageCode))
        {
            return (null, Result<CommuneBoard>.NotFound());
        }

        if (!UnitScope.IsAny(Db.CurrentUser, roles))
        {
            return (null, Result<CommuneBoard>.Forbidden(NotAllowed));
        }

        var campaign = await Db.ReviewCampaigns.SingleAsync(c => c.Id == cr.CampaignId, ct);
        await LoadRulesAsync(cr.ProvinceCode, ct);
        return (new ReviewTarget(cr, campaign, rh), null);
    }

    protected Task<List<ReviewHouseholdEntity>> HouseholdsAsync(long communeReviewId, CancellationToken ct) =>
        Db.ReviewHouseholds.Where(h => h.CommuneReviewId == communeReviewId).ToListAsync(ct);

    /// <summary>Applies a commune transition (state + audit) or returns the refusal reason; nothing changes when refused.</summary>
    protected string? ApplyCommune(CommuneReviewEntity cr, ReviewCampaignEntity campaign, IReadOnlyCollection<ReviewHouseholdEntity> households, CommuneAction action,
        DateOnly today, object? details)
    {
        var t = ReviewStateMachine.Commune(new CommuneFacts(cr.State, campaign.StartDate, today, [.. households.Select(h => h.State)], cr.PostingEnd), action, Rules);
        if (!t.Allowed)
        {
            return t.ReasonVi;
        }

        Db.AddAuditEvent("review.commune." + action.ToString(), "CommuneReview", cr.Id.ToString(CultureInfo.InvariantCulture), null,
            new { from = cr.State.ToCode(), to = t.State.ToCode(), date = today, details });
        cr.State = t.State;
        return null;
    }

    /// <summary>Applies a household transition (state + audit) or returns the refusal reason; nothing changes when refused.</summary>
    protected string? ApplyHousehold(CommuneReviewEntity cr, ReviewHouseholdEntity rh, HouseholdAction action, DateOnly today, int attendees, int agree, object? details)
    {
        var t = ReviewStateMachine.Household(new Domain.Reviews.HouseholdFacts(rh.State, cr.State, today, cr.PostingEnd, attendees, agree), action, Rules);
        if (!t.Allowed)
        {
            return t.ReasonVi;
        }

        Db.AddAuditEvent("review.household." + action.ToString(), "ReviewHousehold", rh.Id.ToString(CultureInfo.InvariantCulture), rh.HouseholdId,
            new { communeReviewId = cr.Id, from = rh.State.ToCode(), to = t.State.ToCode(), date = today, attendees, agree, details });
        rh.State = t.State;
        return null;
    }

    /// <summary>A date as officials write it (dd/MM/yyyy), for the valid ranges named in refusals.</summary>
    protected static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    protected static Result<CommuneBoard> Refused(string reason) => Result<CommuneBoard>.Conflict(reason);

    protected static Result<CommuneBoard> Invalid(string field, string message) =>
        Result<CommuneBoard>.Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A refusal of another result type carried over (status, message, errors).</summary>
    protected static Result<T> Convert<T, TFrom>(Result<TFrom> r) => r.Status switch
    {
        ResultStatus.NotFound => Result<T>.NotFound(),
        ResultStatus.Forbidden => Result<T>.Forbidden(r.Message ?? NotAllowed),
        ResultStatus.Conflict => Result<T>.Conflict(r.Message ?? string.Empty),
        ResultStatus.Invalid => Result<T>.Invalid(r.Errors),
        ResultStatus.Ok => throw new InvalidOperationException("Not an error."),
    };
}
