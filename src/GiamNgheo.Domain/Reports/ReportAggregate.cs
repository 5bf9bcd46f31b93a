using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Domain.Reports;

/// <summary>What an aggregate row counts.</summary>
public enum ReportAggregateKind
{
    /// <summary>Households (and their persons, children…) sharing the same category, movement facts, groups and head's ethnicity.</summary>
    Households = 0,
    /// <summary>Households of one category sharing the same set of deprived indicators (forms 4–7, Alkire–Foster profile).</summary>
    Deprivations = 1,
    /// <summary>Poor or near-poor households sharing the same set of causes of poverty (form 10).</summary>
    Causes = 2,
}

/// <summary>
/// A group of households of one report unit that the count forms cannot tell apart: <see cref="Key"/> holds the facts
/// they share (the other facts are blank), the sums hold what they add up to. Every count form (1–13) is a sum over
/// these rows, so a province's forms are the sum of its villages' rows (<see cref="ReportForms.Build(int, ReportContext, IReadOnlyList{ReportAggregate})"/>).
/// </summary>
public sealed record ReportAggregate
{
    public required ReportAggregateKind Kind { get; init; }
    /// <summary>The shared facts (UnitCode, Category…; see <see cref="ReportAggregation"/> for which facts each kind keeps).</summary>
    public required ReportHousehold Key { get; init; }
    public long Households { get; init; }
    public long Persons { get; init; }
    public long PreviousPersons { get; init; }
    /// <summary>Σ max(0, members − last year's members).</summary>
    public long PersonsGrown { get; init; }
    /// <summary>Σ max(0, last year's members − members).</summary>
    public long PersonsShrunk { get; init; }
    public long Children { get; init; }
    public long ChildrenHealthDeprived { get; init; }
    public long ChildrenEducationDeprived { get; init; }
}

/// <summary>Groups <see cref="ReportHousehold"/> rows into <see cref="ReportAggregate"/> rows (pure; the reference for the stored aggregates).</summary>
public static class ReportAggregation
{
    public static IReadOnlyList<ReportAggregate> Aggregate(IEnumerable<ReportHousehold> households)
    {
        ArgumentNullException.ThrowIfNull(households);
        var core = new Dictionary<(string, HouseholdCategory?, HouseholdCategory?, bool, bool, SpecialGroups, string?, bool), Sums>();
        var deprivations = new Dictionary<(string, HouseholdCategory, string), Sums>();
        var causes = new Dictionary<(string, HouseholdCategory, int), Sums>();
        foreach (var h in households)
        {
            var listed = h.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor;
            var key = (h.UnitCode, h.Category, h.PreviousCategory, h.EscapedPoorEarlierInPeriod, h.EscapedNearPoorEarlierInPeriod, h.Groups,
                listed ? h.HeadEthnicityCode : null, h.Recognised);
            if (!core.TryGetValue(key, out var sums))
            {
                core[key] = sums = new Sums(h with
                {
                    HouseholdId = 0, HouseholdCode = string.Empty, MemberCount = 0, PreviousMemberCount = 0, Causes = 0, Needs = 0, Deprived = [],
                    Children = 0, ChildrenHealthDeprived = 0, ChildrenEducationDeprived = 0, Members = [], HeadEthnicityCode = listed ? h.HeadEthnicityCode : null,
                });
            }

            sums.Households++;
            sums.Persons += h.MemberCount;
            sums.PreviousPersons += h.PreviousMemberCount;
            sums.Grown += Math.Max(0, h.MemberCount - h.PreviousMemberCount);
            sums.Shrunk += Math.Max(0, h.PreviousMemberCount - h.MemberCount);
            sums.Children += h.Children;
            sums.Health += h.ChildrenHealthDeprived;
            sums.Education += h.ChildrenEducationDeprived;

            if (h.Category is not { } category)
            {
                continue;
            }

            var codes = h.Deprived.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var dkey = (h.UnitCode, category, string.Join(';', codes));
            if (!deprivations.TryGetValue(dkey, out var d))
            {
                deprivations[dkey] = d = new Sums(new ReportHousehold { HouseholdId = 0, UnitCode = h.UnitCode, Category = category, Deprived = codes });
            }

            d.Households++;
            if (listed)
            {
                var ckey = (h.UnitCode, category, h.Causes);
                if (!causes.TryGetValue(ckey, out var c))
                {
                    causes[ckey] = c = new Sums(new ReportHousehold { HouseholdId = 0, UnitCode = h.UnitCode, Category = category, Causes = h.Causes });
                }

                c.Households++;
            }
        }

        return
        [
            .. core.Values.Select(s => s.ToAggregate(ReportAggregateKind.Households)),
            .. deprivations.Values.Select(s => s.ToAggregate(ReportAggregateKind.Deprivations)),
            .. causes.Values.Select(s => s.ToAggregate(ReportAggregateKind.Causes)),
        ];
    }

    private sealed class Sums(ReportHousehold key)
    {
        public long Households, Persons, PreviousPersons, Grown, Shrunk, Children, Health, Education;

        public ReportAggregate ToAggregate(ReportAggregateKind kind) => new()
        {
            Kind = kind,
            Key = key,
            Households = Households,
            Persons = Persons,
            PreviousPersons = PreviousPersons,
            PersonsGrown = Grown,
            PersonsShrunk = Shrunk,
            Children = Children,
            ChildrenHealthDeprived = Health,
            ChildrenEducationDeprived = Education,
        };
    }
}
