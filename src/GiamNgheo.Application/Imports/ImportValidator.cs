using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Imports;

/// <summary>What whole-file validation needs from the database.</summary>
public sealed record ImportReference(
    IReadOnlyDictionary<string, string> CommuneProvince,
    IReadOnlySet<string> EthnicityCodes,
    ICurrentUser User);

/// <summary>The checks that need the whole file: duplicates, joins between the two tables, reference data, scope.</summary>
public static class ImportValidator
{
    public static void Validate(
        IReadOnlyList<ParsedHousehold> households, IReadOnlyList<ParsedMember> members, ImportReference reference,
        string householdFile, string memberFile, ICollection<InterchangeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(problems);
        var byCode = new Dictionary<string, ParsedHousehold>(households.Count, StringComparer.Ordinal);
        foreach (var h in households)
        {
            var row = h.Value;
            if (!byCode.TryAdd(row.HouseholdCode, h))
            {
                problems.Add(new(h.Sheet ?? householdFile, h.Row, HouseholdColumns.HouseholdCode, row.HouseholdCode,
                    $"Mã hộ trùng với {Line(byCode[row.HouseholdCode].Row, byCode[row.HouseholdCode].Sheet, h.Sheet, householdFile)}."));
            }

            if (!reference.CommuneProvince.TryGetValue(row.CommuneCode, out var province))
            {
                problems.Add(new(h.Sheet ?? householdFile, h.Row, HouseholdColumns.CommuneCode, row.CommuneCode,
                    "Mã xã không có trong danh mục đơn vị hành chính hiện hành (5 chữ số, theo Quyết định 19/2025/QĐ-TTg)."));
            }
            else if (!UnitScope.Contains(reference.User, province, row.CommuneCode, null))
            {
                problems.Add(new(h.Sheet ?? householdFile, h.Row, HouseholdColumns.CommuneCode, row.CommuneCode,
                    "Xã này nằm ngoài phạm vi quản lý của bạn."));
            }
        }

        var heads = new Dictionary<string, int>(households.Count, StringComparer.Ordinal);
        var ids = new Dictionary<string, ParsedMember>(members.Count, StringComparer.Ordinal);
        foreach (var m in members)
        {
            var row = m.Value;
            if (!byCode.ContainsKey(row.HouseholdCode))
            {
                problems.Add(new(m.Sheet ?? memberFile, m.Row, MemberColumns.HouseholdCode, row.HouseholdCode,
                    $"Không có hộ mã \"{row.HouseholdCode}\" trong bảng hộ gia đình."));
            }

            if (MemberRules.EthnicityProblem(row.EthnicityCode, reference.EthnicityCodes.Contains) is { } ethnicityProblem)
            {
                problems.Add(new(m.Sheet ?? memberFile, m.Row, MemberColumns.EthnicityCode, row.EthnicityCode, ethnicityProblem));
            }

            if (row.RelationToHead == RelationToHead.Head)
            {
                heads[row.HouseholdCode] = heads.GetValueOrDefault(row.HouseholdCode) + 1;
            }

            if (row.PersonalId.Length > 0 && !ids.TryAdd(row.PersonalId, m))
            {
                var first = ids[row.PersonalId];
                problems.Add(new(m.Sheet ?? memberFile, m.Row, MemberColumns.PersonalId, row.PersonalId,
                    first.Value.HouseholdCode == row.HouseholdCode
                        ? $"Số định danh trùng với {Line(first.Row, first.Sheet, m.Sheet, memberFile)} trong cùng hộ."
                        : $"Số định danh này đã có ở hộ \"{first.Value.HouseholdCode}\" ({Line(first.Row, first.Sheet, m.Sheet, memberFile)}): một người không thể thuộc hai hộ."));
            }
        }

        foreach (var h in households)
        {
            var count = heads.GetValueOrDefault(h.Value.HouseholdCode);
            if (count != 1)
            {
                problems.Add(new(h.Sheet ?? householdFile, h.Row, HouseholdColumns.HouseholdCode, h.Value.HouseholdCode,
                    count == 0
                        ? "Hộ không có thành viên là chủ hộ (relation_to_head = head) trong bảng thành viên."
                        : $"Hộ có {count} thành viên là chủ hộ; mỗi hộ có đúng một chủ hộ."));
            }
        }
    }

    /// <summary>"dòng N", naming the sheet when it is not the one of the row being reported.</summary>
    private static string Line(long row, string? sheet, string? current, string file) =>
        sheet == current ? $"dòng {row}" : $"dòng {row} của trang \"{sheet ?? file}\"";
}
