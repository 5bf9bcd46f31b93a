namespace GiamNgheo.Application.Synthetic;

/// <summary>Items with relative weights, drawn by cumulative search. Immutable once built.</summary>
internal sealed class WeightedTable<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedTable(IEnumerable<(T Item, double Weight)> entries)
    {
        var list = entries.Where(e => e.Weight > 0).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A weighted table needs at least one positive weight.", nameof(entries));
        }

        _items = [.. list.Select(e => e.Item)];
        _cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Weight;
            _cumulative[i] = sum;
        }

        Total = sum;
    }

    public double Total { get; }

    public IReadOnlyList<T> Items => _items;

    /// <summary>Total share of the items matching <paramref name="predicate"/> (0 when none).</summary>
    public double Share(Func<T, bool> predicate)
    {
        var sum = 0.0;
        for (var i = 0; i < _items.Length; i++)
        {
            if (predicate(_items[i]))
            {
                sum += _cumulative[i] - (i == 0 ? 0 : _cumulative[i - 1]);
            }
        }

        return sum / Total;
    }

    public T Pick(SyntheticRandom random)
    {
        var target = random.NextDouble() * Total;
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return _items[Math.Min(index, _items.Length - 1)];
    }
}
