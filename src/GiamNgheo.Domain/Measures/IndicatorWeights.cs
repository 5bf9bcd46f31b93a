using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Measures;

/// <summary>Alkire–Foster indicator weights, in the standard's indicator order; they sum to 1.</summary>
public sealed record IndicatorWeights
{
    public IndicatorWeights(IReadOnlyList<string> codes, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(weights);
        if (codes.Count != weights.Count || codes.Count is 0 or > PovertyStandard.MaxIndicators)
        {
            throw new ArgumentException($"Give one weight per indicator (1 to {PovertyStandard.MaxIndicators}).", nameof(weights));
        }

        if (weights.Any(w => w < 0 || double.IsNaN(w)) || Math.Abs(weights.Sum() - 1) > 1e-9)
        {
            throw new ArgumentException("Weights must be non-negative and sum to 1.", nameof(weights));
        }

        Codes = codes;
        Weights = weights;
    }

    public IReadOnlyList<string> Codes { get; }

    public IReadOnlyList<double> Weights { get; }

    /// <summary>Nested equal weights: each dimension 1/D, each indicator equal within its dimension.</summary>
    public static IndicatorWeights NestedEqual(PovertyStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        var dimensions = standard.Indicators.GroupBy(i => i.Dimension.Code).ToDictionary(g => g.Key, g => g.Count());
        var weights = standard.Indicators.Select(i => 1.0 / dimensions.Count / dimensions[i.Dimension.Code]).ToList();
        return new IndicatorWeights(standard.Indicators.Select(i => i.Code).ToList(), weights);
    }

    /// <summary>Every indicator weighs the same (1/n).</summary>
    public static IndicatorWeights Equal(PovertyStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        var n = standard.Indicators.Count;
        return new IndicatorWeights(standard.Indicators.Select(i => i.Code).ToList(), Enumerable.Repeat(1.0 / n, n).ToList());
    }
}
