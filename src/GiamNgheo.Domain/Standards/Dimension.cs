namespace GiamNgheo.Domain.Standards;

/// <summary>A basic social service (dịch vụ xã hội cơ bản) that groups indicators.</summary>
public sealed record Dimension(string Code, string NameVi, string NameEn);
