using System.Globalization;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Classification;

/// <summary>
/// The member-derived indicators (docs/domain.md §1.2, §2.2, §2.4), evaluated at the review date. Ages are
/// completed years on that date; "từ a đến b tuổi" includes both ends, "dưới b tuổi" excludes b.
/// </summary>
public static class MemberIndicators
{
    public static (bool IsDeprived, string ReasonVi) Evaluate(IndicatorEvaluation evaluation, IReadOnlyList<MemberFacts> members, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(members);
        var rule = evaluation.Rule ?? throw new ArgumentException("The indicator is answered directly.", nameof(evaluation));
        return rule switch
        {
            MemberRule.HealthInsuranceCoverage => HealthInsurance(evaluation.Parameter("min_age"), members, asOf),
            MemberRule.ChildSchooling => ChildSchooling(evaluation.Parameter("min_age"), evaluation.Parameter("max_age"), members, asOf),
            MemberRule.AdultEducationBornFrom => AdultEducationBornFrom(evaluation.Parameter("min_age"), evaluation.Parameter("born_from_year"), members, asOf),
            MemberRule.AdultEducationByAge => AdultEducationByAge(
                evaluation.Parameter("min_age"), evaluation.Parameter("upper_secondary_from_age"), evaluation.Parameter("max_age"), members, asOf),
            MemberRule.DependantRatio => DependantRatio(
                evaluation.Parameter("child_under_age"), evaluation.Parameter("elderly_from_age"), evaluation.Parameter("percent_over"), members, asOf),
            MemberRule.PrecariousEmployment => PrecariousEmployment(evaluation.Parameter("min_age"), evaluation.Parameter("max_age"), members, asOf),
        };
    }

    /// <summary>Deprived when a member aged <paramref name="minAge"/> or over ("từ 6 tuổi trở lên") has no health insurance.</summary>
    private static (bool, string) HealthInsurance(int minAge, IReadOnlyList<MemberFacts> members, DateOnly asOf)
    {
        for (var i = 0; i < members.Count; i++)
        {
            var age = Ages.At(members[i].DateOfBirth, asOf);
            var isOldEnoughToCount = age >= minAge;
            if (isOldEnoughToCount && !members[i].HasHealthInsurance)
            {
                return (true, Invariant($"Thành viên thứ {i + 1} ({age} tuổi) không có bảo hiểm y tế; chỉ số xét thành viên từ {minAge} tuổi trở lên."));
            }
        }

        return (false, Invariant($"Mọi thành viên từ {minAge} tuổi trở lên đều có bảo hiểm y tế."));
    }

    /// <summary>Deprived when a child aged <paramref name="minAge"/> to <paramref name="maxAge"/> is not attending school.</summary>
    private static (bool, string) ChildSchooling(int minAge, int maxAge, IReadOnlyList<MemberFacts> members, DateOnly asOf)
    {
        for (var i = 0; i < members.Count; i++)
        {
            var age = Ages.At(members[i].DateOfBirth, asOf);
            var isOfSchoolAge = age >= minAge && age <= maxAge;
            if (isOfSchoolAge && members[i].Schooling == Schooling.NotInSchool)
            {
                return (true, Invariant($"Thành viên thứ {i + 1} ({age} tuổi) không đi học; chỉ số xét trẻ em từ {minAge} đến {maxAge} tuổi."));
            }
        }

        return (false, Invariant($"Mọi trẻ em từ {minAge} đến {maxAge} tuổi đều đang đi học."));
    }

    /// <summary>QĐ 59/2015: a member aged 15+, born 1986 or later, without lower secondary and not in school.</summary>
    private static (bool, string) AdultEducationBornFrom(int minAge, int bornFromYear, IReadOnlyList<MemberFacts> members, DateOnly asOf)
    {
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var age = Ages.At(m.DateOfBirth, asOf);
            var isInTheCohort = age >= minAge && m.DateOfBirth.Year >= bornFromYear;
            var hasCompletedLowerSecondary = m.Education >= EducationLevel.LowerSecondary;
            if (isInTheCohort && !hasCompletedLowerSecondary && m.Schooling == Schooling.NotInSchool)
            {
                return (true, Invariant($"Thành viên thứ {i + 1} ({age} tuổi, sinh năm {m.DateOfBirth.Year}) chưa tốt nghiệp trung học cơ sở và không đi học."));
            }
        }

        return (false, Invariant($"Không có thành viên từ {minAge} tuổi trở lên, sinh từ năm {bornFromYear}, chưa tốt nghiệp trung học cơ sở mà không đi học."));
    }

    /// <summary>NĐ 07/2021: 16 to under 18 need lower secondary, 18 to 30 upper secondary or vocational, unless studying.</summary>
    private static (bool, string) AdultEducationByAge(int minAge, int upperSecondaryFromAge, int maxAge, IReadOnlyList<MemberFacts> members, DateOnly asOf)
    {
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var age = Ages.At(m.DateOfBirth, asOf);
            var isStudying = m.Schooling == Schooling.InSchool;
            var isYoungerCohort = age >= minAge && age < upperSecondaryFromAge;
            var isOlderCohort = age >= upperSecondaryFromAge && age <= maxAge;
            var hasCompletedLowerSecondary = m.Education >= EducationLevel.LowerSecondary;
            var hasUpperSecondaryOrVocational = m.Education >= EducationLevel.UpperSecondary;
            if (isYoungerCohort && !isStudying && !hasCompletedLowerSecondary)
            {
                return (true, Invariant($"Thành viên thứ {i + 1} ({age} tuổi) chưa tốt nghiệp trung học cơ sở và không đi học."));
            }

            if (isOlderCohort && !isStudying && !hasUpperSecondaryOrVocational)
            {
                return (true, Invariant($"Thành viên thứ {i + 1} ({age} tuổi) chưa tốt nghiệp trung học phổ thông, chưa có trình độ nghề và không đi học."));
            }
        }

        return (false, Invariant($"Mọi thành viên từ {minAge} đến {maxAge} tuổi đều đang học hoặc có trình độ phù hợp với độ tuổi."));
    }

    /// <summary>Deprived when dependants are more than <paramref name="percentOver"/>% of members ("trên 50%").</summary>
    private static (bool, string) DependantRatio(int childUnderAge, int elderlyFromAge, int percentOver, IReadOnlyList<MemberFacts> members, DateOnly asOf)
    {
        var dependants = 0;
        foreach (var m in members)
        {
            var age = Ages.At(m.DateOfBirth, asOf);
            var isDependantByRule = age < childUnderAge || age >= elderlyFromAge || m.Disability is Disability.Severe or Disability.ExtremelySevere;
            if (m.IsDependant ?? isDependantByRule)
            {
                dependants++;
            }
        }

        var isMoreThanThreshold = dependants * 100L > (long)percentOver * members.Count;
        var share = members.Count == 0 ? 0 : dependants * 100 / members.Count;
        return isMoreThanThreshold
            ? (true, Invariant($"Có {dependants}/{members.Count} thành viên là người phụ thuộc (khoảng {share}%), trên {percentOver}%."))
            : (false, Invariant($"Có {dependants}/{members.Count} thành viên là người phụ thuộc (khoảng {share}%), không quá {percentOver}%."));
    }

    /// <summary>Deprived when a working-age member able to work is unemployed or works for wages without a contract.</summary>
    private static (bool, string) PrecariousEmployment(int minAge, int maxAge, IReadOnlyList<MemberFacts> members, DateOnly asOf)
    {
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var age = Ages.At(m.DateOfBirth, asOf);
            var isOfWorkingAge = age >= minAge && age <= maxAge;
            if (!isOfWorkingAge)
            {
                continue;
            }

            switch (m.Employment)
            {
                case Employment.Unemployed:
                    return (true, Invariant($"Thành viên thứ {i + 1} ({age} tuổi) trong độ tuổi lao động đang thất nghiệp."));
                case Employment.WageWithoutContract:
                    return (true, Invariant($"Thành viên thứ {i + 1} ({age} tuổi) làm công ăn lương không có hợp đồng lao động."));
                case Employment.NotInLabourForce:
                case Employment.WageWithContract:
                case Employment.SelfEmployed:
                case Employment.UnableToWork:
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(members), m.Employment, null);
            }
        }

        return (false, Invariant($"Không có thành viên từ {minAge} đến {maxAge} tuổi thất nghiệp hoặc làm công không có hợp đồng lao động."));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
