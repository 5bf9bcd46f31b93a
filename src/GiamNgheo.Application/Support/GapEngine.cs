using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Policies;

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
    /// <summary>Classification history per standard: year → (category, deprived codes, computed at).</summary>
    public Dictionary<string, SortedList<int, GapClassification>> History { get; } = new(StringComparer.Ordinal);
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
        return new HouseholdGaps(h.Id, h.Code, h.HeadName, h.CommuneCode, h.VillageCode, listStandard, current?.Category, statuses, unanswered,
            waitingSince, waitingDays, lastSupport);
    }

    public static PolicyFacts Facts(GapHousehold h, string standard, DateOnly asOf, bool inPoorCommune)
    {
        var categories = new Dictionary<string, HouseholdCategory>(StringComparer.Ordinal);
        foreach (var (code, _) in h.History)
        {
            if (Latest(h, code, asOf) is { } latest)
            {
                categories[code] = latest.Category;
            }
        }

        var current = Latest(h, standard, asOf);
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

    public static GapClassification? Latest(GapHousehold h, string standard, DateOnly asOf)
    {
        if (!h.History.TryGetValue(standard, out var years))
        {
            return null;
        }

        for (var i = years.Count - 1; i >= 0; i--)
        {
            if (years.Keys[i] <= asOf.Year)
            {
                return years.Values[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The household left the poor/near-poor list on 31 December of the first review year in which it was above both,
    /// after a year in which it was on one (the recognition closes the review year) [M].
    /// </summary>
    public static DateOnly? EscapedOn(GapHousehold h, string standard, DateOnly asOf)
    {
        if (!h.History.TryGetValue(standard, out var years))
        {
            return null;
        }

        DateOnly? escaped = null;
        var wasListed = false;
        foreach (var (year, c) in years)
        {
            if (year > asOf.Year)
            {
                break;
            }

            var listed = c.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor;
            if (listed)
            {
                escaped = null;
            }
            else if (wasListed)
            {
                escaped = new DateOnly(year, 12, 31) > asOf ? asOf : new DateOnly(year, 12, 31);
            }

            wasListed = listed;
        }

        return escaped;
    }

    /// <summary>The day the household's current unbroken run on the poor/near-poor list began (its first classification in it).</summary>
    private static DateOnly? ListedSince(GapHousehold h, string standard, DateOnly asOf)
    {
        if (!h.History.TryGetValue(standard, out var years))
        {
            return null;
        }

        DateOnly? since = null;
        foreach (var (year, c) in years)
        {
            if (year > asOf.Year)
            {
                break;
            }

            since = c.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor ? since ?? c.ComputedOn : null;
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
