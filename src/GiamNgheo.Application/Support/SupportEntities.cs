using GiamNgheo.Application.Audit;

namespace GiamNgheo.Application.Support;

/// <summary>Nguồn kinh phí.</summary>
public enum FundingSource
{
    /// <summary>Ngân sách trung ương.</summary>
    CentralBudget = 0,
    /// <summary>Ngân sách địa phương.</summary>
    LocalBudget = 1,
    /// <summary>Tín dụng chính sách (NHCSXH).</summary>
    PolicyCredit = 2,
    /// <summary>Xã hội hóa, huy động cộng đồng.</summary>
    SocialMobilisation = 3,
    /// <summary>Quỹ "Vì người nghèo".</summary>
    PoorFund = 4,
    /// <summary>Vốn ODA, tài trợ quốc tế.</summary>
    Oda = 5,
}

public static class FundingSourceCodes
{
    public static string ToCode(this FundingSource source) => source switch
    {
        FundingSource.CentralBudget => "central_budget",
        FundingSource.LocalBudget => "local_budget",
        FundingSource.PolicyCredit => "policy_credit",
        FundingSource.SocialMobilisation => "social_mobilisation",
        FundingSource.PoorFund => "poor_fund",
        FundingSource.Oda => "oda",
    };

    public static string ToVietnamese(this FundingSource source) => source switch
    {
        FundingSource.CentralBudget => "Ngân sách trung ương",
        FundingSource.LocalBudget => "Ngân sách địa phương",
        FundingSource.PolicyCredit => "Tín dụng chính sách",
        FundingSource.SocialMobilisation => "Xã hội hóa",
        FundingSource.PoorFund => "Quỹ Vì người nghèo",
        FundingSource.Oda => "ODA",
    };

    public static bool TryParse(string? text, out FundingSource source)
    {
        var folded = Domain.Common.VietnameseText.Fold(text).Replace(' ', '_');
        foreach (var s in Enum.GetValues<FundingSource>())
        {
            if (folded == s.ToCode() || folded == Domain.Common.VietnameseText.Fold(s.ToVietnamese()).Replace(' ', '_'))
            {
                source = s;
                return true;
            }
        }

        source = FundingSource.CentralBudget;
        return false;
    }
}

/// <summary>
/// One delivery of support to a household (or one member, for a personal benefit) by an agency or donor. Never deleted:
/// a correction is a reversing entry (<see cref="ReversesId"/>) and the original is marked <see cref="ReversedById"/>.
/// </summary>
public sealed class SupportRecordEntity : IAudited
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public required string ProvinceCode { get; set; }
    public required string CommuneCode { get; set; }
    public string? VillageCode { get; set; }
    /// <summary>The member for a personal benefit; null when it covers the household (or all its members).</summary>
    public long? MemberId { get; set; }
    public required string PolicyCode { get; set; }
    /// <summary>Cơ quan / nhà tài trợ.</summary>
    public required string Agency { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>First day of the benefit period the date falls in (<see cref="DateOnly.MinValue"/> for once-only benefits).</summary>
    public DateOnly PeriodStart { get; set; }
    public decimal? Quantity { get; set; }
    /// <summary>Whole đồng; negative only on a reversing entry.</summary>
    public long AmountDong { get; set; }
    public FundingSource Funding { get; set; }
    /// <summary>Card number, loan contract, decision number…</summary>
    public string? Reference { get; set; }
    public string? Note { get; set; }
    /// <summary>Set on a reversing entry: the record it cancels.</summary>
    public long? ReversesId { get; set; }
    /// <summary>Set on a cancelled record: its reversing entry.</summary>
    public long? ReversedById { get; set; }
    /// <summary>The same benefit was already delivered for the same period (and member).</summary>
    public long? DuplicateOfId { get; set; }
    /// <summary>manual, api, import:&lt;file&gt;.</summary>
    public string Source { get; set; } = "manual";
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = string.Empty;

    public bool IsEffective => ReversesId is null && ReversedById is null;
}

/// <summary>Kế hoạch hỗ trợ hộ nghèo and the household's registration to escape poverty (đăng ký thoát nghèo).</summary>
public sealed class SupportPlanEntity : IAudited
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public required string ProvinceCode { get; set; }
    public required string CommuneCode { get; set; }
    public string? VillageCode { get; set; }
    /// <summary>Cán bộ hoặc tổ chức phụ trách.</summary>
    public required string Responsible { get; set; }
    /// <summary>The user name of the responsible officer, when one (their worklist shows the overdue items).</summary>
    public string? ResponsibleUser { get; set; }
    /// <summary>Năm đăng ký thoát nghèo.</summary>
    public int? EscapeYear { get; set; }
    /// <summary>Cam kết của hộ.</summary>
    public string? Commitment { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<SupportPlanItemEntity> Items { get; set; } = [];
    public List<FollowUpVisitEntity> Visits { get; set; } = [];
}

public sealed class SupportPlanItemEntity : IAudited
{
    public long Id { get; set; }
    public long PlanId { get; set; }
    public string? PolicyCode { get; set; }
    public required string Description { get; set; }
    public DateOnly TargetDate { get; set; }
    public DateOnly? DoneOn { get; set; }
}

public sealed class FollowUpVisitEntity : IAudited
{
    public long Id { get; set; }
    public long PlanId { get; set; }
    public DateOnly Date { get; set; }
    public required string Officer { get; set; }
    public required string Notes { get; set; }
}
