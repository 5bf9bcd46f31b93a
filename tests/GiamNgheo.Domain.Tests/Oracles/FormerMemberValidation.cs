using GiamNgheo.Domain.Households;

namespace GiamNgheo.Domain.Tests.Oracles;

// Private copies of the two former member validations (before MemberRules), reduced to the fields they flagged;
// kept only as oracles for the agreement property tests. Messages differed and are not compared.
internal static class FormerMemberValidation
{
    /// <summary>HouseholdCommands.ValidateMemberAsync without the database check: the flagged form fields.</summary>
    public static HashSet<MemberField> Form(string name, DateOnly dob, Sex sex, string ethnicity, string? personalId, DateOnly today, Func<string, bool> isKnown)
    {
        var fields = new HashSet<MemberField>();
        if (name.Length == 0 || name.Length > 150)
        {
            fields.Add(MemberField.FullName);
        }

        if (dob > today || dob.Year < 1900)
        {
            fields.Add(MemberField.DateOfBirth);
        }

        if (!isKnown(ethnicity))
        {
            fields.Add(MemberField.EthnicityCode);
        }

        if (!Enum.IsDefined(sex))
        {
            fields.Add(MemberField.Sex);
        }

        var id = personalId?.Trim();
        if (!string.IsNullOrEmpty(id) && PersonalId.Validate(id, sex, dob) is not null)
        {
            fields.Add(MemberField.PersonalId);
        }

        return fields;
    }

    /// <summary>ImportRows.ParseMember's checks on name, date of birth and personal ID (sex parsed), and ImportValidator's ethnicity check.</summary>
    public static HashSet<MemberField> Importer(string name, DateOnly dob, Sex sex, string ethnicity, string personalId, DateOnly today, Func<string, bool> isKnown)
    {
        var fields = new HashSet<MemberField>();
        if (name.Length is 0 or > 150)
        {
            fields.Add(MemberField.FullName);
        }

        var dobOk = true;
        if (dob > today || dob.Year < 1900)
        {
            fields.Add(MemberField.DateOfBirth);
            dobOk = false;
        }

        if (personalId.Length > 0 && PersonalId.Validate(personalId, sex, dobOk ? dob : null) is not null)
        {
            fields.Add(MemberField.PersonalId);
        }

        if (!isKnown(ethnicity))
        {
            fields.Add(MemberField.EthnicityCode);
        }

        return fields;
    }
}
