using System.Numerics;

namespace GiamNgheo.Domain.Measures;

/// <summary>
/// Streams households into the Alkire–Foster measures (Alkire &amp; Foster 2011, "Counting and multidimensional
/// poverty measurement"). A household is poor when its weighted deprivation score c ≥ k. Each household carries a
/// population weight: give its number of members to measure people, or 1 (the default) to measure households.
/// </summary>
public sealed class AlkireFosterAccumulator
{
    /// <summary>Tolerance for c ≥ k: 3 × (1/12) must count as 0.25.</summary>
    private const double Tolerance = 1e-9;

    private readonly double[] _weights;
    private readonly double[] _uncensored;
    private readonly double[] _censored;
    private double _population;
    private double _poorPopulation;
    private double _poorScore;
    private long _households;

    public AlkireFosterAccumulator(IndicatorWeights weights, double k)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (!(k > 0 && k <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "The poverty cut-off k is a fraction in (0, 1].");
        }

        Weights = weights;
        K = k;
        _weights = [.. weights.Weights];
        _uncensored = new double[_weights.Length];
        _censored = new double[_weights.Length];
    }

    public IndicatorWeights Weights { get; }

    public double K { get; }

    /// <param name="deprivations">Bit j set when the household is deprived in indicator j.</param>
    /// <param name="populationWeight">Members of the household, or 1 to count households.</param>
    public void Add(uint deprivations, double populationWeight = 1)
    {
        if (!(populationWeight >= 0) || double.IsInfinity(populationWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(populationWeight), populationWeight, "A population weight is a finite number ≥ 0.");
        }

        _households++;
        _population += populationWeight;
        var score = 0.0;
        for (var bits = deprivations; bits != 0; bits &= bits - 1)
        {
            var j = BitOperations.TrailingZeroCount(bits);
            if (j >= _weights.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(deprivations), deprivations, "The mask has a bit beyond the standard's indicators.");
            }

            score += _weights[j];
            _uncensored[j] += populationWeight;
        }

        var isPoor = score >= K - Tolerance;
        if (isPoor)
        {
            _poorPopulation += populationWeight;
            _poorScore += populationWeight * score;
            for (var bits = deprivations; bits != 0; bits &= bits - 1)
            {
                _censored[BitOperations.TrailingZeroCount(bits)] += populationWeight;
            }
        }
    }

    public AlkireFosterResult Result()
    {
        var h = _population > 0 ? _poorPopulation / _population : 0;
        var a = _poorPopulation > 0 ? _poorScore / _poorPopulation : 0;
        var m0 = _population > 0 ? _poorScore / _population : 0;
        var indicators = new Dictionary<string, IndicatorMeasure>(StringComparer.Ordinal);
        for (var j = 0; j < _weights.Length; j++)
        {
            var uncensored = _population > 0 ? _uncensored[j] / _population : 0;
            var censored = _population > 0 ? _censored[j] / _population : 0;
            var contribution = m0 > 0 ? _weights[j] * censored / m0 : 0;
            indicators.Add(Weights.Codes[j], new IndicatorMeasure(uncensored, censored, contribution));
        }

        return new AlkireFosterResult(K, _households, _population, h, a, m0, indicators);
    }
}
