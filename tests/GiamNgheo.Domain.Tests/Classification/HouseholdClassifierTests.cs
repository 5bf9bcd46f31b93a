using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Tests.Classification;

public class HouseholdClassifierTests
{
    private static readonly PovertyStandard Qd59 = StandardCatalog.Get("QD59_2015");
    private static readonly PovertyStandard Nd07 = StandardCatalog.Get("ND07_2021");
    private static readonly PovertyStandard Nd351 = StandardCatalog.Get("ND351_2025");

    /// <summary>
    /// QĐ 59/2015 Art. 2 (docs/domain.md §1.3): poor when I ≤ P, or P &lt; I ≤ N with ≥ 3 deprivations;
    /// near-poor when P &lt; I ≤ N with &lt; 3; medium up to M [M]. Rural P 700,000, N 1,000,000, M 1,500,000.
    /// </summary>
    [Theory]
    [InlineData("rural", 699_999, 0, "poor")]
    [InlineData("rural", 700_000, 0, "poor")]
    [InlineData("rural", 700_000, 10, "poor")]
    [InlineData("rural", 700_001, 0, "near_poor")]
    [InlineData("rural", 700_001, 2, "near_poor")]
    [InlineData("rural", 700_001, 3, "poor")]
    [InlineData("rural", 700_001, 4, "poor")]
    [InlineData("rural", 999_999, 2, "near_poor")]
    [InlineData("rural", 999_999, 3, "poor")]
    [InlineData("rural", 1_000_000, 2, "near_poor")]
    [InlineData("rural", 1_000_000, 3, "poor")]
    [InlineData("rural", 1_000_000, 10, "poor")]
    [InlineData("rural", 1_000_001, 10, "medium")]
    [InlineData("rural", 1_000_001, 0, "medium")]
    [InlineData("rural", 1_499_999, 0, "medium")]
    [InlineData("rural", 1_500_000, 0, "medium")]
    [InlineData("rural", 1_500_001, 0, "not_poor")]
    [InlineData("urban", 899_999, 0, "poor")]
    [InlineData("urban", 900_000, 0, "poor")]
    [InlineData("urban", 900_001, 2, "near_poor")]
    [InlineData("urban", 900_001, 3, "poor")]
    [InlineData("urban", 1_299_999, 3, "poor")]
    [InlineData("urban", 1_300_000, 2, "near_poor")]
    [InlineData("urban", 1_300_000, 3, "poor")]
    [InlineData("urban", 1_300_001, 3, "medium")]
    [InlineData("urban", 1_949_999, 0, "medium")]
    [InlineData("urban", 1_950_000, 0, "medium")]
    [InlineData("urban", 1_950_001, 0, "not_poor")]
    public void Classify_Qd59IncomeAndDeprivations_FollowsArticle2(string area, long income, int deprivations, string expected) =>
        AssertCategory(Qd59, area, income, deprivations, expected);

    /// <summary>
    /// NĐ 07/2021 Art. 3.2 (docs/domain.md §2.3): poor when I ≤ L and D ≥ 3; near-poor when I ≤ L and D &lt; 3;
    /// medium when L &lt; I ≤ U [V3]. Rural L 1,500,000, U 2,250,000; urban 2,000,000 / 3,000,000.
    /// </summary>
    [Theory]
    [InlineData("rural", 0, 0, "near_poor")]
    [InlineData("rural", 1_499_999, 2, "near_poor")]
    [InlineData("rural", 1_499_999, 3, "poor")]
    [InlineData("rural", 1_500_000, 0, "near_poor")]
    [InlineData("rural", 1_500_000, 2, "near_poor")]
    [InlineData("rural", 1_500_000, 3, "poor")]
    [InlineData("rural", 1_500_000, 4, "poor")]
    [InlineData("rural", 1_500_000, 12, "poor")]
    [InlineData("rural", 1_500_001, 12, "medium")]
    [InlineData("rural", 1_500_001, 0, "medium")]
    [InlineData("rural", 2_249_999, 0, "medium")]
    [InlineData("rural", 2_250_000, 0, "medium")]
    [InlineData("rural", 2_250_001, 0, "not_poor")]
    [InlineData("urban", 1_999_999, 3, "poor")]
    [InlineData("urban", 2_000_000, 5, "poor")]
    [InlineData("urban", 2_000_000, 3, "poor")]
    [InlineData("urban", 2_000_000, 2, "near_poor")]
    [InlineData("urban", 2_000_001, 5, "medium")]
    [InlineData("urban", 2_999_999, 0, "medium")]
    [InlineData("urban", 3_000_000, 0, "medium")]
    [InlineData("urban", 3_000_001, 0, "not_poor")]
    public void Classify_Nd07IncomeAndDeprivations_FollowsArticle3Clause2(string area, long income, int deprivations, string expected) =>
        AssertCategory(Nd07, area, income, deprivations, expected);

    /// <summary>NĐ 351/2025 as reported (docs/domain.md §3.2, [V3]): one line, rural 2,200,000, urban 2,800,000, no medium band.</summary>
    [Theory]
    [InlineData("rural", 2_199_999, 3, "poor")]
    [InlineData("rural", 2_200_000, 3, "poor")]
    [InlineData("rural", 2_200_000, 2, "near_poor")]
    [InlineData("rural", 2_200_001, 13, "not_poor")]
    [InlineData("urban", 2_799_999, 2, "near_poor")]
    [InlineData("urban", 2_800_000, 3, "poor")]
    [InlineData("urban", 2_800_000, 2, "near_poor")]
    [InlineData("urban", 2_800_001, 3, "not_poor")]
    public void Classify_Nd351IncomeAndDeprivations_FollowsTheReportedRule(string area, long income, int deprivations, string expected) =>
        AssertCategory(Nd351, area, income, deprivations, expected);

    /// <summary>The September 2025 draft of NĐ 351 had two lines (rural 1.9 M / 2.2 M): the engine expresses it as data.</summary>
    [Theory]
    [InlineData(1_900_000, 0, "poor")]
    [InlineData(1_900_001, 2, "near_poor")]
    [InlineData(1_900_001, 3, "poor")]
    [InlineData(2_200_000, 3, "poor")]
    [InlineData(2_200_001, 3, "not_poor")]
    public void Classify_Nd351DraftTwoLines_IsExpressibleAsData(long income, int deprivations, string expected)
    {
        var draft = Nd351 with
        {
            Code = "ND351_DRAFT",
            Shape = new Marked<RuleShape>(RuleShape.TwoLines, VerificationMark.SecondarySource),
            Rural = new IncomeLines(new Marked<long>(1_900_000, VerificationMark.SecondarySource), new Marked<long>(2_200_000, VerificationMark.SecondarySource)),
            Urban = new IncomeLines(new Marked<long>(2_500_000, VerificationMark.SecondarySource), new Marked<long>(2_800_000, VerificationMark.SecondarySource)),
        };
        AssertCategory(draft.Validated(), "rural", income, deprivations, expected);
    }

    /// <summary>B1 scores (docs/domain.md §4.7, all [M]): QĐ 59 rural 120 / 150, ND 07 rural 140, urban 175.</summary>
    [Theory]
    [InlineData("QD59_2015", "rural", 120, 0, "poor")]
    [InlineData("QD59_2015", "rural", 121, 2, "near_poor")]
    [InlineData("QD59_2015", "rural", 121, 3, "poor")]
    [InlineData("QD59_2015", "rural", 150, 3, "poor")]
    [InlineData("QD59_2015", "rural", 151, 3, "not_poor")]
    [InlineData("QD59_2015", "urban", 140, 0, "poor")]
    [InlineData("QD59_2015", "urban", 175, 2, "near_poor")]
    [InlineData("ND07_2021", "rural", 140, 3, "poor")]
    [InlineData("ND07_2021", "rural", 140, 2, "near_poor")]
    [InlineData("ND07_2021", "rural", 141, 3, "not_poor")]
    [InlineData("ND07_2021", "urban", 175, 3, "poor")]
    [InlineData("ND07_2021", "urban", 176, 0, "not_poor")]
    public void Classify_B1Score_UsesTheScoreThresholds(string code, string area, int score, int deprivations, string expected)
    {
        var standard = StandardCatalog.Get(code);
        var result = HouseholdClassifier.Classify(Households.WithScore(standard, Households.Area(area), score, deprivations), standard, Households.ReviewDate);
        Assert.Equal(Households.Category(expected), result.Category);
        Assert.Equal(IncomeBasis.B1Score, result.Basis);
        Assert.Contains("điểm", result.ReasonVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_B1ScoreUnderStandardWithoutScores_Throws() =>
        Assert.Throws<ArgumentException>(() => HouseholdClassifier.Classify(Households.WithScore(Nd351, AreaType.Rural, 100, 0), Nd351, Households.ReviewDate));

    [Fact]
    public void Classify_NeitherIncomeNorScore_Throws() =>
        Assert.Throws<ArgumentException>(() => HouseholdClassifier.Classify(new HouseholdFacts { Area = AreaType.Rural }, Nd07, Households.ReviewDate));

    /// <summary>
    /// The provincial directive measures under QĐ 59/2015 while NĐ 07/2021 is law (docs/domain.md §10.4): a
    /// rural household with 650,000 đồng and one deprivation is poor under QĐ 59 (I ≤ 700,000) and near-poor under
    /// NĐ 07 (I ≤ 1,500,000, D &lt; 3).
    /// </summary>
    [Fact]
    public void Classify_SameHouseholdUnderTwoStandards_PoorUnderQd59NearPoorUnderNd07()
    {
        var facts = new HouseholdFacts
        {
            Area = AreaType.Rural,
            IncomePerPersonPerMonth = 650_000,
            Answers = new Dictionary<string, bool> { ["water"] = true },
        };
        var old = HouseholdClassifier.Classify(facts, Qd59, Households.ReviewDate);
        var current = HouseholdClassifier.Classify(facts, Nd07, Households.ReviewDate);
        Assert.Equal(HouseholdCategory.Poor, old.Category);
        Assert.Equal(DecidingRule.AtOrBelowPovertyLine, old.Rule);
        Assert.Equal(HouseholdCategory.NearPoor, current.Category);
        Assert.Equal(DecidingRule.AtOrBelowLineDeprivedLess, current.Rule);
        Assert.Equal(["water"], current.DeprivedCodes);
        Assert.Equal(1, old.DeprivationCount);
    }

    [Fact]
    public void Classify_PoorUnderNd07_ReasonCitesTheArticleInVietnamese()
    {
        var result = HouseholdClassifier.Classify(Households.WithIncome(Nd07, AreaType.Rural, 1_400_000, 3), Nd07, Households.ReviewDate);
        Assert.Equal(
            "Thu nhập bình quân 1.400.000 đồng/người/tháng, từ 1.500.000 đồng trở xuống (khu vực nông thôn), thiếu hụt 3 chỉ số (từ 3 chỉ số trở lên): hộ nghèo theo khoản 2 Điều 3 Nghị định 07/2021/NĐ-CP.",
            result.ReasonVi);
        Assert.Equal(0b111u, result.DeprivationMask);
        Assert.True(result.IsComplete);
        Assert.All(result.Indicators, i => Assert.Equal(IndicatorSource.DirectAnswer, i.Source));
    }

    [Fact]
    public void Classify_UnansweredIndicator_CountsAsNotDeprivedAndIsIncomplete()
    {
        var facts = new HouseholdFacts { Area = AreaType.Urban, IncomePerPersonPerMonth = 1_000_000 };
        var result = HouseholdClassifier.Classify(facts, Nd07, Households.ReviewDate);
        Assert.Equal(HouseholdCategory.NearPoor, result.Category);
        Assert.False(result.IsComplete);
    }

    /// <summary>
    /// docs/domain.md §12.2: a B1 score is compared only with thresholds of the table it was taken under. A TT 07/2021
    /// score of 130 (poor by the NĐ 07 scale when deprived) is never read on the TT 17/2016 scale of QĐ 59, and the
    /// reverse; the reason says why in Vietnamese.
    /// </summary>
    [Theory]
    [InlineData("QD59_2015", ScoreTables.Tt07Of2021)]
    [InlineData("ND07_2021", ScoreTables.Tt17Of2016)]
    [InlineData("QD59_2015", null)]
    public void Classify_B1ScoreOfAnotherTable_IsNeverCompared(string code, string? table)
    {
        var standard = StandardCatalog.Get(code);
        var facts = Households.WithScore(standard, AreaType.Rural, 130, 3) with { B1ScoreTable = table };
        var ex = Assert.Throws<ArgumentException>(() => HouseholdClassifier.Classify(facts, standard, Households.ReviewDate));
        Assert.StartsWith($"Không phân loại được theo chuẩn {code}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ex.Message.Split(" (Parameter")[0], HouseholdClassifier.CannotClassifyReason(facts, standard));
        Assert.Throws<ArgumentException>(() => HouseholdClassifier.Decide(facts, standard, Households.ReviewDate));
        Assert.Null(CompiledStandard.Compile(standard).CategorizeScore(130, table, AreaType.Rural, 0b111));
    }

    [Fact]
    public void Classify_B1ScoreOfTheSameTable_IsCompared()
    {
        var facts = Households.WithScore(Qd59, AreaType.Rural, 130, 3) with { B1ScoreTable = ScoreTables.Tt17Of2016 };
        Assert.Equal(HouseholdCategory.Poor, HouseholdClassifier.Classify(facts, Qd59, Households.ReviewDate).Category);
        Assert.Equal(HouseholdCategory.Poor, CompiledStandard.Compile(Qd59).CategorizeScore(130, ScoreTables.Tt17Of2016, AreaType.Rural, 0b111));
        var nd07 = Households.WithScore(Nd07, AreaType.Rural, 130, 3) with { B1ScoreTable = ScoreTables.Tt07Of2021 };
        Assert.Equal(HouseholdCategory.Poor, HouseholdClassifier.Classify(nd07, Nd07, Households.ReviewDate).Category);
    }

    /// <summary>Measured income is used whatever table a score would belong to: the mismatch only bars the score.</summary>
    [Fact]
    public void Classify_IncomeAndScoreOfAnotherTable_UsesIncome()
    {
        var facts = Households.WithIncome(Qd59, AreaType.Rural, 650_000, 0) with { B1Score = 300, B1ScoreTable = ScoreTables.Tt07Of2021 };
        var result = HouseholdClassifier.Classify(facts, Qd59, Households.ReviewDate);
        Assert.Equal(HouseholdCategory.Poor, result.Category);
        Assert.Equal(IncomeBasis.Income, result.Basis);
    }

    /// <summary>
    /// The QĐ 59-only indicators left unanswered (an NĐ 07 questionnaire): incomplete, counted as not deprived in the
    /// category and as deprived in the pessimistic category. 800,000 đồng rural with one deprivation: near-poor; with the
    /// three unknown indicators deprived (4 ≥ 3): poor.
    /// </summary>
    [Fact]
    public void Classify_Qd59OnlyIndicatorsMissing_IncompleteWithPessimisticCategory()
    {
        var answers = Qd59.Indicators.Select(i => i.Code)
            .Where(c => c is not ("health_access" or "telecom_2016" or "information_assets"))
            .ToDictionary(c => c, c => c == "water");
        var facts = new HouseholdFacts { Area = AreaType.Rural, IncomePerPersonPerMonth = 800_000, Answers = answers };
        var result = HouseholdClassifier.Classify(facts, Qd59, Households.ReviewDate);
        Assert.False(result.IsComplete);
        Assert.Equal(HouseholdCategory.NearPoor, result.Category);
        Assert.Equal(HouseholdCategory.Poor, result.PessimisticCategory);
        Assert.Equal(3, System.Numerics.BitOperations.PopCount(result.UnansweredMask));
        var outcome = HouseholdClassifier.DecideFully(facts, Qd59, Households.ReviewDate);
        Assert.Equal(new ClassificationOutcome(result.Category, result.DeprivationMask, result.UnansweredMask, result.PessimisticCategory), outcome);

        var complete = HouseholdClassifier.Classify(facts with { Answers = Households.Answers(Qd59, 1) }, Qd59, Households.ReviewDate);
        Assert.True(complete.IsComplete);
        Assert.Equal(complete.Category, complete.PessimisticCategory);
    }

    private static void AssertCategory(PovertyStandard standard, string area, long income, int deprivations, string expected)
    {
        var facts = Households.WithIncome(standard, Households.Area(area), income, deprivations);
        var result = HouseholdClassifier.Classify(facts, standard, Households.ReviewDate);
        Assert.Equal(Households.Category(expected), result.Category);
        Assert.Equal(deprivations, result.DeprivationCount);
        Assert.Equal(result.Rule.Category(), result.Category);
        Assert.Contains(standard.RuleArticle.Value, result.ReasonVi, StringComparison.Ordinal);
        var batch = CompiledStandard.Compile(standard).Categorize(income, Households.Area(area), result.DeprivationMask);
        Assert.Equal(result.Category, batch);
    }
}
