using GiamNgheo.Domain.Common;

namespace GiamNgheo.Application.Synthetic;

/// <summary>Where the households of a run go, and the rates they are calibrated to.</summary>
public sealed record SyntheticProvincePlan
{
    public required string ProvinceCode { get; init; }

    /// <summary>Full name as in the official list, e.g. "Tỉnh Điện Biên".</summary>
    public required string ProvinceName { get; init; }

    /// <summary>Majority socio-economic region of the old provinces merged into this one.</summary>
    public required SocioEconomicRegion Region { get; init; }

    public required IReadOnlyList<SyntheticCommune> Communes { get; init; }

    public required int Households { get; init; }

    public required long Seed { get; init; }

    public required int ReviewYear { get; init; }

    /// <summary>The date ages are computed at: 31 December of the review year.</summary>
    public required DateOnly ReviewDate { get; init; }

    /// <summary>ND07_2021 poor rate the run is calibrated to: the regional 2022 rates weighted by households.</summary>
    public required double ExpectedPoorRate { get; init; }

    public required double ExpectedNearPoorRate { get; init; }
}

/// <summary>One commune of a plan.</summary>
public sealed record SyntheticCommune(
    string Code,
    string FullName,
    AreaType Area,
    SocioEconomicRegion Region,
    int Households,
    IReadOnlyList<string> Villages);
