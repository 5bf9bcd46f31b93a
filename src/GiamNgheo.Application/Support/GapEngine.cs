using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Policies;
using GiamNgheo.Domain.Statuses;
using GiamNgheo.Application.Statuses;

namespace GiamNgheo.Application.Support;

/// <summary>What the gap engine needs of one household (loaded in bulk by <see cref="SupportGaps"/>).</summary>
internal sealed class GapHousehold
{
    public long Id { get; init; }
    public required string Code { get; init; }
    public required string HeadName { get; init; }
    public required string ProvinceCode { get; init; }
    public required string CommuneCode { get; init; }
    public string? VillageCode { get; init; }
    public AreaType Area { get; init; }
    public SpecialGroups Groups { get; init; }
    public int MemberCount { get; init; }
    /// <summary>
    /// Recognised statuses per standard (<c>household_statuses</c>, the decisions' lists), in the order they take effect
    /// (policy start, signing day, decision): what entitlements follow (docs/domain.md §12.1).
    /// </summary>
    public Dictionary<string, List<GapStatus>> Recognised { get; } = new(StringComparer.Ordinal);
    /// <summary>Computed results no decision fixed, per standard: year → (category, deprived codes, computed at). Shown as "chưa công nhận", never an entitlement.</summary>
    public Dictionary<string, SortedList<int, GapClassification>> Computed { get; } = new(StringComparer.Ordinal);
    public SupportNeeds Needs { get; set; }
    public List<GapDelivery> Deliveries { get; } = [];
    /// <summary>Deliveries per policy code (filled with <see cref="Deliveries"/>).</summary>
    public Dictionary<string, List<GapDelivery>> ByPolicy { get; } = new(StringComparer.Ordinal);
    public DateOnly? LastDelivery { get; set; }

    public void Add(GapDelivery delivery)
    {
        Deliveries.Add(delivery);
        if (!ByPolicy.TryGetValue(delivery.PolicyCode, out var list))
        {
            ByPolicy[delivery.PolicyCode] = list = [];
        }

        list.Add(delivery);
        if (LastDelivery is null || delivery.Date > LastDelivery)
        {
            LastDelivery = delivery.Date;
        }
    }
}

internal readonly record struct GapClassification(HouseholdCategory Category, string Deprived, DateOnly ComputedOn);

/// <summary>A recognised status of a household (one decision's list).</summary>
internal sealed record GapStatus(int ReviewYear, HouseholdCategory Category, string Deprived, DateOnly SignedOn, DateOnly PolicyFrom, long DecisionId,
    string DecisionNumber)
{
    public StatusFact Fact => new(ReviewYear, Category, SignedOn, DecisionId, PolicyFrom);
}

/// <summary>
/// The category a list shows for a household: the recognised status in force (<see cref="Recognised"/>), or — when none
/// is in force or a newer survey is not yet recognised — the computed result, marked "chưa công nhận".
/// </summary>
internal sealed record GapCurrent(HouseholdCategory Category, string Deprived, bool Recognised, int ReviewYear, DateOnly Since, string? DecisionNumber,
    DateOnly? DecisionSignedOn);

internal readonly record struct GapDelivery(string PolicyCode, long? MemberId, DateOnly Date);

/// <summary>One policy for one household: eligible, served in the current period, an open gap.</summary>
public sealed record PolicyStatus(string PolicyCode, string PolicyNameVi, string AgencyVi, bool Eligible, string ReasonVi, bool Relevant, bool Served,
    DateOnly? LastDelivered)
{
    /// <summary>Eligible, relevant (an entitlement, or asked for) and not served in the current period.</summary>
    public bool Gap => Eligible && Relevant && !Served;
}

public sealed record HouseholdGaps(long HouseholdId, string Code, string HeadName, string CommuneCode, string? VillageCode,
    string StandardCode, HouseholdCategory? Category, IReadOnlyList<PolicyStatus> Policies, IReadOnlyList<string> UnansweredDeprivations,
    DateOnly? WaitingSince, int WaitingDays, DateOnly? LastSupport)
{
    public IEnumerable<PolicyStatus> OpenGaps => Policies.Where(p => p.Gap);

    /// <summary>True when <see cref="Category"/> is the recognised status in force (entitlements follow it); false: computed, not yet recognised.</summary>
    public bool Recognised { get; init; }
    public string? DecisionNumber { get; init; }
    public DateOnly? DecisionSignedOn { get; init; }
    /// <summary>The review year of the status shown.</summary>
    public int? ReviewYear { get; init; }
    /// <summary>A newer survey's computed category not yet recognised, while an older recognised status is in force.</summary>
    public HouseholdCategory? PendingCategory { get; init; }
    public int? PendingYear { get; init; }

    /// <summary>"Đã công nhận (QĐ số …, ngày dd/MM/yyyy)", "Chưa công nhận" or "Chưa rà soát".</summary>
    public string SourceVi => Category is null ? StatusLabels.NotSurveyedVi
        : Recognised ? StatusLabels.RecognisedVi(DecisionNumber, DecisionSignedOn) : StatusLabels.ComputedVi;

    public string SourceEn => Category is null ? StatusLabels.NotSurveyedEn
        : Recognised ? StatusLabels.RecognisedEn(DecisionNumber, DecisionSignedOn) : StatusLabels.ComputedEn;
}

/// <summary>
/// Computes, per household, the policies it is eligible for and has not received in the current period, and the
/// deprived indicators that no support delivered in the current period answers (docs/policies.md, "Gaps").
/// </summary>
internal static class GapEngine
{
    /// <summary>Gaps of one household; <c>withReasons: false</c> skips building the Vietnamese reasons (lists over many households).</summary>
    public static HouseholdGaps Compute(GapHousehold h, IReadOnlyList<Policy> policies, string listStandard, DateOnly asOf, bool inPoorCommune,
        bool withReasons = true)
    {
        var statuses = new List<PolicyStatus>(policies.Count);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var needCodes = NeedCodes(h.Needs);
        PolicyFacts? facts = null;
        string? factsStandard = null;
        foreach (var policy in policies)
        {
            if (facts is null || factsStandard != policy.StandardCode)
            {
                facts = Facts(h, policy.StandardCode, asOf, inPoorCommune);
                factsStandard = policy.StandardCode;
            }

            bool eligible;
            var reason = string.Empty;
            if (withReasons)
            {
                var result = PolicyEligibility.Evaluate(policy, facts, asOf);
                (eligible, reason) = (result.Eligible, result.ReasonVi);
            }
            else
            {
                eligible = PolicyEligibility.IsEligible(policy, facts, asOf);
            }

            var start = PolicyPeriods.Start(policy.Benefit.Period, asOf);
            var delivered = h.ByPolicy.GetValueOrDefault(policy.Code);
            var served = false;
            DateOnly? last = null;
            if (delivered is not null)
            {
                var inPeriod = delivered.Where(d => d.Date >= start && d.Date <= asOf).ToList();
                served = inPeriod.Count > 0 && (policy.Benefit.Kind != BenefitKind.PremiumShare || policy.Benefit.Per == BenefitUnit.Household
                    || inPeriod.Any(d => d.MemberId is null) || inPeriod.Select(d => d.MemberId).Distinct().Count() >= h.MemberCount);
                last = delivered.Max(d => d.Date);
            }

            if (served)
            {
                answered.UnionWith(policy.AnswersDeprivations);
            }

            var relevant = !policy.OnRequest || policy.AnswersNeeds.Any(needCodes.Contains);
            statuses.Add(new PolicyStatus(policy.Code, policy.NameVi, policy.AgencyVi, eligible, reason, relevant, served, last));
        }

        var current = Latest(h, listStandard, asOf);
        var deprived = current is { } c ? Split(c.Deprived) : [];
        var unanswered = deprived.Where(d => !answered.Contains(d)).ToList();
        var lastSupport = h.LastDelivery;
        var listedSince = ListedSince(h, listStandard, asOf);
        DateOnly? waitingSince = listedSince is null ? null : (lastSupport is { } ls && ls > listedSince.Value ? ls : listedSince);
        var waitingDays = waitingSince is { } w ? Math.Max(0, asOf.DayNumber - w.DayNumber) : 0;
        var pending = current is { Recognised: true } ? PendingComputed(h, listStandard, asOf, current.ReviewYear) : null;
        return new HouseholdGaps(h.Id, h.Code, h.HeadName, h.CommuneCode, h.VillageCode, listStandard, current?.Category, statuses, unanswered,
            waitingSince, waitingDays, lastSupport)
        {
            Recognised = current?.Recognised ?? false,
            DecisionNumber = current?.DecisionNumber,
            DecisionSignedOn = current?.DecisionSignedOn,
            ReviewYear = current?.ReviewYear,
            PendingCategory = pending?.Value.Category,
            PendingYear = pending?.Year,
        };
    }

    public static PolicyFacts Facts(GapHousehold h, string standard, DateOnly asOf, bool inPoorCommune)
    {
        // Entitlements follow the recognised status in force only; a computed result grants nothing.
        var categories = new Dictionary<string, HouseholdCategory>(StringComparer.Ordinal);
        foreach (var (code, _) in h.Recognised)
        {
            if (InForce(h, code, asOf) is { } inForce)
            {
                categories[code] = inForce.Category;
            }
        }

        var current = InForce(h, standard, asOf);
        return new PolicyFacts
        {
            Categories = categories,
            Groups = h.Groups,
            Area = h.Area,
            EscapedOn = EscapedOn(h, standard, asOf),
            InPoorCommune = inPoorCommune,
            Deprived = current is { } c ? Split(c.Deprived).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal),
        };
    }

    /// <summary>The recognised status in force on <paramref name="asOf"/> (<see cref="HouseholdStatusRules.InForce"/>); null when none.</summary>
    public static GapStatus? InForce(GapHousehold h, string standard, DateOnly asOf)
    {
        if (!h.Recognised.TryGetValue(standard, out var list) || list.Count == 0)
        {
            return null;
        }

        var status = HouseholdStatusRules.InForce(list.Select(s => s.Fact), asOf);
        return status.DecisionId is { } id ? list.Find(s => s.DecisionId == id) : null;
    }

    /// <summary>
    /// What a list shows: the recognised status in force; when none is in force, the latest computed result of a year up to
    /// <paramref name="asOf"/>'s (not yet recognised). Null when neither exists.
    /// </summary>
    public static GapCurrent? Latest(GapHousehold h, string standard, DateOnly asOf)
    {
        if (InForce(h, standard, asOf) is { } s)
        {
            return new GapCurrent(s.Category, s.Deprived, true, s.ReviewYear, s.PolicyFrom, s.DecisionNumber, s.SignedOn);
        }

        return PendingComputed(h, standard, asOf, null) is { } p
            ? new GapCurrent(p.Value.Category, p.Value.Deprived, false, p.Year, p.Value.ComputedOn, null, null)
            : null;
    }

    /// <summary>The latest computed (undecided) result of a year up to <paramref name="asOf"/>'s and after <paramref name="afterYear"/>.</summary>
    public static (int Year, GapClassification Value)? PendingComputed(GapHousehold h, string standard, DateOnly asOf, int? afterYear)
    {
        if (!h.Computed.TryGetValue(standard, out var years))
        {
            return null;
        }

        for (var i = years.Count - 1; i >= 0; i--)
        {
            var year = years.Keys[i];
            if (year <= asOf.Year)
            {
                return afterYear is { } a && year <= a ? null : (year, years.Values[i]);
            }
        }

        return null;
    }

    /// <summary>Recognised statuses that have taken effect by <paramref name="asOf"/>, in the order they took effect.</summary>
    private static IEnumerable<GapStatus> Effective(GapHousehold h, string standard, DateOnly asOf) =>
        h.Recognised.TryGetValue(standard, out var list) ? list.Where(s => s.PolicyFrom <= asOf) : [];

    /// <summary>
    /// The day the household left the poor/near-poor list: the policy start of the first recognised status above both
    /// lists after one on a list (a periodic list of year Y: 1 January of Y+1; a regular decision: its signing day).
    /// </summary>
    public static DateOnly? EscapedOn(GapHousehold h, string standard, DateOnly asOf)
    {
        DateOnly? escaped = null;
        var wasListed = false;
        foreach (var s in Effective(h, standard, asOf))
        {
            var listed = s.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor;
            if (listed)
            {
                escaped = null;
            }
            else if (wasListed)
            {
                escaped ??= s.PolicyFrom;
            }

            wasListed = listed;
        }

        return escaped;
    }

    /// <summary>
    /// The day the household's current unbroken run on the recognised poor/near-poor list began (its policy start); for a
    /// household with only a computed result on a list, the day it was computed.
    /// </summary>
    private static DateOnly? ListedSince(GapHousehold h, string standard, DateOnly asOf)
    {
        DateOnly? since = null;
        var any = false;
        foreach (var s in Effective(h, standard, asOf))
        {
            any = true;
            since = s.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor ? since ?? s.PolicyFrom : null;
        }

        if (!any && PendingComputed(h, standard, asOf, null) is { } p && p.Value.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor)
        {
            since = p.Value.ComputedOn;
        }

        return since;
    }

    private static string[] Split(string deprived) => deprived.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static HashSet<string> NeedCodes(SupportNeeds needs)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var need in Enum.GetValues<SupportNeeds>())
        {
            if (need != SupportNeeds.None && needs.HasFlag(need))
            {
                codes.Add(need.ToCode());
            }
        }

        return codes;
    }
}
