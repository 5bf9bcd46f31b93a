using System.Numerics;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Classification;

/// <summary>
/// Classifies one household under one standard (domain-vietnam.md §1.3, §2.3, §3.2). The standard and the
/// review date are parameters, so the same household is classified under several standards in one review.
/// </summary>
public static class HouseholdClassifier
{
    /// <exception cref="ArgumentException">
    /// The facts carry neither income nor a B1 score, or only a B1 score for a standard without B1 thresholds.
    /// </exception>
    public static Classification Classify(HouseholdFacts facts, PovertyStandard standard, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(standard);

        var indicators = EvaluateIndicators(facts, standard, asOf);
        var mask = Mask(indicators);
        var deprivations = BitOperations.PopCount(mask);
        var k = standard.DeprivationThreshold.Value;
        var (basis, value, poverty, near, medium) = Lines(facts, standard);
        var rule = PovertyRule.Decide(standard.Shape.Value, value, poverty, near, medium, deprivations, k);
        return new Classification
        {
            StandardCode = standard.Code,
            Category = rule.Category(),
            DeprivationCount = deprivations,
            DeprivationMask = mask,
            Indicators = indicators,
            Rule = rule,
            Basis = basis,
            ReasonVi = DecisionReason.Sentence(rule, basis, facts.Area, value, poverty, near, medium, deprivations, k, standard.RuleArticle.Value),
        };
    }

    /// <summary>
    /// The category and deprivation mask only, without the Vietnamese sentences (what a bulk import stores; the household
    /// page rebuilds the reasons with <see cref="Classify"/>). Same category and mask as <see cref="Classify"/>.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Classify"/>.</exception>
    public static (HouseholdCategory Category, uint DeprivationMask) Decide(HouseholdFacts facts, PovertyStandard standard, DateOnly asOf)
    {
        var mask = DeprivationMask(facts, standard, asOf);
        var (_, value, poverty, near, medium) = Lines(facts, standard);
        var rule = PovertyRule.Decide(standard.Shape.Value, value, poverty, near, medium, BitOperations.PopCount(mask), standard.DeprivationThreshold.Value);
        return (rule.Category(), mask);
    }

    /// <summary>The deprivation mask only (bit i = indicator i), for filling a batch.</summary>
    public static uint DeprivationMask(HouseholdFacts facts, PovertyStandard standard, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return Mask(EvaluateIndicators(facts, standard, asOf));
    }

    /// <summary>The codes of the standard's indicators set in <paramref name="mask"/>, in the standard's order.</summary>
    public static IEnumerable<string> DeprivedCodes(PovertyStandard standard, uint mask)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return standard.Indicators.Where((_, i) => (mask & (1u << i)) != 0).Select(indicator => indicator.Code);
    }

    private static uint Mask(IReadOnlyList<IndicatorResult> indicators)
    {
        var mask = 0u;
        for (var i = 0; i < indicators.Count; i++)
        {
            if (indicators[i].IsDeprived)
            {
                mask |= 1u << i;
            }
        }

        return mask;
    }

    /// <summary>
    /// Each indicator: derived from member facts at <paramref name="asOf"/> when the indicator has a member rule
    /// and the household has member facts; the reviewer's direct answer otherwise.
    /// </summary>
    public static IReadOnlyList<IndicatorResult> EvaluateIndicators(HouseholdFacts facts, PovertyStandard standard, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(standard);
        var hasMemberFacts = facts.Members.Count > 0;
        var results = new IndicatorResult[standard.Indicators.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var indicator = standard.Indicators[i];
            if (hasMemberFacts && indicator.Evaluation.IsDerivedFromMembers)
            {
                var (deprived, reason) = MemberIndicators.Evaluate(indicator.Evaluation, facts.Members, asOf);
                results[i] = new IndicatorResult(indicator.Code, indicator.NameVi, deprived, IndicatorSource.Members, reason);
            }
            else if (facts.Answers.TryGetValue(indicator.Code, out var answer))
            {
                results[i] = new IndicatorResult(indicator.Code, indicator.NameVi, answer, IndicatorSource.DirectAnswer,
                    answer ? "Theo phiếu rà soát: hộ thiếu hụt chỉ số này." : "Theo phiếu rà soát: hộ không thiếu hụt chỉ số này.");
            }
            else
            {
                results[i] = new IndicatorResult(indicator.Code, indicator.NameVi, false, IndicatorSource.NotAnswered,
                    "Chưa có câu trả lời hay thông tin thành viên; tạm coi là không thiếu hụt.");
            }
        }

        return results;
    }

    private static (IncomeBasis Basis, long Value, long Poverty, long? Near, long? Medium) Lines(HouseholdFacts facts, PovertyStandard standard)
    {
        if (facts.IncomePerPersonPerMonth is { } income)
        {
            var lines = standard.IncomeLinesFor(facts.Area);
            return (IncomeBasis.Income, income, lines.PovertyLine.Value, lines.NearPovertyLine?.Value, lines.MediumUpperBound?.Value);
        }

        if (facts.B1Score is { } score)
        {
            var scores = standard.ScoreLinesFor(facts.Area)
                ?? throw new ArgumentException($"Standard {standard.Code} has no B1 score thresholds for {facts.Area.ToCode()} households.", nameof(facts));
            return (IncomeBasis.B1Score, score, scores.PovertyScore.Value, scores.NearPovertyScore?.Value, null);
        }

        throw new ArgumentException("The household has neither income nor a B1 score.", nameof(facts));
    }
}
