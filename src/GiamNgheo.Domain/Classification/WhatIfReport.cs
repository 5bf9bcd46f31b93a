namespace GiamNgheo.Domain.Classification;

/// <summary>Per group (e.g. commune code), how households move between categories from one standard to another.</summary>
public sealed record WhatIfReport(string FromStandard, string ToStandard, IReadOnlyList<WhatIfGroup> Groups, CategoryTransitions Total);

public sealed record WhatIfGroup(string Key, CategoryTransitions Transitions);
