using GiamNgheo.Domain.Common;

namespace GiamNgheo.Domain.Classification;

/// <summary>
/// What classification needs about one household in one review. Income (whole đồng per person per month)
/// takes precedence over the B1 proxy score when both are given.
/// </summary>
public sealed record HouseholdFacts
{
    private static readonly IReadOnlyDictionary<string, bool> NoAnswers = new Dictionary<string, bool>();

    public required AreaType Area { get; init; }

    /// <summary>Thu nhập bình quân đầu người/tháng, whole đồng.</summary>
    public long? IncomePerPersonPerMonth { get; init; }

    /// <summary>Điểm B1 (proxy income score, docs/domain.md §4.7).</summary>
    public int? B1Score { get; init; }

    /// <summary>
    /// The score table the B1 score was taken under (<see cref="Standards.ScoreTables"/>). A score is compared only
    /// with the thresholds of a standard of the same table; null = unknown, never compared.
    /// </summary>
    public string? B1ScoreTable { get; init; }

    /// <summary>The reviewer's direct answers: indicator code → deprived.</summary>
    public IReadOnlyDictionary<string, bool> Answers { get; init; } = NoAnswers;

    /// <summary>When not empty, member-derived indicators are evaluated from these instead of the direct answers.</summary>
    public IReadOnlyList<MemberFacts> Members { get; init; } = [];
}
