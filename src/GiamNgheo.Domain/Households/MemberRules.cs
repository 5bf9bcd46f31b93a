using System.Globalization;

namespace GiamNgheo.Domain.Households;

/// <summary>The member fields the rules check (the hosts name them: a form field, an import column).</summary>
public enum MemberField
{
    FullName,
    DateOfBirth,
    Sex,
    EthnicityCode,
    PersonalId,
}

/// <summary>One problem with a member, in Vietnamese for the user.</summary>
public readonly record struct MemberProblem(MemberField Field, string Message);

/// <summary>
/// A member as the rules see it. Null date of birth or sex: not known (e.g. a file cell that could not be read, already
/// reported) and not checked; null ethnicity: checked elsewhere.
/// </summary>
public sealed record MemberCandidate(string FullName, DateOnly? DateOfBirth, Sex? Sex, string? EthnicityCode, string? PersonalId);

/// <summary>
/// The one member validation of the household form/API and the importer: each rule returns its Vietnamese message or
/// null. The form names the field (members[i].fullName…), the importer adds the file, row and column around it.
/// Uniqueness of the personal ID across households needs the database and stays with the callers.
/// </summary>
public static class MemberRules
{
    public const int MaxNameLength = 150;
    public const int EarliestBirthYear = 1900;

    /// <summary>The full name, already normalised (<see cref="Common.VietnameseText.NormalizeName"/>).</summary>
    public static string? FullNameProblem(string fullName) =>
        string.IsNullOrEmpty(fullName) ? "Chưa nhập họ tên."
        : fullName.Length > MaxNameLength ? $"Họ tên dài quá {MaxNameLength} ký tự."
        : null;

    public static string? DateOfBirthProblem(DateOnly dateOfBirth, DateOnly today) =>
        dateOfBirth > today ? string.Create(CultureInfo.InvariantCulture, $"Ngày sinh không được ở tương lai (hôm nay là {today:dd/MM/yyyy}).")
        : dateOfBirth.Year < EarliestBirthYear ? $"Ngày sinh không hợp lệ (trước năm {EarliestBirthYear})."
        : null;

    public static string? SexProblem(Sex sex) => Enum.IsDefined(sex) ? null : "Giới tính không hợp lệ.";

    /// <summary>The ethnic group code against the catalogue of the 54 groups (<paramref name="isKnown"/>).</summary>
    public static string? EthnicityProblem(string? code, Func<string, bool> isKnown)
    {
        ArgumentNullException.ThrowIfNull(isKnown);
        return string.IsNullOrEmpty(code) ? "Chưa nhập mã dân tộc (01–54)."
            : isKnown(code) ? null
            : $"Mã dân tộc không có trong danh mục 54 dân tộc (01–54): {code}.";
    }

    /// <summary>The personal ID's structure (<see cref="Households.PersonalId.Validate"/>); empty is allowed (not every member has one).</summary>
    public static string? PersonalIdProblem(string? personalId, Sex? sex, DateOnly? dateOfBirth) =>
        string.IsNullOrEmpty(personalId) ? null : PersonalId.Validate(personalId, sex, dateOfBirth);

    /// <summary>Every rule on <paramref name="member"/>, in field order; the ethnicity only when <paramref name="isKnownEthnicity"/> is given.</summary>
    public static IReadOnlyList<MemberProblem> Validate(MemberCandidate member, DateOnly today, Func<string, bool>? isKnownEthnicity)
    {
        ArgumentNullException.ThrowIfNull(member);
        var problems = new List<MemberProblem>();
        void Add(MemberField field, string? message)
        {
            if (message is not null)
            {
                problems.Add(new MemberProblem(field, message));
            }
        }

        Add(MemberField.FullName, FullNameProblem(member.FullName));
        var dateOfBirthProblem = member.DateOfBirth is { } dob ? DateOfBirthProblem(dob, today) : null;
        Add(MemberField.DateOfBirth, dateOfBirthProblem);
        var sexProblem = member.Sex is { } sex ? SexProblem(sex) : null;
        Add(MemberField.Sex, sexProblem);
        if (isKnownEthnicity is not null)
        {
            Add(MemberField.EthnicityCode, EthnicityProblem(member.EthnicityCode, isKnownEthnicity));
        }

        Add(MemberField.PersonalId, PersonalIdProblem(member.PersonalId?.Trim(),
            sexProblem is null ? member.Sex : null, dateOfBirthProblem is null ? member.DateOfBirth : null));
        return problems;
    }
}
