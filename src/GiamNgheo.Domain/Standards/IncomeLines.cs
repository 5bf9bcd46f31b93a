namespace GiamNgheo.Domain.Standards;

/// <summary>
/// Income lines of one area type, in whole đồng per person per month. Every bound is inclusive
/// ("từ … trở xuống"). <see cref="NearPovertyLine"/> exists only for <see cref="RuleShape.TwoLines"/>;
/// <see cref="MediumUpperBound"/> only where the standard defines a medium-living band.
/// </summary>
public sealed record IncomeLines
{
    public IncomeLines(Marked<long> povertyLine, Marked<long>? nearPovertyLine = null, Marked<long>? mediumUpperBound = null)
    {
        ArgumentNullException.ThrowIfNull(povertyLine);
        ArgumentOutOfRangeException.ThrowIfNegative(povertyLine.Value);
        if (nearPovertyLine is not null && nearPovertyLine.Value < povertyLine.Value)
        {
            throw new ArgumentException("The near-poverty line must not be below the poverty line.", nameof(nearPovertyLine));
        }

        var highestLine = nearPovertyLine?.Value ?? povertyLine.Value;
        if (mediumUpperBound is not null && mediumUpperBound.Value < highestLine)
        {
            throw new ArgumentException("The medium-living upper bound must not be below the income lines.", nameof(mediumUpperBound));
        }

        PovertyLine = povertyLine;
        NearPovertyLine = nearPovertyLine;
        MediumUpperBound = mediumUpperBound;
    }

    /// <summary>P (two lines) or L (one line).</summary>
    public Marked<long> PovertyLine { get; }

    /// <summary>N: the near-poverty line of a two-line standard.</summary>
    public Marked<long>? NearPovertyLine { get; }

    /// <summary>Upper bound of the medium-living band (hộ có mức sống trung bình), where one exists.</summary>
    public Marked<long>? MediumUpperBound { get; }
}
