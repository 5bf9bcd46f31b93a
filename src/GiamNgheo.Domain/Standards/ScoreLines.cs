namespace GiamNgheo.Domain.Standards;

/// <summary>
/// B1 proxy-income score thresholds of one area type (docs/domain.md §4.7). They follow the standard's
/// rule shape exactly as the income lines do; the B2 convention (10 points per deprivation, B2 ≥ 30) is the
/// standard's deprivation count k.
/// </summary>
public sealed record ScoreLines
{
    public ScoreLines(Marked<int> povertyScore, Marked<int>? nearPovertyScore = null)
    {
        ArgumentNullException.ThrowIfNull(povertyScore);
        if (nearPovertyScore is not null && nearPovertyScore.Value < povertyScore.Value)
        {
            throw new ArgumentException("The near-poverty score must not be below the poverty score.", nameof(nearPovertyScore));
        }

        PovertyScore = povertyScore;
        NearPovertyScore = nearPovertyScore;
    }

    public Marked<int> PovertyScore { get; }

    public Marked<int>? NearPovertyScore { get; }
}
