using CsCheck;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Tests.Classification;

public class ClassificationPropertyTests
{
    private static readonly Gen<PovertyStandard> AnyStandard = Gen.OneOf(StandardCatalog.All.ToArray());
    private static readonly Gen<AreaType> AnyArea = Gen.Enum<AreaType>();
    private static readonly Gen<long> AnyIncome = Gen.Long[0, 4_000_000];

    /// <summary>More income never makes a household poorer (categories are ordered poor &lt; near-poor &lt; medium &lt; not poor).</summary>
    [Fact]
    public void Categorize_MoreIncome_NeverPoorer() =>
        Gen.Select(AnyStandard, AnyArea, AnyIncome, Gen.Long[0, 2_000_000], Gen.UInt).Sample((standard, area, income, more, mask) =>
        {
            var compiled = CompiledStandard.Compile(standard);
            var m = Mask(standard, mask);
            Assert.True(compiled.Categorize(income + more, area, m) >= compiled.Categorize(income, area, m));
        });

    /// <summary>Fewer deprivations (a subset of the deprived indicators) never make a household poorer.</summary>
    [Fact]
    public void Categorize_FewerDeprivations_NeverPoorer() =>
        Gen.Select(AnyStandard, AnyArea, AnyIncome, Gen.UInt, Gen.UInt).Sample((standard, area, income, mask, removed) =>
        {
            var compiled = CompiledStandard.Compile(standard);
            var m = Mask(standard, mask);
            Assert.True(compiled.Categorize(income, area, m & ~removed) >= compiled.Categorize(income, area, m));
        });

    /// <summary>The branch-free batch rule is the rule of the law.</summary>
    [Fact]
    public void Categorize_AnyHousehold_EqualsTheScalarRule() =>
        Gen.Select(AnyStandard, AnyArea, AnyIncome, Gen.UInt).Sample((standard, area, income, mask) =>
        {
            var m = Mask(standard, mask);
            var lines = standard.IncomeLinesFor(area);
            var rule = PovertyRule.Decide(standard.Shape.Value, income, lines.PovertyLine.Value, lines.NearPovertyLine?.Value,
                lines.MediumUpperBound?.Value, System.Numerics.BitOperations.PopCount(m), standard.DeprivationThreshold.Value);
            Assert.Equal(rule.Category(), CompiledStandard.Compile(standard).Categorize(income, area, m));
        });

    /// <summary>The batch path and the scalar classifier agree household by household, and the counts add up.</summary>
    [Fact]
    public void Classify_Batch_MatchesHouseholdClassifier() =>
        Gen.Select(AnyArea, AnyIncome, Gen.UInt).Array[0, 300].Sample(rows =>
        {
            var standard = StandardCatalog.Get("ND07_2021");
            var compiled = CompiledStandard.Compile(standard);
            var income = rows.Select(r => r.Item2).ToArray();
            var area = rows.Select(r => (byte)r.Item1).ToArray();
            var masks = rows.Select(r => Mask(standard, r.Item3)).ToArray();
            var categories = new HouseholdCategory[rows.Length];
            BatchClassifier.Classify(compiled, income, area, masks, categories);
            for (var i = 0; i < rows.Length; i++)
            {
                var facts = new HouseholdFacts
                {
                    Area = rows[i].Item1,
                    IncomePerPersonPerMonth = income[i],
                    Answers = standard.Indicators.Select((ind, j) => (ind.Code, (masks[i] >> j & 1) == 1)).ToDictionary(x => x.Code, x => x.Item2),
                };
                Assert.Equal(HouseholdClassifier.Classify(facts, standard, Households.ReviewDate).Category, categories[i]);
            }

            var counts = BatchClassifier.Count(compiled, income, area, masks);
            Assert.Equal(rows.Length, counts.Total);
            Assert.Equal(categories.Count(c => c == HouseholdCategory.Poor), counts.Poor);
            Assert.Equal(categories.Count(c => c == HouseholdCategory.Medium), counts.Medium);
        });

    /// <summary>
    /// The bulk import's <see cref="HouseholdClassifier.Decide"/> (no sentences) gives the category, deprivation mask and
    /// (through <see cref="HouseholdClassifier.DeprivedCodes"/>) deprived codes of <see cref="HouseholdClassifier.Classify"/> for any household — income or B1 score, answers, members — under every
    /// shipped standard, and fails where it fails: a B1 score is compared only with thresholds of its own score table (the
    /// compiled score path agrees), and the pessimistic category never is better than the category.
    /// </summary>
    [Fact]
    public void Decide_AnyHousehold_EqualsClassify()
    {
        var member = Gen.Select(Gen.Int[0, 95], Gen.Bool, Gen.Enum<Domain.Households.EducationLevel>(), Gen.Enum<Domain.Households.Schooling>(),
                Gen.Enum<Domain.Households.Employment>(), Gen.Enum<Domain.Households.Disability>())
            .Select((age, insured, education, schooling, employment, disability) => new MemberFacts
            {
                DateOfBirth = Households.ReviewDate.AddYears(-age).AddDays(-age * 3),
                HasHealthInsurance = insured,
                Education = education,
                Schooling = schooling,
                Employment = employment,
                Disability = disability,
            });
        var codes = StandardCatalog.All.SelectMany(s => s.Indicators).Select(i => i.Code).Distinct().ToArray();
        var tables = Gen.Int[0, 2].Select(i => i switch { 0 => null, 1 => ScoreTables.Tt17Of2016, _ => (string?)ScoreTables.Tt07Of2021 });
        Gen.Select(AnyStandard, AnyArea, Gen.Long[-1, 4_000_000], Gen.Int[-1, 200], tables, Gen.UInt, Gen.UInt, member.Array[0, 8]).Sample(
            (standard, area, income, score, table, answered, deprived, members) =>
            {
                var facts = new HouseholdFacts
                {
                    Area = area,
                    IncomePerPersonPerMonth = income < 0 ? null : income,
                    B1Score = score < 0 ? null : score,
                    B1ScoreTable = table,
                    Answers = codes.Select((c, i) => (c, i)).Where(x => (answered >> (x.i % 32) & 1) == 1).ToDictionary(x => x.c, x => (deprived >> (x.i % 32) & 1) == 1),
                    Members = members,
                };
                Domain.Classification.Classification? full = null;
                try
                {
                    full = HouseholdClassifier.Classify(facts, standard, Households.ReviewDate);
                }
                catch (ArgumentException)
                {
                }

                var compiledScore = facts is { IncomePerPersonPerMonth: null, B1Score: { } b1 }
                    ? CompiledStandard.Compile(standard).CategorizeScore(b1, table, area, full?.DeprivationMask ?? 0)
                    : null;
                if (full is null)
                {
                    Assert.Throws<ArgumentException>(() => HouseholdClassifier.Decide(facts, standard, Households.ReviewDate));
                    Assert.Null(compiledScore);
                    Assert.NotNull(HouseholdClassifier.CannotClassifyReason(facts, standard));
                    return;
                }

                Assert.Null(HouseholdClassifier.CannotClassifyReason(facts, standard));
                if (full.Basis == IncomeBasis.B1Score)
                {
                    Assert.Equal(table, standard.B1ScoreTable?.Value);
                    Assert.Equal(full.Category, compiledScore);
                }

                var outcome = HouseholdClassifier.DecideFully(facts, standard, Households.ReviewDate);
                Assert.Equal(full.PessimisticCategory, outcome.PessimisticCategory);
                Assert.Equal(full.UnansweredMask, outcome.UnansweredMask);
                Assert.True(full.PessimisticCategory <= full.Category);

                var (category, mask) = HouseholdClassifier.Decide(facts, standard, Households.ReviewDate);
                Assert.Equal(full.Category, category);
                Assert.Equal(full.DeprivationMask, mask);
                Assert.Equal(full.DeprivedCodes, HouseholdClassifier.DeprivedCodes(standard, mask));
            });
    }

    private static uint Mask(PovertyStandard standard, uint bits) =>
        standard.Indicators.Count == 32 ? bits : bits & ((1u << standard.Indicators.Count) - 1);
}
