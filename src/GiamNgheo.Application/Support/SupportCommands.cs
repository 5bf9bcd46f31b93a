using System.Globalization;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Policies;
using GiamNgheo.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Support;

public sealed record SupportInput
{
    public long HouseholdId { get; init; }
    public long? MemberId { get; init; }
    public string PolicyCode { get; init; } = string.Empty;
    /// <summary>Empty: the policy's responsible agency.</summary>
    public string? Agency { get; init; }
    public DateOnly Date { get; init; }
    public decimal? Quantity { get; init; }
    public long AmountDong { get; init; }
    /// <summary>central_budget, local_budget, policy_credit, social_mobilisation, poor_fund, oda (or the Vietnamese name).</summary>
    public string Funding { get; init; } = "central_budget";
    public string? Reference { get; init; }
    public string? Note { get; init; }
}

public sealed record SupportRecordDto(long Id, long HouseholdId, long? MemberId, string? MemberName, string PolicyCode, string PolicyNameVi, string Agency,
    DateOnly Date, decimal? Quantity, long AmountDong, string Funding, string FundingVi, string? Reference, string? Note, string Status, string StatusVi,
    long? ReversesId, long? ReversedById, long? DuplicateOfId, string Source, string CreatedBy);

/// <summary>Records support delivered (manually, through the API, or from an agency list), and reverses a wrong entry.</summary>
public sealed class SupportCommands(AppDbContext db, PolicyRegistry policies)
{
    /// <summary>Who may record support: registry editors and the sector agencies' officers.</summary>
    public static readonly IReadOnlyList<string> Recorders = [.. Roles.RegistryEditors, Roles.SectorOfficer];

    public async Task<Result<SupportRecordDto>> RecordAsync(SupportInput input, CancellationToken ct)
    {
        var household = await UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser)
            .Where(h => h.Id == input.HouseholdId)
            .Select(h => new HouseholdRef(h.Id, h.ProvinceCode, h.CommuneCode, h.VillageCode, h.Members.Select(m => m.Id).ToList()))
            .SingleOrDefaultAsync(ct);
        if (household is null)
        {
            return Result<SupportRecordDto>.NotFound();
        }

        if (!UnitScope.IsAny(db.CurrentUser, Recorders))
        {
            return Result<SupportRecordDto>.Forbidden("Vai trò của bạn không được ghi nhận hỗ trợ.");
        }

        var errors = new ValidationErrors();
        var record = await BuildAsync(input, household, errors, ct);
        if (errors.Any || record is null)
        {
            return Result<SupportRecordDto>.Invalid(errors.ToDictionary());
        }

        await FlagDuplicateAsync(record, ct);
        record.Source = "manual";
        db.SupportRecords.Add(record);
        await db.SaveChangesAsync(ct);
        await db.RefreshGapsAsync([record.HouseholdId], ct);
        return Result<SupportRecordDto>.Ok((await HistoryOfAsync([record.Id], ct))[0]);
    }

    /// <summary>Cancels a record by a reversing entry (negative amount), audited; the original is kept and marked.</summary>
    public async Task<Result<SupportRecordDto>> ReverseAsync(long householdId, long recordId, string? reason, CancellationToken ct)
    {
        var inScope = await UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser).AnyAsync(h => h.Id == householdId, ct);
        var original = inScope ? await db.SupportRecords.SingleOrDefaultAsync(s => s.Id == recordId && s.HouseholdId == householdId, ct) : null;
        if (original is null)
        {
            return Result<SupportRecordDto>.NotFound();
        }

        if (!UnitScope.IsAny(db.CurrentUser, Recorders))
        {
            return Result<SupportRecordDto>.Forbidden("Vai trò của bạn không được điều chỉnh hỗ trợ.");
        }

        if (original.ReversesId is not null || original.ReversedById is not null)
        {
            return Result<SupportRecordDto>.Conflict(original.ReversesId is not null
                ? "Đây là bút toán điều chỉnh, không thể điều chỉnh tiếp."
                : "Bản ghi này đã được điều chỉnh trước đó.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            var errors = new ValidationErrors();
            errors.Add("reason", "Ghi rõ lý do điều chỉnh.");
            return Result<SupportRecordDto>.Invalid(errors.ToDictionary());
        }

        var reversal = new SupportRecordEntity
        {
            HouseholdId = original.HouseholdId,
            ProvinceCode = original.ProvinceCode,
            CommuneCode = original.CommuneCode,
            VillageCode = original.VillageCode,
            MemberId = original.MemberId,
            PolicyCode = original.PolicyCode,
            Agency = original.Agency,
            Date = db.Clock.Today(),
            PeriodStart = original.PeriodStart,
            Quantity = original.Quantity is { } q ? -q : null,
            AmountDong = -original.AmountDong,
            Funding = original.Funding,
            Reference = original.Reference,
            Note = "Điều chỉnh: " + reason.Trim(),
            ReversesId = original.Id,
            Source = "reversal",
            CreatedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
            CreatedBy = db.CurrentUser.UserName,
        };
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.SupportRecords.Add(reversal);
        await db.SaveChangesAsync(ct);
        original.ReversedById = reversal.Id;
        await db.SaveChangesAsync(ct);
        await db.RefreshGapsAsync([original.HouseholdId], ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return Result<SupportRecordDto>.Ok((await HistoryOfAsync([reversal.Id], ct))[0]);
    }

    /// <summary>The whole support history of a household across agencies and years, newest first.</summary>
    public async Task<Result<IReadOnlyList<SupportRecordDto>>> HistoryAsync(long householdId, CancellationToken ct)
    {
        var inScope = await UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser).AnyAsync(h => h.Id == householdId, ct);
        if (!inScope)
        {
            return Result<IReadOnlyList<SupportRecordDto>>.NotFound();
        }

        var ids = await db.SupportRecords.AsNoTracking().Where(s => s.HouseholdId == householdId).Select(s => s.Id).ToListAsync(ct);
        return Result<IReadOnlyList<SupportRecordDto>>.Ok(await HistoryOfAsync(ids, ct));
    }

    internal sealed record HouseholdRef(long Id, string ProvinceCode, string CommuneCode, string? VillageCode, List<long> MemberIds);

    /// <summary>Validates one input against the catalogue (shared with the bulk import); null with errors when refused.</summary>
    internal async Task<SupportRecordEntity?> BuildAsync(SupportInput input, HouseholdRef household, ValidationErrors errors, CancellationToken ct)
    {
        var policy = string.IsNullOrWhiteSpace(input.PolicyCode) ? null : await policies.FindAsync(input.PolicyCode, ct);
        if (policy is null)
        {
            errors.Add("policyCode", string.IsNullOrWhiteSpace(input.PolicyCode)
                ? "Chọn chính sách."
                : $"Không có chính sách mã \"{input.PolicyCode}\" trong danh mục.");
        }

        var today = db.Clock.Today();
        if (input.Date == default)
        {
            errors.Add("date", "Nhập ngày hỗ trợ.");
        }
        else if (input.Date > today)
        {
            errors.Add("date", $"Ngày hỗ trợ {input.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} ở tương lai.");
        }
        else if (policy is not null && !policy.AppliesOn(input.Date))
        {
            errors.Add("date", string.Create(CultureInfo.InvariantCulture,
                $"Ngày {input.Date:dd/MM/yyyy} ngoài thời gian hiệu lực của chính sách ({policy.ValidFrom:dd/MM/yyyy}–{(policy.ValidTo is { } to ? to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "nay")})."));
        }

        if (input.AmountDong < 0)
        {
            errors.Add("amountDong", "Số tiền không được âm (điều chỉnh bằng bút toán đảo).");
        }

        if (input.Quantity is < 0)
        {
            errors.Add("quantity", "Số lượng không được âm.");
        }

        if (input.MemberId is { } member && !household.MemberIds.Contains(member))
        {
            errors.Add("memberId", "Thành viên không thuộc hộ này.");
        }

        if (!FundingSourceCodes.TryParse(input.Funding, out var funding))
        {
            errors.Add("funding", $"Nguồn kinh phí \"{input.Funding}\" không hợp lệ (ngân sách trung ương, ngân sách địa phương, tín dụng chính sách, xã hội hóa, Quỹ Vì người nghèo, ODA).");
        }

        if (input.Reference?.Length > 100 || input.Agency?.Length > 200 || input.Note?.Length > 1000)
        {
            errors.Add("reference", "Số hiệu, cơ quan hoặc ghi chú quá dài.");
        }

        if (errors.Any || policy is null)
        {
            return null;
        }

        return new SupportRecordEntity
        {
            HouseholdId = household.Id,
            ProvinceCode = household.ProvinceCode,
            CommuneCode = household.CommuneCode,
            VillageCode = household.VillageCode,
            MemberId = input.MemberId,
            PolicyCode = policy.Code,
            Agency = string.IsNullOrWhiteSpace(input.Agency) ? policy.AgencyVi : input.Agency.Trim(),
            Date = input.Date,
            PeriodStart = PolicyPeriods.Start(policy.Benefit.Period, input.Date),
            Quantity = input.Quantity,
            AmountDong = input.AmountDong,
            Funding = funding,
            Reference = string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim(),
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            CreatedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
            CreatedBy = db.CurrentUser.UserName,
        };
    }

    /// <summary>Marks the record as a duplicate when the same benefit (for the same member) was already delivered in its period.</summary>
    internal async Task FlagDuplicateAsync(SupportRecordEntity record, CancellationToken ct)
    {
        var earlier = await db.SupportRecords.AsNoTracking()
            .Where(s => s.HouseholdId == record.HouseholdId && s.PolicyCode == record.PolicyCode && s.PeriodStart == record.PeriodStart
                && s.ReversesId == null && s.ReversedById == null && (s.MemberId == record.MemberId || s.MemberId == null || record.MemberId == null))
            .OrderBy(s => s.Id).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        record.DuplicateOfId = earlier;
    }

    internal async Task<IReadOnlyList<SupportRecordDto>> HistoryOfAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var rows = await db.SupportRecords.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        var memberIds = rows.Where(r => r.MemberId is not null).Select(r => r.MemberId!.Value).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName, ct);
        var catalogue = (await policies.AllAsync(ct)).ToDictionary(p => p.Policy.Code, p => p.Policy.NameVi, StringComparer.Ordinal);
        return [.. rows.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).Select(r =>
        {
            var (status, statusVi) = r.ReversesId is not null ? ("reversal", "Bút toán điều chỉnh")
                : r.ReversedById is not null ? ("reversed", "Đã điều chỉnh hủy")
                : r.DuplicateOfId is not null ? ("duplicate", "Nghi trùng (đã nhận trong kỳ)")
                : ("effective", "Có hiệu lực");
            return new SupportRecordDto(r.Id, r.HouseholdId, r.MemberId, r.MemberId is { } m ? members.GetValueOrDefault(m) : null, r.PolicyCode,
                catalogue.GetValueOrDefault(r.PolicyCode, r.PolicyCode), r.Agency, r.Date, r.Quantity, r.AmountDong, r.Funding.ToCode(), r.Funding.ToVietnamese(),
                r.Reference, r.Note, status, statusVi, r.ReversesId, r.ReversedById, r.DuplicateOfId, r.Source, r.CreatedBy);
        })];
    }
}
