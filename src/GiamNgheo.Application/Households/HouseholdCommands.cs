using System.Globalization;
using System.Text.RegularExpressions;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Support;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Households;

/// <summary>
/// Create, edit and delete households and their members, within the user's scope, audited by the context. Each use case
/// runs in one transaction (<see cref="UseCaseTransaction"/>): the household, its members and its materialised support
/// gaps are saved together, and a refused change (not found, forbidden, invalid, conflict) writes nothing.
/// </summary>
public sealed partial class HouseholdCommands(AppDbContext db, AdminUnitQueries units, HouseholdQueries queries)
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")]
    private static partial Regex CodePattern();

    public Task<Result<HouseholdDetail>> CreateAsync(HouseholdInput input, CancellationToken ct) =>
        db.InOneTransactionAsync(() => CreateInTransactionAsync(input, ct), ct);

    private async Task<Result<HouseholdDetail>> CreateInTransactionAsync(HouseholdInput input, CancellationToken ct)
    {
        if (!CanEdit())
        {
            return Result<HouseholdDetail>.Forbidden("Vai trò của bạn không được thêm hộ.");
        }

        var errors = new ValidationErrors();
        var today = units.Today;
        var communeCode = input.CommuneCode?.Trim() ?? string.Empty;
        string? legacyCode = null;
        var commune = communeCode.Length == 0 ? null : await units.FindAsync(communeCode, today, ct);
        if (commune is null && communeCode.Length > 0)
        {
            // A pre-2025 commune code: map it to its successor when the mapping is unambiguous.
            var successors = await units.SuccessorsAsync(communeCode, ct);
            if (successors.Count == 1)
            {
                legacyCode = communeCode;
                commune = await units.FindAsync(successors[0].NewCommuneCode, today, ct);
            }
            else if (successors.Count > 1)
            {
                errors.Add("communeCode", $"Mã xã cũ {communeCode} đã được chia vào nhiều xã mới ({string.Join(", ", successors.Select(s => s.NewCommuneCode + " " + s.NewCommuneName))}); hãy chọn xã mới.");
            }
        }

        if (commune is null || commune.Level != AdminLevel.Commune)
        {
            if (!errors.Any)
            {
                errors.Add("communeCode", communeCode.Length == 0 ? "Chưa chọn xã." : $"Không tìm thấy xã có mã {communeCode}.");
            }

            return Result<HouseholdDetail>.Invalid(errors.ToDictionary());
        }

        var village = await ValidateVillageAsync(input.VillageCode, commune.Code, today, errors, ct);
        if (!UnitScope.Contains(db.CurrentUser, commune.ParentCode ?? string.Empty, commune.Code, village?.Code))
        {
            errors.Add(input.VillageCode is null ? "communeCode" : "villageCode", "Đơn vị này nằm ngoài phạm vi quản lý của bạn.");
        }

        var code = input.Code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            code = await NextCodeAsync(commune.Code, ct);
        }
        else if (!CodePattern().IsMatch(code))
        {
            errors.Add("code", "Mã hộ chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới (tối đa 32 ký tự).");
        }
        else if (await db.Households.AnyAsync(h => h.Code == code, ct))
        {
            errors.Add("code", $"Mã hộ {code} đã tồn tại.");
        }

        ValidateHousehold(input, errors);
        if (input.ResidentFrom is { } arrived && arrived > today)
        {
            errors.Add("residentFrom", string.Create(CultureInfo.InvariantCulture, $"Ngày cư trú {arrived:dd/MM/yyyy} sau ngày hôm nay ({today:dd/MM/yyyy})."));
        }

        var members = input.Members ?? [];
        var ethnicCodes = await EthnicCodesAsync(ct);
        for (var i = 0; i < members.Count; i++)
        {
            await ValidateMemberAsync(members[i], $"members[{i}].", ethnicCodes, null, today, errors, ct);
        }

        if (members.Count(m => m.RelationToHead == RelationToHead.Head) > 1)
        {
            errors.Add("members", "Một hộ chỉ có một chủ hộ.");
        }

        var ids = members.Select(m => m.PersonalId?.Trim()).Where(p => !string.IsNullOrEmpty(p)).ToList();
        if (ids.Count != ids.Distinct(StringComparer.Ordinal).Count())
        {
            errors.Add("members", "Hai thành viên trùng số định danh cá nhân.");
        }

        if (errors.Any)
        {
            return Result<HouseholdDetail>.Invalid(errors.ToDictionary());
        }

        var area = await units.AreaTypeOfAsync(commune.Code, today, ct) ?? AreaType.Rural;
        var household = new HouseholdEntity
        {
            ProvinceCode = commune.ParentCode!,
            CommuneCode = commune.Code,
            VillageCode = village?.Code,
            Code = code!,
            HeadName = string.Empty,
            AreaType = area,
            LegacyCommuneCode = legacyCode,
            ResidentFrom = input.ResidentFrom,
        };
        Apply(household, input);
        var order = 0;
        foreach (var m in members)
        {
            var member = new MemberEntity { ProvinceCode = household.ProvinceCode, FullName = string.Empty, EthnicityCode = string.Empty, Order = ++order };
            Apply(member, m);
            household.Members.Add(member);
        }

        RefreshDerived(household, ethnicCodes);
        db.Households.Add(household);
        await db.SaveChangesAsync(ct);
        await db.RefreshGapsAsync([household.Id], ct); // materialised gaps (Support/GapMaterializer), in the same transaction
        return Result<HouseholdDetail>.Ok((await queries.GetAsync(household.Id, false, ct))!);
    }

    public Task<Result<HouseholdDetail>> UpdateAsync(long id, HouseholdInput input, CancellationToken ct) =>
        db.InOneTransactionAsync(() => UpdateInTransactionAsync(id, input, ct), ct);

    private async Task<Result<HouseholdDetail>> UpdateInTransactionAsync(long id, HouseholdInput input, CancellationToken ct)
    {
        var household = await FindInScopeAsync(id, ct);
        if (household is null)
        {
            return Result<HouseholdDetail>.NotFound();
        }

        if (!CanEdit())
        {
            return Result<HouseholdDetail>.Forbidden("Vai trò của bạn không được sửa hộ.");
        }

        if (input.Version is { } version && version != household.Version)
        {
            return Result<HouseholdDetail>.Conflict("Hộ này vừa được người khác sửa. Hãy tải lại trang, xem thay đổi của họ rồi nhập lại.");
        }

        var errors = new ValidationErrors();
        ValidateHousehold(input, errors);
        if (!string.IsNullOrWhiteSpace(input.CommuneCode) && input.CommuneCode.Trim() != household.CommuneCode
            && await units.FindAsync(input.CommuneCode.Trim(), units.Today, ct) is { ParentCode: { } province } && province != household.ProvinceCode)
        {
            // The province is the household's distribution key: a move to another province is an event, not an edit.
            errors.Add("communeCode", HouseholdProvince.ChangeRefused);
        }

        var village = await ValidateVillageAsync(input.VillageCode, household.CommuneCode, units.Today, errors, ct);
        if (!UnitScope.Contains(db.CurrentUser, household.ProvinceCode, household.CommuneCode, village?.Code))
        {
            errors.Add("villageCode", "Đơn vị này nằm ngoài phạm vi quản lý của bạn.");
        }

        if (errors.Any)
        {
            return Result<HouseholdDetail>.Invalid(errors.ToDictionary());
        }

        household.VillageCode = village?.Code;
        Apply(household, input);
        RefreshDerived(household, await EthnicCodesAsync(ct));
        return await SaveAsync(household, ct);
    }

    public Task<Result<bool>> DeleteAsync(long id, CancellationToken ct) =>
        db.InOneTransactionAsync(() => DeleteInTransactionAsync(id, ct), ct);

    private async Task<Result<bool>> DeleteInTransactionAsync(long id, CancellationToken ct)
    {
        var household = await FindInScopeAsync(id, ct);
        if (household is null)
        {
            return Result<bool>.NotFound();
        }

        if (!CanEdit())
        {
            return Result<bool>.Forbidden("Vai trò của bạn không được xóa hộ.");
        }

        // Support records are never deleted and recognised statuses are history: such a household leaves the lists through
        // the review (an "other decrease"), not by deletion.
        if (await db.SupportRecords.AnyAsync(r => r.HouseholdId == id, ct)
            || await db.HouseholdClassifications.AnyAsync(c => c.HouseholdId == id && c.DecisionId != null, ct))
        {
            return Result<bool>.Conflict("Không xóa được hộ đã có hồ sơ hỗ trợ hoặc đã được công nhận theo quyết định; hãy ghi giảm hộ qua rà soát.");
        }

        db.Members.RemoveRange(household.Members);
        db.Households.Remove(household);
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    public Task<Result<HouseholdDetail>> AddMemberAsync(long householdId, MemberInput input, CancellationToken ct) =>
        db.InOneTransactionAsync(() => AddMemberInTransactionAsync(householdId, input, ct), ct);

    private async Task<Result<HouseholdDetail>> AddMemberInTransactionAsync(long householdId, MemberInput input, CancellationToken ct)
    {
        var household = await FindInScopeAsync(householdId, ct);
        if (household is null)
        {
            return Result<HouseholdDetail>.NotFound();
        }

        if (!CanEdit())
        {
            return Result<HouseholdDetail>.Forbidden("Vai trò của bạn không được sửa hộ.");
        }

        var (errors, ethnicCodes) = await ValidateMemberChangeAsync(household, input, null, ct);
        if (errors.Any)
        {
            return Result<HouseholdDetail>.Invalid(errors.ToDictionary());
        }

        var member = new MemberEntity
        {
            ProvinceCode = household.ProvinceCode,
            FullName = string.Empty,
            EthnicityCode = string.Empty,
            Order = household.Members.Count == 0 ? 1 : household.Members.Max(m => m.Order) + 1,
        };
        Apply(member, input);
        household.Members.Add(member);
        RefreshDerived(household, ethnicCodes);
        return await SaveAsync(household, ct);
    }

    public Task<Result<HouseholdDetail>> UpdateMemberAsync(long householdId, long memberId, MemberInput input, CancellationToken ct) =>
        db.InOneTransactionAsync(() => UpdateMemberInTransactionAsync(householdId, memberId, input, ct), ct);

    private async Task<Result<HouseholdDetail>> UpdateMemberInTransactionAsync(long householdId, long memberId, MemberInput input, CancellationToken ct)
    {
        var household = await FindInScopeAsync(householdId, ct);
        var member = household?.Members.SingleOrDefault(m => m.Id == memberId);
        if (household is null || member is null)
        {
            return Result<HouseholdDetail>.NotFound();
        }

        if (!CanEdit())
        {
            return Result<HouseholdDetail>.Forbidden("Vai trò của bạn không được sửa hộ.");
        }

        var (errors, ethnicCodes) = await ValidateMemberChangeAsync(household, input, member.Id, ct);
        if (errors.Any)
        {
            return Result<HouseholdDetail>.Invalid(errors.ToDictionary());
        }

        Apply(member, input);
        RefreshDerived(household, ethnicCodes);
        return await SaveAsync(household, ct);
    }

    public Task<Result<HouseholdDetail>> RemoveMemberAsync(long householdId, long memberId, CancellationToken ct) =>
        db.InOneTransactionAsync(() => RemoveMemberInTransactionAsync(householdId, memberId, ct), ct);

    private async Task<Result<HouseholdDetail>> RemoveMemberInTransactionAsync(long householdId, long memberId, CancellationToken ct)
    {
        var household = await FindInScopeAsync(householdId, ct);
        var member = household?.Members.SingleOrDefault(m => m.Id == memberId);
        if (household is null || member is null)
        {
            return Result<HouseholdDetail>.NotFound();
        }

        if (!CanEdit())
        {
            return Result<HouseholdDetail>.Forbidden("Vai trò của bạn không được sửa hộ.");
        }

        household.Members.Remove(member);
        db.Members.Remove(member);
        RefreshDerived(household, await EthnicCodesAsync(ct));
        return await SaveAsync(household, ct);
    }

    /// <summary>One member added (<paramref name="selfId"/> null) or changed: its own rules, and one head per household.</summary>
    private async Task<(ValidationErrors Errors, HashSet<string> EthnicCodes)> ValidateMemberChangeAsync(HouseholdEntity household, MemberInput input, long? selfId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var ethnicCodes = await EthnicCodesAsync(ct);
        await ValidateMemberAsync(input, string.Empty, ethnicCodes, selfId, units.Today, errors, ct);
        if (input.RelationToHead == RelationToHead.Head && household.Members.Any(m => m.Id != selfId && m.RelationToHead == RelationToHead.Head))
        {
            errors.Add("relationToHead", "Hộ đã có chủ hộ.");
        }

        return (errors, ethnicCodes);
    }

    private async Task<Result<HouseholdDetail>> SaveAsync(HouseholdEntity household, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<HouseholdDetail>.Conflict("Hộ này vừa được người khác sửa. Hãy tải lại trang, xem thay đổi của họ rồi nhập lại.");
        }

        await db.RefreshGapsAsync([household.Id], ct); // materialised gaps (Support/GapMaterializer), in the same transaction
        return Result<HouseholdDetail>.Ok((await queries.GetAsync(household.Id, false, ct))!);
    }

    private bool CanEdit() => UnitScope.IsAny(db.CurrentUser, Roles.RegistryEditors);

    private Task<HouseholdEntity?> FindInScopeAsync(long id, CancellationToken ct) =>
        UnitScope.Apply(db.Households, db.CurrentUser).Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == id, ct);

    private async Task<HashSet<string>> EthnicCodesAsync(CancellationToken ct)
    {
        var minority = await db.EthnicGroups.AsNoTracking().ToListAsync(ct);
        return [.. minority.Select(e => e.IsEthnicMinority ? e.Code : "!" + e.Code)];
    }

    private async Task<AdminUnit?> ValidateVillageAsync(string? villageCode, string communeCode, DateOnly today, ValidationErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(villageCode))
        {
            return null;
        }

        var village = await units.FindAsync(villageCode.Trim(), today, ct);
        if (village is null || village.Level != AdminLevel.Village || village.ParentCode != communeCode)
        {
            errors.Add("villageCode", "Thôn không thuộc xã đã chọn.");
            return null;
        }

        return village;
    }

    private static void ValidateHousehold(HouseholdInput input, ValidationErrors errors)
    {
        var head = VietnameseText.NormalizeName(input.HeadName ?? string.Empty);
        if (head.Length == 0)
        {
            errors.Add("headName", "Chưa nhập họ tên chủ hộ.");
        }
        else if (head.Length > 150)
        {
            errors.Add("headName", "Họ tên chủ hộ dài quá 150 ký tự.");
        }

        if ((input.Address?.Length ?? 0) > 300)
        {
            errors.Add("address", "Địa chỉ dài quá 300 ký tự.");
        }
    }

    /// <summary>The member rules of the domain (<see cref="MemberRules"/>), then what needs the database.</summary>
    private async Task ValidateMemberAsync(MemberInput m, string prefix, HashSet<string> ethnicCodes, long? selfId, DateOnly today, ValidationErrors errors, CancellationToken ct)
    {
        var personalId = m.PersonalId?.Trim();
        var candidate = new MemberCandidate(VietnameseText.NormalizeName(m.FullName ?? string.Empty), m.DateOfBirth, m.Sex, m.EthnicityCode, personalId);
        var problems = MemberRules.Validate(candidate, today, code => ethnicCodes.Contains(code) || ethnicCodes.Contains("!" + code));
        foreach (var problem in problems)
        {
            errors.Add(prefix + problem.Field switch
            {
                MemberField.FullName => "fullName",
                MemberField.DateOfBirth => "dateOfBirth",
                MemberField.Sex => "sex",
                MemberField.EthnicityCode => "ethnicityCode",
                MemberField.PersonalId => "personalId",
                _ => throw new InvalidOperationException(problem.Field.ToString()),
            }, problem.Message);
        }

        if (!Enum.IsDefined(m.RelationToHead) || !Enum.IsDefined(m.Education) || !Enum.IsDefined(m.Schooling)
            || !Enum.IsDefined(m.Disability) || !Enum.IsDefined(m.Employment))
        {
            errors.Add(prefix + "relationToHead", "Giá trị danh mục không hợp lệ.");
        }

        if (!string.IsNullOrEmpty(personalId) && problems.All(p => p.Field != MemberField.PersonalId)
            && await db.Members.AnyAsync(x => x.PersonalId == personalId && x.Id != (selfId ?? 0), ct))
        {
            errors.Add(prefix + "personalId", "Số định danh cá nhân này đã có trong một hộ khác.");
        }
    }

    private static void Apply(HouseholdEntity household, HouseholdInput input)
    {
        household.HeadName = VietnameseText.NormalizeName(input.HeadName);
        household.HeadNameFolded = VietnameseText.Fold(household.HeadName);
        household.Address = VietnameseText.NormalizeName(input.Address ?? string.Empty);
        var groups = household.Groups & SpecialGroupRules.DerivedFromHead;
        groups |= input.LocalIndigenousMinority ? SpecialGroups.LocalIndigenousMinority : SpecialGroups.None;
        groups |= input.NoLabourCapacity ? SpecialGroups.NoLabourCapacity : SpecialGroups.None;
        groups |= input.RevolutionaryMerit ? SpecialGroups.RevolutionaryMerit : SpecialGroups.None;
        groups |= input.SocialProtection ? SpecialGroups.SocialProtection : SpecialGroups.None;
        household.Groups = groups;
    }

    private static void Apply(MemberEntity member, MemberInput input)
    {
        member.FullName = VietnameseText.NormalizeName(input.FullName);
        member.FullNameFolded = VietnameseText.Fold(member.FullName);
        member.Sex = input.Sex;
        member.DateOfBirth = input.DateOfBirth;
        member.EthnicityCode = input.EthnicityCode;
        member.RelationToHead = input.RelationToHead;
        member.PersonalId = string.IsNullOrWhiteSpace(input.PersonalId) ? null : input.PersonalId.Trim();
        member.HasHealthInsurance = input.HasHealthInsurance;
        member.Education = input.Education;
        member.Schooling = input.Schooling;
        member.Disability = input.Disability;
        member.Employment = input.Employment;
    }

    /// <summary>Ethnic-minority and female-head groups follow the head member when there is one (<see cref="SpecialGroupRules.FollowHead"/>).</summary>
    internal static void RefreshDerived(HouseholdEntity household, HashSet<string> ethnicCodes)
    {
        var head = household.Members.FirstOrDefault(m => m.RelationToHead == RelationToHead.Head);
        household.Groups = SpecialGroupRules.FollowHead(household.Groups,
            head is null ? null : new HeadFacts(head.Sex, ethnicCodes.Contains(head.EthnicityCode)));
    }

    private async Task<string> NextCodeAsync(string communeCode, CancellationToken ct)
    {
        var count = await db.Households.CountAsync(h => h.CommuneCode == communeCode, ct);
        for (var n = count + 1; ; n++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"{communeCode}-{n:000000}");
            if (!await db.Households.AnyAsync(h => h.Code == code, ct))
            {
                return code;
            }
        }
    }
}
