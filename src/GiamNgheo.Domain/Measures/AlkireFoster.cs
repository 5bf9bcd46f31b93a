using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Measures;

/// <summary>Alkire–Foster measures (H, A, M0 and per-indicator figures) for a standard's indicators.</summary>
public static class AlkireFoster
{
    /// <summary>The default poverty cut-off: the standard's deprivation count over its number of indicators.</summary>
    public static double DefaultCutoff(PovertyStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return (double)standard.DeprivationThreshold.Value / standard.Indicators.Count;
    }

    /// <summary>
    /// Measures over households' facts, each deprivation evaluated as in <see cref="HouseholdClassifier"/>.
    /// Nested equal weights unless <paramref name="weights"/> is given; each household weighs 1 unless
    /// <paramref name="populationWeight"/> is given (e.g. its number of members).
    /// </summary>
    public static AlkireFosterResult Compute(
        IEnumerable<HouseholdFacts> households,
        PovertyStandard standard,
        DateOnly asOf,
        double? k = null,
        IndicatorWeights? weights = null,
        Func<HouseholdFacts, double>? populationWeight = null)
    {
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(standard);
        var accumulator = new AlkireFosterAccumulator(weights ?? IndicatorWeights.NestedEqual(standard), k ?? DefaultCutoff(standard));
        foreach (var facts in households)
        {
            accumulator.Add(HouseholdClassifier.DeprivationMask(facts, standard, asOf), populationWeight?.Invoke(facts) ?? 1);
        }

        return accumulator.Result();
    }
}
