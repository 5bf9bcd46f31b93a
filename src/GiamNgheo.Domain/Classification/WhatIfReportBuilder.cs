namespace GiamNgheo.Domain.Classification;

internal sealed class WhatIfReportBuilder(string fromStandard, string toStandard)
{
    private readonly Dictionary<string, CategoryTransitions> _groups = new(StringComparer.Ordinal);

    public CategoryTransitions Group(string key)
    {
        if (!_groups.TryGetValue(key, out var transitions))
        {
            transitions = new CategoryTransitions();
            _groups.Add(key, transitions);
        }

        return transitions;
    }

    public WhatIfReport Build()
    {
        var total = new CategoryTransitions();
        foreach (var transitions in _groups.Values)
        {
            total.AddAll(transitions);
        }

        var groups = _groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new WhatIfGroup(g.Key, g.Value)).ToList();
        return new WhatIfReport(fromStandard, toStandard, groups, total);
    }
}
