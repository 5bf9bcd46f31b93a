namespace GiamNgheo.Domain.Classification;

/// <summary>One indicator's result for one household, with the reason in Vietnamese.</summary>
public sealed record IndicatorResult(string Code, string NameVi, bool IsDeprived, IndicatorSource Source, string ReasonVi)
{
    public bool IsDerivedFromMembers => Source == IndicatorSource.Members;
}
