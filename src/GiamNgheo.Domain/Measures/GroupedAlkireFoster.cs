namespace GiamNgheo.Domain.Measures;

/// <summary>
/// Alkire–Foster measures for the whole population and for each group (commune, village, ethnicity, area
/// type, female head, …). Because M0 is additively decomposable, the total M0 is the population-weighted mean
/// of the groups' M0.
/// </summary>
public sealed class GroupedAlkireFoster(IndicatorWeights weights, double k)
{
    private readonly AlkireFosterAccumulator _total = new(weights, k);
    private readonly Dictionary<string, AlkireFosterAccumulator> _groups = new(StringComparer.Ordinal);

    public void Add(string groupKey, uint deprivations, double populationWeight = 1)
    {
        ArgumentNullException.ThrowIfNull(groupKey);
        if (!_groups.TryGetValue(groupKey, out var group))
        {
            group = new AlkireFosterAccumulator(weights, k);
            _groups.Add(groupKey, group);
        }

        group.Add(deprivations, populationWeight);
        _total.Add(deprivations, populationWeight);
    }

    public AlkireFosterResult Total() => _total.Result();

    /// <summary>Group key → measures, ordered by key.</summary>
    public IReadOnlyDictionary<string, AlkireFosterResult> Groups() =>
        _groups.OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Value.Result(), StringComparer.Ordinal);
}
