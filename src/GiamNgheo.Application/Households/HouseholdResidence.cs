using System.Globalization;

namespace GiamNgheo.Application.Households;

/// <summary>The resident set: a household leaves it on a date (moved away, dissolved, merged into another), marked, never deleted.</summary>
public sealed partial class HouseholdCommands
{
    /// <summary>
    /// "Hộ chuyển đi / giải thể / nhập hộ": from <see cref="HouseholdLeaveInput.Date"/> (the first day it is gone) the
    /// household is no longer resident, so reports, dashboards and targets of later dates leave it out of every
    /// denominator (an "other decrease" in the movements). Refused in the future, before its arrival date, or when it has
    /// already left; audited (the household's update in the audit log); nothing is deleted.
    /// </summary>
    public async Task<Result<HouseholdDetail>> LeaveAsync(long id, HouseholdLeaveInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var household = await FindInScopeAsync(id, ct);
        if (household is null)
        {
            return Result<HouseholdDetail>.NotFound();
        }

        if (!CanEdit())
        {
            return Result<HouseholdDetail>.Forbidden("Vai trò của bạn không được ghi hộ chuyển đi, giải thể hay nhập hộ.");
        }

        if (input.Version is { } version && version != household.Version)
        {
            return Result<HouseholdDetail>.Conflict("Hộ này vừa được người khác sửa. Hãy tải lại trang, xem thay đổi của họ rồi nhập lại.");
        }

        var errors = new ValidationErrors();
        var today = units.Today;
        if (household.ResidentUntil is { } gone)
        {
            errors.Add("date", Invariant($"Hộ đã được ghi không còn cư trú từ ngày {gone:dd/MM/yyyy}."));
        }
        else if (input.Date is not { } date)
        {
            errors.Add("date", "Chưa nhập ngày hộ chuyển đi, giải thể hoặc nhập hộ.");
        }
        else if (date > today)
        {
            errors.Add("date", Invariant($"Ngày {date:dd/MM/yyyy} sau ngày hôm nay ({today:dd/MM/yyyy}): chỉ ghi việc đã xảy ra."));
        }
        else if (household.ResidentFrom is { } from && date < from)
        {
            errors.Add("date", Invariant($"Ngày {date:dd/MM/yyyy} trước ngày hộ đến cư trú ({from:dd/MM/yyyy})."));
        }

        if (input.Reason is not { } reason || !Enum.IsDefined(reason))
        {
            errors.Add("reason", "Chưa chọn lý do (chuyển đi, giải thể, nhập vào hộ khác, lý do khác).");
        }

        var note = input.Note?.Trim();
        if (input.Reason == HouseholdLeaveReason.Other && string.IsNullOrEmpty(note))
        {
            errors.Add("note", "Lý do khác: cần ghi rõ lý do.");
        }
        else if (note is { Length: > 500 })
        {
            errors.Add("note", "Ghi chú dài quá 500 ký tự.");
        }

        if (errors.Any)
        {
            return Result<HouseholdDetail>.Invalid(errors.ToDictionary());
        }

        household.ResidentUntil = input.Date;
        household.LeftReason = input.Reason;
        household.LeftNote = string.IsNullOrEmpty(note) ? null : note;
        return await SaveAsync(household, ct);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Vietnamese name of a leaving reason.</summary>
    public static string LeaveReasonVi(HouseholdLeaveReason reason) => reason switch
    {
        HouseholdLeaveReason.MovedAway => "Chuyển đi nơi khác",
        HouseholdLeaveReason.Dissolved => "Giải thể",
        HouseholdLeaveReason.Merged => "Nhập vào hộ khác",
        _ => "Lý do khác",
    };
}
