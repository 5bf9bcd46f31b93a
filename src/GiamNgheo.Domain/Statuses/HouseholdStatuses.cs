using GiamNgheo.Domain.Classification;

namespace GiamNgheo.Domain.Statuses;

/// <summary>
/// Where a household's category under one standard comes from, for a review year or a date (domain reference §12.1:
/// every resident household has one status in every year, under every standard).
/// </summary>
public enum StatusSource : byte
{
    /// <summary>Chưa rà soát: no survey and no list has ever placed the household; in practice "not poor".</summary>
    NotSurveyed = 0,

    /// <summary>Giữ nguyên: not surveyed in the year, the category of the last earlier list (or result) carries over.</summary>
    CarriedOver = 1,

    /// <summary>Chưa công nhận: computed from a survey of the year, no decision has recognised it (yet).</summary>
    Computed = 2,

    /// <summary>Đã công nhận: recognised by a commune chairman's decision (Mẫu 02).</summary>
    Recognised = 3,
}

/// <summary>
/// One thing known about a household's category under one standard: a computed result of a review year's survey, or a
/// recognised status of a decision. <paramref name="On"/> orders facts of the same review year (the survey day of a
/// computed result, the signing day of a decision). <paramref name="PolicyFrom"/> is the first day a recognised status
/// governs entitlements (<see cref="HouseholdStatusRules.PolicyFrom"/>); null for a computed result.
/// </summary>
public readonly record struct StatusFact(
    int ReviewYear,
    HouseholdCategory Category,
    DateOnly On,
    long? DecisionId = null,
    DateOnly? PolicyFrom = null)
{
    public bool Recognised => DecisionId is not null;
}

/// <summary>A household's status under one standard: the category, its source, and the fact it rests on.</summary>
public sealed record HouseholdStatus(HouseholdCategory Category, StatusSource Source, int? ReviewYear, long? DecisionId, DateOnly? Since)
{
    /// <summary>No survey, no list: counted as not poor, and counted in every denominator.</summary>
    public static HouseholdStatus NotSurveyed { get; } = new(HouseholdCategory.NotPoor, StatusSource.NotSurveyed, null, null, null);

    public bool IsListed => Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor;
}

/// <summary>
/// The rules of the yearly record of truth, in one place (domain reference §12.1). Pure: dates are parameters.
/// <list type="bullet">
/// <item>The status of review year Y (what the report forms, dashboards and targets of year Y count): the newest fact
/// of year Y (recognised wins a tie); otherwise the newest fact of the latest earlier year carries over (a recognised
/// one preferred within that year); otherwise the household was never surveyed and counts as not poor.</item>
/// <item>The status in force on a date (what entitlements follow): the recognised status with the latest
/// <see cref="StatusFact.PolicyFrom"/> on or before the date; computed results never grant anything.</item>
/// </list>
/// </summary>
public static class HouseholdStatusRules
{
    /// <summary>The household's status for review year <paramref name="year"/> from all its facts under one standard.</summary>
    public static HouseholdStatus ForReviewYear(IEnumerable<StatusFact> facts, int year)
    {
        ArgumentNullException.ThrowIfNull(facts);
        StatusFact? best = null;
        foreach (var fact in facts)
        {
            if (fact.ReviewYear > year)
            {
                continue;
            }

            if (best is not { } b || Newer(fact, b))
            {
                best = fact;
            }
        }

        if (best is not { } f)
        {
            return HouseholdStatus.NotSurveyed;
        }

        var source = f.ReviewYear == year
            ? f.Recognised ? StatusSource.Recognised : StatusSource.Computed
            : StatusSource.CarriedOver;
        return new HouseholdStatus(f.Category, source, f.ReviewYear, f.DecisionId, f.Recognised ? f.PolicyFrom ?? f.On : f.On);
    }

    /// <summary>The recognised status in force on <paramref name="date"/> (the basis of entitlements).</summary>
    public static HouseholdStatus InForce(IEnumerable<StatusFact> facts, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(facts);
        StatusFact? best = null;
        foreach (var fact in facts)
        {
            if (!fact.Recognised || (fact.PolicyFrom ?? fact.On) > date)
            {
                continue;
            }

            if (best is not { } b || Later(fact, b))
            {
                best = fact;
            }
        }

        return best is { } f
            ? new HouseholdStatus(f.Category, StatusSource.Recognised, f.ReviewYear, f.DecisionId, f.PolicyFrom ?? f.On)
            : HouseholdStatus.NotSurveyed;
    }

    /// <summary>
    /// The first day a decision's statuses govern entitlements: a periodic review's list of year Y from 1 January of Y+1
    /// (or from its signing day when signed later); a regular review's from its signing day.
    /// <paramref name="periodicFromNextYear"/> is the rule held as data (review rules; [V3]); false makes every decision
    /// take effect on its signing day.
    /// </summary>
    public static DateOnly PolicyFrom(bool periodic, int reviewYear, DateOnly signedOn, bool periodicFromNextYear = true)
    {
        if (!periodic || !periodicFromNextYear)
        {
            return signedOn;
        }

        var nextYear = new DateOnly(reviewYear + 1, 1, 1);
        return signedOn > nextYear ? signedOn : nextYear;
    }

    /// <summary>Whether a household with these residence dates is resident on <paramref name="date"/> (until = the first day it is gone).</summary>
    public static bool IsResident(DateOnly? residentFrom, DateOnly? residentUntil, DateOnly date) =>
        (residentFrom is null || residentFrom.Value <= date) && (residentUntil is null || residentUntil.Value > date);

    // Ordering for a review year: later year first; then later day; then recognised over computed; then the later decision.
    private static bool Newer(StatusFact candidate, StatusFact current)
    {
        if (candidate.ReviewYear != current.ReviewYear)
        {
            return candidate.ReviewYear > current.ReviewYear;
        }

        if (candidate.On != current.On)
        {
            return candidate.On > current.On;
        }

        if (candidate.Recognised != current.Recognised)
        {
            return candidate.Recognised;
        }

        return (candidate.DecisionId ?? 0) > (current.DecisionId ?? 0);
    }

    private static bool Later(StatusFact candidate, StatusFact current)
    {
        var a = candidate.PolicyFrom ?? candidate.On;
        var b = current.PolicyFrom ?? current.On;
        if (a != b)
        {
            return a > b;
        }

        if (candidate.On != current.On)
        {
            return candidate.On > current.On;
        }

        return (candidate.DecisionId ?? 0) > (current.DecisionId ?? 0);
    }
}
