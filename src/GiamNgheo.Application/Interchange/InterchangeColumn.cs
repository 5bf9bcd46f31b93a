namespace GiamNgheo.Application.Interchange;

/// <summary>One column of the interchange format: the English code (the public contract) and the Vietnamese header.</summary>
public sealed record InterchangeColumn(string Code, string HeaderVi);
