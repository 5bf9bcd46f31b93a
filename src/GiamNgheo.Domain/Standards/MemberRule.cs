namespace GiamNgheo.Domain.Standards;

/// <summary>
/// Named rules that derive an indicator from member facts at the review date. Their parameters
/// (ages, ratios) are data of the standard, so an official can correct them.
/// </summary>
public enum MemberRule
{
    /// <summary>Deprived when a member aged <c>min_age</c> or over has no health insurance.</summary>
    HealthInsuranceCoverage = 0,

    /// <summary>Deprived when a child aged <c>min_age</c> to <c>max_age</c> (inclusive) is not attending school.</summary>
    ChildSchooling = 1,

    /// <summary>
    /// QĐ 59/2015: deprived when a member aged <c>min_age</c> or over, born in <c>born_from_year</c> or later, has not
    /// completed lower secondary school and is not in school.
    /// </summary>
    AdultEducationBornFrom = 2,

    /// <summary>
    /// NĐ 07/2021: deprived when a member aged <c>min_age</c> to under <c>upper_secondary_from_age</c> neither studies nor
    /// has completed lower secondary, or a member aged <c>upper_secondary_from_age</c> to <c>max_age</c> neither studies
    /// nor has upper secondary or a vocational qualification.
    /// </summary>
    AdultEducationByAge = 3,

    /// <summary>
    /// Deprived when dependants are more than <c>percent_over</c>% of members. A dependant is a child under
    /// <c>child_under_age</c>, a person aged <c>elderly_from_age</c> or over, a person with a severe or extremely severe
    /// disability, or a member marked as a dependant.
    /// </summary>
    DependantRatio = 4,

    /// <summary>
    /// Deprived when a member aged <c>min_age</c> to <c>max_age</c> who is able to work is unemployed or works for
    /// wages without a labour contract.
    /// </summary>
    PrecariousEmployment = 5,
}

public static class MemberRuleCodes
{
    public static string ToCode(this MemberRule rule) => rule switch
    {
        MemberRule.HealthInsuranceCoverage => "health_insurance_coverage",
        MemberRule.ChildSchooling => "child_schooling",
        MemberRule.AdultEducationBornFrom => "adult_education_born_from",
        MemberRule.AdultEducationByAge => "adult_education_by_age",
        MemberRule.DependantRatio => "dependant_ratio",
        MemberRule.PrecariousEmployment => "precarious_employment",
    };

    /// <summary>The parameters each rule needs; a standard file missing one is rejected when loaded.</summary>
    public static IReadOnlyList<string> RequiredParameters(this MemberRule rule) => rule switch
    {
        MemberRule.HealthInsuranceCoverage => ["min_age"],
        MemberRule.ChildSchooling => ["min_age", "max_age"],
        MemberRule.AdultEducationBornFrom => ["min_age", "born_from_year"],
        MemberRule.AdultEducationByAge => ["min_age", "upper_secondary_from_age", "max_age"],
        MemberRule.DependantRatio => ["child_under_age", "elderly_from_age", "percent_over"],
        MemberRule.PrecariousEmployment => ["min_age", "max_age"],
    };

    public static bool TryParse(string? text, out MemberRule rule)
    {
        foreach (var candidate in Enum.GetValues<MemberRule>())
        {
            if (string.Equals(candidate.ToCode(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                rule = candidate;
                return true;
            }
        }

        rule = MemberRule.HealthInsuranceCoverage;
        return false;
    }
}
