using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Domain.Reports;

/// <summary>What an aggregate row counts.</summary>
public enum ReportAggregateKind
{
    /// <summary>Households (and their persons, children…) sharing the same category, movement facts, groups and head's ethnicity.</summary>
    Households = 0,
    /// <summary>
    /// Households of one category deprived in one indicator (<c>Key.Deprived</c> = [code]), split by
    /// <see cref="ReportAggregate.MultidimensionallyPoor"/> (forms 4–7; the Alkire–Foster censored headcounts).
    /// </summary>
    Deprivations = 1,
    /// <summary>Poor or near-poor households sharing the same set of causes of poverty (form 10).</summary>
    Causes = 2,
    /// <summary>Households by <see cref="ReportAggregate.MultidimensionallyPoor"/>, with the sum of their deprivation scores (Alkire–Foster H, A, M0).</summary>
    Multidimensional = 3,
    /// <summary>
    /// Incomplete households (an indicator unanswered) by category and <see cref="ReportHousehold.PessimisticCategory"/>:
    /// every figure of the standard says how many they are and gives its range (docs/standards.md, completeness rule).
    /// </summary>
    Incomplete = 4,
}

/// <summary>The Alkire–Foster identification the aggregates keep: a household's weighted deprivation score and the cut-off k.</summary>
public sealed record ReportDeprivationScore(IReadOnlyDictionary<string, double> Weights, double Cutoff)
{
    /// <summary>Tolerance for c ≥ k, as in <see cref="Measures.AlkireFosterAccumulator"/>.</summary>
    private const double Tolerance = 1e-9;

    public double Score(IEnumerable<string> deprived) => deprived.Sum(code => Weights.TryGetValue(code, out var w) ? w : 0);

    public bool IsPoor(double score) => score >= Cutoff - Tolerance;
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
    /// <summary>Kinds Deprivations and Multidimensional: the households' score is at least the cut-off k.</summary>
    public bool MultidimensionallyPoor { get; init; }
    /// <summary>Kind Multidimensional: Σ of the households' deprivation scores.</summary>
    public double ScoreSum { get; init; }
}

/// <summary>Groups <see cref="ReportHousehold"/> rows into <see cref="ReportAggregate"/> rows (pure; the reference for the stored aggregates).</summary>
public static class ReportAggregation
{
    /// <param name="households">The rows of one unit, year and standard.</param>
    /// <param name="score">The Alkire–Foster weights and cut-off of the standard; without it every household counts as not multidimensionally poor.</param>
    public static IReadOnlyList<ReportAggregate> Aggregate(IEnumerable<ReportHousehold> households, ReportDeprivationScore? score = null)
    {
        ArgumentNullException.ThrowIfNull(households);
        var core = new Dictionary<(string, HouseholdCategory?, HouseholdCategory?, bool, bool, SpecialGroups, string?, bool, Statuses.StatusSource), Sums>();
        var deprivations = new Dictionary<(string, HouseholdCategory, string, bool), Sums>();
        var causes = new Dictionary<(string, HouseholdCategory, int), Sums>();
        var multidimensional = new Dictionary<(string, bool), Sums>();
        var incomplete = new Dictionary<(string, HouseholdCategory, HouseholdCategory), Sums>();
        foreach (var h in households)
        {
            var listed = h.Category is HouseholdCategory.Poor or HouseholdCategory.NearPoor;
            var key = (h.UnitCode, h.Category, h.PreviousCategory, h.EscapedPoorEarlierInPeriod, h.EscapedNearPoorEarlierInPeriod, h.Groups,
                listed ? h.HeadEthnicityCode : null, h.Recognised, h.Source);
            if (!core.TryGetValue(key, out var sums))
            {
                core[key] = sums = new Sums(h with
                {
                    HouseholdId = 0,
                    HouseholdCode = string.Empty,
                    MemberCount = 0,
                    PreviousMemberCount = 0,
                    Causes = 0,
                    Needs = 0,
                    Deprived = [],
                    Children = 0,
                    ChildrenHealthDeprived = 0,
                    ChildrenEducationDeprived = 0,
                    Members = [],
                    HeadEthnicityCode = listed ? h.HeadEthnicityCode : null,
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

            if (h.Incomplete)
            {
                var pessimistic = h.PessimisticCategory ?? category;
                var ikey = (h.UnitCode, category, pessimistic);
                if (!incomplete.TryGetValue(ikey, out var inc))
                {
                    incomplete[ikey] = inc = new Sums(new ReportHousehold
                    {
                        HouseholdId = 0, UnitCode = h.UnitCode, Category = category, Incomplete = true, PessimisticCategory = pessimistic,
                    });
                }

                inc.Households++;
                inc.Persons += h.MemberCount;
            }

            var codes = h.Deprived.Distinct(StringComparer.Ordinal).ToList();
            var value = score?.Score(codes) ?? 0;
            var poor = score?.IsPoor(value) ?? false;
            var mkey = (h.UnitCode, poor);
            if (!multidimensional.TryGetValue(mkey, out var md))
            {
                multidimensional[mkey] = md = new Sums(new ReportHousehold { HouseholdId = 0, UnitCode = h.UnitCode }) { Poor = poor };
            }

            md.Households++;
            md.Score += value;
            foreach (var code in codes)
            {
                var dkey = (h.UnitCode, category, code, poor);
                if (!deprivations.TryGetValue(dkey, out var d))
                {
                    deprivations[dkey] = d = new Sums(new ReportHousehold { HouseholdId = 0, UnitCode = h.UnitCode, Category = category, Deprived = [code] }) { Poor = poor };
                }

                d.Households++;
            }

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
            .. multidimensional.Values.Select(s => s.ToAggregate(ReportAggregateKind.Multidimensional)),
            .. incomplete.Values.Select(s => s.ToAggregate(ReportAggregateKind.Incomplete)),
        ];
    }

    private sealed class Sums(ReportHousehold key)
    {
        public long Households, Persons, PreviousPersons, Grown, Shrunk, Children, Health, Education;
        public bool Poor;
        public double Score;

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
            MultidimensionallyPoor = Poor,
            ScoreSum = Score,
        };
    }
}
