namespace GiamNgheo.Domain.Classification;

/// <summary>Per group (e.g. commune code), how households move between categories from one standard to another.</summary>
public sealed record WhatIfReport(string FromStandard, string ToStandard, IReadOnlyList<WhatIfGroup> Groups, CategoryTransitions Total)
{
    /// <summary>Households resident on the date of the comparison in the scope (the denominator of any rate); 0 when not given.</summary>
    public long ResidentHouseholds { get; init; }

    /// <summary>The date and the denominator, stated in Vietnamese (empty when not given).</summary>
    public string BaseVi { get; init; } = string.Empty;
}

public sealed record WhatIfGroup(string Key, CategoryTransitions Transitions);
