using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Support;

public sealed record PlanItemInput(string Description, DateOnly TargetDate, string? PolicyCode = null);

public sealed record PlanInput
{
    public required string Responsible { get; init; }
    public string? ResponsibleUser { get; init; }
    public int? EscapeYear { get; init; }
    public string? Commitment { get; init; }
    public DateOnly? RegisteredOn { get; init; }
    public IReadOnlyList<PlanItemInput> Items { get; init; } = [];
}

public sealed record PlanItemDto(long Id, string? PolicyCode, string Description, DateOnly TargetDate, DateOnly? DoneOn, bool Overdue);

public sealed record VisitDto(long Id, DateOnly Date, string Officer, string Notes);

public sealed record PlanDto(long Id, long HouseholdId, string Responsible, string? ResponsibleUser, int? EscapeYear, string? Commitment,
    DateOnly? RegisteredOn, IReadOnlyList<PlanItemDto> Items, IReadOnlyList<VisitDto> Visits);

public sealed record OverdueItem(long HouseholdId, string HouseholdCode, string HeadName, string? VillageCode, long ItemId, string Description,
    DateOnly TargetDate, int DaysOverdue, string Responsible);

/// <summary>
/// The support plan of a poor household: who is responsible, planned supports with target dates, the household's
/// registration to escape poverty (đăng ký thoát nghèo) and its commitment, follow-up visits; overdue items.
/// </summary>
public sealed class SupportPlans(AppDbContext db)
{
    public async Task<Result<PlanDto?>> GetAsync(long householdId, CancellationToken ct)
    {
        if (!await InScopeAsync(householdId, ct))
        {
            return Result<PlanDto?>.NotFound();
        }

        var plan = await db.SupportPlans.AsNoTracking().Include(p => p.Items).Include(p => p.Visits).SingleOrDefaultAsync(p => p.HouseholdId == householdId, ct);
        return Result<PlanDto?>.Ok(plan is null ? null : ToDto(plan, db.Clock.Today()));
    }

    /// <summary>Creates or replaces the plan header and adds the new items (existing items are kept).</summary>
    public async Task<Result<PlanDto?>> SaveAsync(long householdId, PlanInput input, CancellationToken ct)
    {
        var household = await UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser).Where(h => h.Id == householdId)
            .Select(h => new { h.Id, h.ProvinceCode, h.CommuneCode, h.VillageCode }).SingleOrDefaultAsync(ct);
        if (household is null)
        {
            return Result<PlanDto?>.NotFound();
        }

        if (!UnitScope.IsAny(db.CurrentUser, SupportCommands.Recorders))
        {
            return Result<PlanDto?>.Forbidden("Vai trò của bạn không được lập kế hoạch hỗ trợ.");
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Responsible))
        {
            errors.Add("responsible", "Ghi cán bộ hoặc tổ chức phụ trách.");
        }

        if (input.EscapeYear is { } y && (y < 2000 || y > 2100))
        {
            errors.Add("escapeYear", "Năm đăng ký thoát nghèo không hợp lệ.");
        }

        foreach (var item in input.Items.Where(i => string.IsNullOrWhiteSpace(i.Description) || i.TargetDate == default))
        {
            errors.Add("items", "Mỗi nội dung hỗ trợ cần mô tả và ngày hoàn thành dự kiến.");
        }

        if (errors.Any)
        {
            return Result<PlanDto?>.Invalid(errors.ToDictionary());
        }

        var plan = await db.SupportPlans.Include(p => p.Items).Include(p => p.Visits).SingleOrDefaultAsync(p => p.HouseholdId == householdId, ct);
        if (plan is null)
        {
            plan = new SupportPlanEntity
            {
                HouseholdId = household.Id, ProvinceCode = household.ProvinceCode, CommuneCode = household.CommuneCode, VillageCode = household.VillageCode,
                Responsible = input.Responsible.Trim(), CreatedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
            };
            db.SupportPlans.Add(plan);
        }

        plan.Responsible = input.Responsible.Trim();
        plan.ResponsibleUser = string.IsNullOrWhiteSpace(input.ResponsibleUser) ? db.CurrentUser.UserName : input.ResponsibleUser.Trim();
        plan.EscapeYear = input.EscapeYear;
        plan.Commitment = string.IsNullOrWhiteSpace(input.Commitment) ? null : input.Commitment.Trim();
        plan.RegisteredOn = input.RegisteredOn;
        foreach (var item in input.Items)
        {
            plan.Items.Add(new SupportPlanItemEntity { Description = item.Description.Trim(), TargetDate = item.TargetDate, PolicyCode = item.PolicyCode });
        }

        await db.SaveChangesAsync(ct);
        return Result<PlanDto?>.Ok(ToDto(plan, db.Clock.Today()));
    }

    public async Task<Result<PlanDto?>> CompleteItemAsync(long householdId, long itemId, DateOnly doneOn, CancellationToken ct)
    {
        var plan = await PlanInScopeAsync(householdId, ct);
        var item = plan?.Items.SingleOrDefault(i => i.Id == itemId);
        if (plan is null || item is null)
        {
            return Result<PlanDto?>.NotFound();
        }

        item.DoneOn = doneOn;
        await db.SaveChangesAsync(ct);
        return Result<PlanDto?>.Ok(ToDto(plan, db.Clock.Today()));
    }

    public async Task<Result<PlanDto?>> AddVisitAsync(long householdId, DateOnly date, string notes, CancellationToken ct)
    {
        var plan = await PlanInScopeAsync(householdId, ct);
        if (plan is null)
        {
            return Result<PlanDto?>.NotFound();
        }

        if (string.IsNullOrWhiteSpace(notes) || date > db.Clock.Today())
        {
            var errors = new ValidationErrors();
            errors.Add("notes", "Ghi nội dung thăm hộ; ngày thăm không ở tương lai.");
            return Result<PlanDto?>.Invalid(errors.ToDictionary());
        }

        plan.Visits.Add(new FollowUpVisitEntity { Date = date, Notes = notes.Trim(), Officer = db.CurrentUser.UserName });
        await db.SaveChangesAsync(ct);
        return Result<PlanDto?>.Ok(ToDto(plan, db.Clock.Today()));
    }

    /// <summary>Plan items past their target date and not done, in the user's scope; only the user's own when <paramref name="mine"/>.</summary>
    public async Task<IReadOnlyList<OverdueItem>> OverdueAsync(bool mine, CancellationToken ct)
    {
        var today = db.Clock.Today();
        var households = UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser);
        var user = db.CurrentUser.UserName;
        var rows = await (from p in db.SupportPlans.AsNoTracking()
                          join h in households on new { Id = p.HouseholdId, p.ProvinceCode } equals new { h.Id, h.ProvinceCode }
                          from i in p.Items
                          where i.DoneOn == null && i.TargetDate < today && (!mine || p.ResponsibleUser == user)
                          select new { h.Id, h.Code, h.HeadName, h.VillageCode, ItemId = i.Id, i.Description, i.TargetDate, p.Responsible })
            .ToListAsync(ct);
        return [.. rows.Select(r => new OverdueItem(r.Id, r.Code, r.HeadName, r.VillageCode, r.ItemId, r.Description, r.TargetDate,
            today.DayNumber - r.TargetDate.DayNumber, r.Responsible)).OrderByDescending(r => r.DaysOverdue)];
    }

    private async Task<bool> InScopeAsync(long householdId, CancellationToken ct) =>
        await UnitScope.Apply(db.Households.AsNoTracking(), db.CurrentUser).AnyAsync(h => h.Id == householdId, ct);

    private async Task<SupportPlanEntity?> PlanInScopeAsync(long householdId, CancellationToken ct) =>
        await InScopeAsync(householdId, ct) && UnitScope.IsAny(db.CurrentUser, SupportCommands.Recorders)
            ? await db.SupportPlans.Include(p => p.Items).Include(p => p.Visits).SingleOrDefaultAsync(p => p.HouseholdId == householdId, ct)
            : null;

    private static PlanDto ToDto(SupportPlanEntity p, DateOnly today) => new(p.Id, p.HouseholdId, p.Responsible, p.ResponsibleUser, p.EscapeYear,
        p.Commitment, p.RegisteredOn,
        [.. p.Items.OrderBy(i => i.TargetDate).Select(i => new PlanItemDto(i.Id, i.PolicyCode, i.Description, i.TargetDate, i.DoneOn, i.DoneOn is null && i.TargetDate < today))],
        [.. p.Visits.OrderByDescending(v => v.Date).Select(v => new VisitDto(v.Id, v.Date, v.Officer, v.Notes))]);
}
