using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Policies;

/// <summary>
/// A support policy (chính sách hỗ trợ) of docs/domain.md §6, held as data (<c>Policies/Data/policies.json</c> or a
/// row edited by a provincial administrator). Values carry their verification mark.
/// </summary>
public sealed record Policy
{
    public required string Code { get; init; }
    public required string NameVi { get; init; }
    public required string NameEn { get; init; }
    public required Marked<string> LegalBasis { get; init; }
    /// <summary>Cơ quan chịu trách nhiệm (BHXH, NHCSXH, Sở Xây dựng…).</summary>
    public required string AgencyVi { get; init; }
    public required string AgencyEn { get; init; }
    public required PolicyBenefit Benefit { get; init; }
    /// <summary>The household is eligible when any clause matches.</summary>
    public required IReadOnlyList<EligibilityClause> Eligibility { get; init; }
    /// <summary>Categories are read under this standard (the legal one, ND07_2021, unless a policy says otherwise).</summary>
    public required string StandardCode { get; init; }
    /// <summary>
    /// Demand-driven (a loan, legal aid, training): an open gap only when the household asked for one of
    /// <see cref="AnswersNeeds"/>. Entitlements (health insurance, allowance) are gaps whenever unserved.
    /// </summary>
    public bool OnRequest { get; init; }
    /// <summary>Indicator codes (of any standard) whose deprivation this support answers.</summary>
    public IReadOnlyList<string> AnswersDeprivations { get; init; } = [];
    /// <summary>Support-need codes (health, education, production, credit, housing, other) it answers.</summary>
    public IReadOnlyList<string> AnswersNeeds { get; init; } = [];
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public string? NotesVi { get; init; }

    public bool AppliesOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo.Value);
}

/// <summary>What the policy gives: an amount of money, a share of a premium, a loan rate, an exemption or a service.</summary>
public sealed record PolicyBenefit
{
    public required BenefitKind Kind { get; init; }
    /// <summary>Whole đồng per <see cref="Per"/> per <see cref="Period"/> (the ceiling of a loan).</summary>
    public Marked<long>? AmountDong { get; init; }
    /// <summary>Percent: share of the premium paid by the State, or the yearly interest rate of a loan.</summary>
    public Marked<decimal>? RatePercent { get; init; }
    public required BenefitUnit Per { get; init; }
    public required BenefitPeriod Period { get; init; }
    public required string DescriptionVi { get; init; }
    public string DescriptionEn { get; init; } = string.Empty;
}

public enum BenefitKind
{
    /// <summary>Tiền mặt / hiện vật quy ra tiền.</summary>
    Cash = 0,
    /// <summary>Hỗ trợ đóng bảo hiểm (tỷ lệ mức đóng).</summary>
    PremiumShare = 1,
    /// <summary>Vay vốn ưu đãi (lãi suất, hạn mức).</summary>
    Loan = 2,
    /// <summary>Miễn, giảm (học phí…).</summary>
    Exemption = 3,
    /// <summary>Dịch vụ (đào tạo, trợ giúp pháp lý, thiết bị…).</summary>
    Service = 4,
}

public enum BenefitUnit
{
    Household = 0,
    Person = 1,
}

/// <summary>How often the benefit is due: a second delivery in the same period is a duplicate.</summary>
public enum BenefitPeriod
{
    /// <summary>Một lần (nhà ở, khoản vay theo hợp đồng): any earlier delivery counts.</summary>
    Once = 0,
    Month = 1,
    Quarter = 2,
    Year = 3,
}

/// <summary>
/// One way of being eligible. Every stated condition must hold: a category under the policy's standard (or having
/// escaped poverty within N years), all <see cref="RequiredGroups"/>, the area, a poor commune, any of the deprivations.
/// </summary>
public sealed record EligibilityClause
{
    /// <summary>Empty: any category.</summary>
    public IReadOnlyList<HouseholdCategory> Categories { get; init; } = [];
    /// <summary>Eligible by having left the poor or near-poor list within this many years (e.g. 3 for VBSP).</summary>
    public int? EscapedWithinYears { get; init; }
    public SpecialGroups RequiredGroups { get; init; }
    public AreaType? Area { get; init; }
    /// <summary>Only in poor communes / districts designated by the Prime Minister (QĐ 353/QĐ-TTg and successors).</summary>
    public bool PoorCommuneOnly { get; init; }
    /// <summary>At least one of these indicator codes is deprived (e.g. housing quality for housing support).</summary>
    public IReadOnlyList<string> AnyDeprivation { get; init; } = [];
    public VerificationMark Mark { get; init; } = VerificationMark.Unverified;
    public string? Source { get; init; }
}
