namespace GiamNgheo.Domain.Classification;

/// <summary>Per group (e.g. commune code), how households move between categories from one standard to another.</summary>
public sealed record WhatIfReport(string FromStandard, string ToStandard, IReadOnlyList<WhatIfGroup> Groups, CategoryTransitions Total)
{
    /// <summary>Households resident on the date of the comparison in the scope (the denominator of any rate); 0 when not given.</summary>
    public long ResidentHouseholds { get; init; }

    /// <summary>Households left out because one of the two standards cannot classify them (e.g. only a B1 score of another score table).</summary>
    public long NotComparable { get; init; }

    /// <summary>The date and the denominator, stated in Vietnamese (empty when not given).</summary>
    public string BaseVi { get; init; } = string.Empty;
}

public sealed record WhatIfGroup(string Key, CategoryTransitions Transitions);
