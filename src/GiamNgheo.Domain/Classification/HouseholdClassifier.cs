using System.Numerics;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Classification;

/// <summary>
/// Classifies one household under one standard (docs/domain.md §1.3, §2.3, §3.2). The standard and the
/// review date are parameters, so the same household is classified under several standards in one review.
/// </summary>
public static class HouseholdClassifier
{
    /// <exception cref="ArgumentException">
    /// The standard cannot classify the household (the message is <see cref="CannotClassifyReason"/>): neither income nor
    /// a B1 score, or only a B1 score that the standard's thresholds cannot take (none, or of another score table).
    /// </exception>
    public static Classification Classify(HouseholdFacts facts, PovertyStandard standard, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(standard);

        var indicators = EvaluateIndicators(facts, standard, asOf);
        var mask = Mask(indicators, IndicatorSourceFilter.Deprived);
        var unanswered = Mask(indicators, IndicatorSourceFilter.NotAnswered);
        var deprivations = BitOperations.PopCount(mask);
        var k = standard.DeprivationThreshold.Value;
        var (basis, value, poverty, near, medium) = Lines(facts, standard);
        var rule = PovertyRule.Decide(standard.Shape.Value, value, poverty, near, medium, deprivations, k);
        var pessimistic = unanswered == 0
            ? rule
            : PovertyRule.Decide(standard.Shape.Value, value, poverty, near, medium, BitOperations.PopCount(mask | unanswered), k);
        return new Classification
        {
            StandardCode = standard.Code,
            Category = rule.Category(),
            PessimisticCategory = pessimistic.Category(),
            DeprivationCount = deprivations,
            DeprivationMask = mask,
            UnansweredMask = unanswered,
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
        var outcome = DecideFully(facts, standard, asOf);
        return (outcome.Category, outcome.DeprivationMask);
    }

    /// <summary>
    /// <see cref="Decide"/> with the completeness: the unanswered indicators and the pessimistic category (every unanswered
    /// indicator deprived). Same values as <see cref="Classify"/>.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Classify"/>.</exception>
    public static ClassificationOutcome DecideFully(HouseholdFacts facts, PovertyStandard standard, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(standard);
        var indicators = EvaluateIndicators(facts, standard, asOf);
        var mask = Mask(indicators, IndicatorSourceFilter.Deprived);
        var unanswered = Mask(indicators, IndicatorSourceFilter.NotAnswered);
        var (_, value, poverty, near, medium) = Lines(facts, standard);
        var k = standard.DeprivationThreshold.Value;
        var rule = PovertyRule.Decide(standard.Shape.Value, value, poverty, near, medium, BitOperations.PopCount(mask), k);
        var pessimistic = unanswered == 0
            ? rule
            : PovertyRule.Decide(standard.Shape.Value, value, poverty, near, medium, BitOperations.PopCount(mask | unanswered), k);
        return new ClassificationOutcome(rule.Category(), mask, unanswered, pessimistic.Category());
    }

    /// <summary>
    /// Why <paramref name="standard"/> cannot classify the household from the facts given (Vietnamese), or null when it
    /// can: measured income always serves; a B1 score only against thresholds of the same score table
    /// (docs/domain.md §12.2).
    /// </summary>
    public static string? CannotClassifyReason(HouseholdFacts facts, PovertyStandard standard)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(standard);
        if (facts.IncomePerPersonPerMonth is not null)
        {
            return null;
        }

        if (facts.B1Score is null)
        {
            return "Chưa đủ thông tin để phân loại: hộ chưa có thu nhập bình quân đầu người hay điểm B1.";
        }

        if (standard.ScoreLinesFor(facts.Area) is null)
        {
            return $"Không phân loại được theo chuẩn {standard.Code}: chuẩn này chưa có ngưỡng điểm B1 cho hộ {facts.Area.ToVietnamese().ToLowerInvariant()}; cần thu nhập bình quân đầu người đo được.";
        }

        if (facts.B1ScoreTable is null)
        {
            return $"Không phân loại được theo chuẩn {standard.Code}: không rõ điểm B1 được chấm theo bảng điểm nào nên không so với ngưỡng điểm của chuẩn; cần ghi bảng điểm B1 hoặc thu nhập bình quân đầu người đo được.";
        }

        if (standard.B1ScoreTable is not { } table)
        {
            return $"Không phân loại được theo chuẩn {standard.Code}: tệp chuẩn không ghi ngưỡng điểm B1 thuộc bảng điểm nào nên không so điểm B1 với ngưỡng này; cần thu nhập bình quân đầu người đo được.";
        }

        if (!TakesScore(standard, facts.Area, facts.B1ScoreTable))
        {
            return $"Không phân loại được theo chuẩn {standard.Code}: điểm B1 được chấm theo bảng điểm của {ScoreTables.NameVi(facts.B1ScoreTable)}, "
                + $"còn ngưỡng điểm của chuẩn thuộc bảng điểm của {ScoreTables.NameVi(table.Value)} — hai thang điểm khác nhau, không so sánh được; "
                + "cần thu nhập bình quân đầu người đo được hoặc điểm B1 chấm theo đúng bảng điểm.";
        }

        return null;
    }

    /// <summary>
    /// The one rule for B1 scores: <paramref name="standard"/> compares a score of <paramref name="area"/> with its thresholds
    /// only when it has thresholds for the area and they belong to the score table <paramref name="scoreTable"/>.
    /// </summary>
    public static bool TakesScore(PovertyStandard standard, AreaType area, string? scoreTable)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return scoreTable is not null
            && standard.ScoreLinesFor(area) is not null
            && standard.B1ScoreTable is { } table
            && string.Equals(table.Value, scoreTable, StringComparison.Ordinal);
    }

    /// <summary>The deprivation mask only (bit i = indicator i), for filling a batch.</summary>
    public static uint DeprivationMask(HouseholdFacts facts, PovertyStandard standard, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return Mask(EvaluateIndicators(facts, standard, asOf), IndicatorSourceFilter.Deprived);
    }

    /// <summary>The codes of the standard's indicators set in <paramref name="mask"/>, in the standard's order.</summary>
    public static IEnumerable<string> DeprivedCodes(PovertyStandard standard, uint mask)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return standard.Indicators.Where((_, i) => (mask & (1u << i)) != 0).Select(indicator => indicator.Code);
    }

    private enum IndicatorSourceFilter
    {
        Deprived,
        NotAnswered,
    }

    private static uint Mask(IReadOnlyList<IndicatorResult> indicators, IndicatorSourceFilter filter)
    {
        var mask = 0u;
        for (var i = 0; i < indicators.Count; i++)
        {
            if (filter == IndicatorSourceFilter.Deprived ? indicators[i].IsDeprived : indicators[i].Source == IndicatorSource.NotAnswered)
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
                    "Chưa có câu trả lời hay thông tin thành viên; tạm coi là không thiếu hụt (kết quả chưa đủ thông tin).");
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

        if (CannotClassifyReason(facts, standard) is { } reason)
        {
            throw new ArgumentException(reason, nameof(facts));
        }

        var scores = standard.ScoreLinesFor(facts.Area)!;
        return (IncomeBasis.B1Score, facts.B1Score!.Value, scores.PovertyScore.Value, scores.NearPovertyScore?.Value, null);
    }
}
