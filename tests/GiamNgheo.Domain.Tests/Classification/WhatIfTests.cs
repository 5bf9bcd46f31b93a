using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Tests.Classification;

public class WhatIfTests
{
    private static readonly PovertyStandard Nd07 = StandardCatalog.Get("ND07_2021");
    private static readonly PovertyStandard Nd351 = StandardCatalog.Get("ND351_2025");

    [Fact]
    public void Compare_Nd07ToNd351_CountsEnteringAndLeavingPerCommune()
    {
        var households = new (string, HouseholdFacts)[]
        {
            ("00001", Facts(1_400_000, "water", "sanitation", "employment")),   // poor → poor
            ("00001", Facts(1_800_000, "water", "sanitation", "employment")),   // medium → poor
            ("00001", Facts(2_100_000)),                                        // medium → near-poor
            ("00002", Facts(2_300_000)),                                        // not poor → not poor
            ("00002", Facts(2_190_000, "information_devices")),                  // medium → near-poor (no such indicator in ND351)
        };
        var report = WhatIfAnalysis.Compare(households, Nd07, Nd351, Households.ReviewDate);
        Assert.Equal(["00001", "00002"], report.Groups.Select(g => g.Key));
        var first = report.Groups[0].Transitions;
        Assert.Equal(1, first.Entering(HouseholdCategory.Poor));
        Assert.Equal(1, first.Entering(HouseholdCategory.NearPoor));
        Assert.Equal(2, first.Leaving(HouseholdCategory.Medium));
        Assert.Equal(0, first.Leaving(HouseholdCategory.Poor));
        Assert.Equal(5, report.Total.Households);
        Assert.Equal(3, report.Total.Leaving(HouseholdCategory.Medium));
        Assert.Equal(2, report.Total.Entering(HouseholdCategory.NearPoor));
    }

    /// <summary>
    /// A household with only a B1 score that one standard cannot take (another score table) is counted apart, not compared,
    /// and does not fail the comparison of the others.
    /// </summary>
    [Fact]
    public void Compare_ScoreOneStandardCannotTake_CountedAsNotComparable()
    {
        var scoreOnly = new HouseholdFacts { Area = AreaType.Rural, B1Score = 130, B1ScoreTable = "TT07_2021", Answers = new Dictionary<string, bool>() };
        var qd59 = StandardCatalog.Get("QD59_2015");
        var households = new (string, HouseholdFacts)[] { ("00001", Facts(1_400_000, "water", "sanitation", "employment")), ("00001", scoreOnly) };
        var report = WhatIfAnalysis.Compare(households, Nd07, qd59, Households.ReviewDate);
        Assert.Equal(1, report.Total.Households);
        Assert.Equal(1, report.NotComparable);
    }

    [Fact]
    public void WhatIf_Batch_MatchesTheFactsPath()
    {
        var compiledFrom = CompiledStandard.Compile(Nd07);
        var compiledTo = CompiledStandard.Compile(Nd351);
        long[] income = [1_400_000, 1_800_000, 2_100_000, 2_300_000];
        byte[] area = [0, 0, 0, 1];
        var fromMasks = new uint[] { 0b111, 0b111, 0, 0 };
        var toMasks = new uint[] { 0b111, 0b111, 0, 0 };
        int[] group = [0, 0, 1, 1];
        var report = BatchClassifier.WhatIf(compiledFrom, fromMasks, compiledTo, toMasks, income, area, group, ["a", "b"]);
        Assert.Equal(1, report.Groups[0].Transitions.Entering(HouseholdCategory.Poor));
        Assert.Equal(2, report.Groups[1].Transitions.Entering(HouseholdCategory.NearPoor));
        Assert.Equal(2, report.Groups[1].Transitions.Count(HouseholdCategory.Medium, HouseholdCategory.NearPoor));
    }

    private static HouseholdFacts Facts(long income, params string[] deprived) => new()
    {
        Area = AreaType.Rural,
        IncomePerPersonPerMonth = income,
        Answers = deprived.ToDictionary(c => c, _ => true),
    };
}
