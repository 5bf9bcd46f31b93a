using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Interchange;

/// <summary>One row of the households table, typed. Codes are kept as strings (they carry leading zeros).</summary>
public sealed record HouseholdRow
{
    public required string HouseholdCode { get; init; }

    /// <summary>5-digit commune code of Quyết định 19/2025/QĐ-TTg.</summary>
    public required string CommuneCode { get; init; }

    /// <summary>Thôn / bản / buôn / ấp / tổ dân phố name, as written locally.</summary>
    public required string Village { get; init; }

    public required string Address { get; init; }

    public required string HeadName { get; init; }

    public required AreaType Area { get; init; }

    public required int ReviewYear { get; init; }

    /// <summary>Whole đồng per person per month; null when only a B1 score is given.</summary>
    public long? Income { get; init; }

    /// <summary>Proxy-income score of Phiếu B1; null when income is given.</summary>
    public int? B1Score { get; init; }

    /// <summary>The score table of <see cref="B1Score"/> (Domain.Standards.ScoreTables); null without a score.</summary>
    public string? B1ScoreTable { get; init; }

    public IndicatorAnswers Indicators { get; init; }

    public PovertyCauses Causes { get; init; }

    public SupportNeeds Needs { get; init; }

    public SpecialGroups Flags { get; init; }
}
