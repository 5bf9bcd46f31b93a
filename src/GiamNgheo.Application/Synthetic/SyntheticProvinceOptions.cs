namespace GiamNgheo.Application.Synthetic;

/// <summary>What to generate. The same options always give the same households, byte for byte.</summary>
public sealed record SyntheticProvinceOptions
{
    /// <summary>Two-digit province code of Quyết định 19/2025/QĐ-TTg (e.g. "11" Điện Biên, "79" TP Hồ Chí Minh).</summary>
    public required string ProvinceCode { get; init; }

    public required int Households { get; init; }

    public required long Seed { get; init; }

    /// <summary>Use only the first N communes in code order (the demo uses a few); null = all communes.</summary>
    public int? MaxCommunes { get; init; }

    /// <summary>Review year written in <c>review_year</c>; ages are taken on 31 December of that year.</summary>
    public int ReviewYear { get; init; } = 2025;
}
