using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Tests.Classification;

/// <summary>Member-derived indicators evaluated at the review date (docs/domain.md §1.2, §2.2, §2.4; cut-offs [M]/[V3]).</summary>
public class MemberIndicatorsTests
{
    private static readonly PovertyStandard Qd59 = StandardCatalog.Get("QD59_2015");
    private static readonly PovertyStandard Nd07 = StandardCatalog.Get("ND07_2021");

    private static readonly MemberFacts InsuredAdult = new()
    {
        DateOfBirth = new DateOnly(1980, 1, 1),
        HasHealthInsurance = true,
        Education = EducationLevel.UpperSecondary,
        Employment = Employment.WageWithContract,
    };

    /// <summary>Health insurance: a member "từ 6 tuổi trở lên" without insurance; the sixth birthday counts on its day.</summary>
    [Theory]
    [InlineData("2025-09-30", false)]
    [InlineData("2025-10-01", true)]
    public void Classify_ChildWithoutInsuranceTurningSix_DeprivedFromTheBirthday(string reviewDate, bool deprived)
    {
        var child = new MemberFacts { DateOfBirth = new DateOnly(2019, 10, 1), HasHealthInsurance = false, Schooling = Schooling.InSchool };
        var result = Indicator(Nd07, "health_insurance", Parse(reviewDate), InsuredAdult, child);
        Assert.Equal(deprived, result.IsDeprived);
        Assert.Equal(IndicatorSource.Members, result.Source);
    }

    /// <summary>Member facts win over a contradicting direct answer for a member-derived indicator.</summary>
    [Fact]
    public void Classify_MembersPresent_DerivedIndicatorIgnoresDirectAnswer()
    {
        var facts = new HouseholdFacts
        {
            Area = AreaType.Rural,
            IncomePerPersonPerMonth = 1_000_000,
            Answers = new Dictionary<string, bool> { ["health_insurance"] = true, ["water"] = true },
            Members = [InsuredAdult],
        };
        var result = HouseholdClassifier.Classify(facts, Nd07, Households.ReviewDate);
        var hi = result.Indicators.Single(i => i.Code == "health_insurance");
        Assert.False(hi.IsDeprived);
        Assert.True(hi.IsDerivedFromMembers);
        var water = result.Indicators.Single(i => i.Code == "water");
        Assert.True(water.IsDeprived);
        Assert.Equal(IndicatorSource.DirectAnswer, water.Source);
    }

    [Fact]
    public void Classify_NoMembers_DerivedIndicatorUsesDirectAnswer()
    {
        var facts = new HouseholdFacts
        {
            Area = AreaType.Rural,
            IncomePerPersonPerMonth = 1_000_000,
            Answers = new Dictionary<string, bool> { ["health_insurance"] = true },
        };
        var hi = HouseholdClassifier.Classify(facts, Nd07, Households.ReviewDate).Indicators.Single(i => i.Code == "health_insurance");
        Assert.True(hi.IsDeprived);
        Assert.Equal(IndicatorSource.DirectAnswer, hi.Source);
    }

    /// <summary>NĐ 07/2021 child schooling: 3 to under 16 (max_age 15) not attending school.</summary>
    [Theory]
    [InlineData("2022-10-01", true)]
    [InlineData("2022-10-02", false)]
    [InlineData("2012-10-01", true)]
    [InlineData("2009-10-02", true)]
    [InlineData("2009-10-01", false)]
    public void Classify_Nd07ChildNotInSchool_DeprivedFromThreeToUnderSixteen(string dateOfBirth, bool deprived)
    {
        var child = new MemberFacts { DateOfBirth = Parse(dateOfBirth), HasHealthInsurance = true, Schooling = Schooling.NotInSchool };
        Assert.Equal(deprived, Indicator(Nd07, "child_schooling", Households.ReviewDate, InsuredAdult, child).IsDeprived);
    }

    /// <summary>QĐ 59/2015 child schooling: 5 to 14.</summary>
    [Theory]
    [InlineData("2020-10-02", false)]
    [InlineData("2020-10-01", true)]
    [InlineData("2010-10-02", true)]
    [InlineData("2010-10-01", false)]
    public void Classify_Qd59ChildNotInSchool_DeprivedFromFiveToFourteen(string dateOfBirth, bool deprived)
    {
        var child = new MemberFacts { DateOfBirth = Parse(dateOfBirth), Schooling = Schooling.NotInSchool };
        Assert.Equal(deprived, Indicator(Qd59, "child_schooling_2016", Households.ReviewDate, InsuredAdult, child).IsDeprived);
    }

    /// <summary>QĐ 59/2015 adult education: aged 15+, born in 1986 or later, no lower secondary, not in school.</summary>
    [Theory]
    [InlineData("1985-12-31", "Primary", "NotInSchool", false)]
    [InlineData("1986-01-01", "Primary", "NotInSchool", true)]
    [InlineData("1986-01-01", "LowerSecondary", "NotInSchool", false)]
    [InlineData("2010-10-02", "Primary", "NotInSchool", false)]
    [InlineData("2010-10-01", "Primary", "NotInSchool", true)]
    [InlineData("2005-01-01", "Primary", "InSchool", false)]
    public void Classify_Qd59AdultEducation_FollowsCohortRule(string dateOfBirth, string education, string schooling, bool deprived)
    {
        var member = new MemberFacts { DateOfBirth = Parse(dateOfBirth), Education = Enum.Parse<EducationLevel>(education), Schooling = Enum.Parse<Schooling>(schooling) };
        Assert.Equal(deprived, Indicator(Qd59, "adult_education_2016", Households.ReviewDate, InsuredAdult, member).IsDeprived);
    }

    /// <summary>NĐ 07/2021 adult education: 16 to under 18 need lower secondary; 18 to 30 upper secondary or vocational; unless studying.</summary>
    [Theory]
    [InlineData(15, "Primary", "NotInSchool", false)]
    [InlineData(16, "Primary", "NotInSchool", true)]
    [InlineData(17, "LowerSecondary", "NotInSchool", false)]
    [InlineData(17, "Primary", "InSchool", false)]
    [InlineData(18, "LowerSecondary", "NotInSchool", true)]
    [InlineData(18, "Vocational", "NotInSchool", false)]
    [InlineData(25, "UpperSecondary", "NotInSchool", false)]
    [InlineData(30, "LowerSecondary", "NotInSchool", true)]
    [InlineData(30, "LowerSecondary", "InSchool", false)]
    [InlineData(31, "None", "NotInSchool", false)]
    public void Classify_Nd07AdultEducation_FollowsAgeBands(int age, string education, string schooling, bool deprived)
    {
        var member = new MemberFacts { DateOfBirth = Households.ReviewDate.AddYears(-age), Education = Enum.Parse<EducationLevel>(education), Schooling = Enum.Parse<Schooling>(schooling) };
        Assert.Equal(deprived, Indicator(Nd07, "adult_education", Households.ReviewDate, InsuredAdult, member).IsDeprived);
    }

    /// <summary>Dependants "trên 50%": children under 16, persons aged 60+ [M], severe disability [M].</summary>
    [Theory]
    [InlineData(new[] { 40, 10, 70 }, true)]
    [InlineData(new[] { 40, 35, 10, 70 }, false)]
    [InlineData(new[] { 40, 35, 10, 70, 15 }, true)]
    [InlineData(new[] { 40, 16, 59 }, false)]
    public void Classify_DependantShare_DeprivedAboveHalf(int[] ages, bool deprived)
    {
        var members = ages.Select(a => new MemberFacts { DateOfBirth = Households.ReviewDate.AddYears(-a), HasHealthInsurance = true }).ToArray();
        Assert.Equal(deprived, Indicator(Nd07, "dependants", Households.ReviewDate, members).IsDeprived);
    }

    [Fact]
    public void Classify_DependantOverride_WinsOverTheAgeRule()
    {
        var members = new[]
        {
            new MemberFacts { DateOfBirth = new DateOnly(1980, 1, 1), Disability = Disability.Severe },
            new MemberFacts { DateOfBirth = new DateOnly(1990, 1, 1), IsDependant = true },
            new MemberFacts { DateOfBirth = new DateOnly(2015, 1, 1), IsDependant = false },
        };
        Assert.True(Indicator(Nd07, "dependants", Households.ReviewDate, members).IsDeprived);
    }

    /// <summary>Employment: a member aged 15–60 [M] unemployed or working for wages without a contract.</summary>
    [Theory]
    [InlineData(30, "WageWithoutContract", true)]
    [InlineData(30, "Unemployed", true)]
    [InlineData(30, "SelfEmployed", false)]
    [InlineData(30, "UnableToWork", false)]
    [InlineData(14, "Unemployed", false)]
    [InlineData(61, "WageWithoutContract", false)]
    public void Classify_Employment_DeprivedForPrecariousWorkAtWorkingAge(int age, string employment, bool deprived)
    {
        var member = new MemberFacts { DateOfBirth = Households.ReviewDate.AddYears(-age), Employment = Enum.Parse<Employment>(employment) };
        var result = Indicator(Nd07, "employment", Households.ReviewDate, InsuredAdult, member);
        Assert.Equal(deprived, result.IsDeprived);
        Assert.False(string.IsNullOrWhiteSpace(result.ReasonVi));
    }

    [Fact]
    public void Classify_MemberDerivedDeprivations_DecideTheCategory()
    {
        var facts = new HouseholdFacts
        {
            Area = AreaType.Rural,
            IncomePerPersonPerMonth = 1_200_000,
            Answers = new Dictionary<string, bool> { ["water"] = true },
            Members =
            [
                InsuredAdult with { HasHealthInsurance = false, Employment = Employment.WageWithoutContract },
                new MemberFacts { DateOfBirth = new DateOnly(2012, 5, 1), HasHealthInsurance = true, Schooling = Schooling.InSchool },
            ],
        };
        var result = HouseholdClassifier.Classify(facts, Nd07, Households.ReviewDate);
        Assert.Equal(["employment", "health_insurance", "water"], result.DeprivedCodes);
        Assert.Equal(HouseholdCategory.Poor, result.Category);
        Assert.Contains("không có bảo hiểm y tế", result.Indicators.Single(i => i.Code == "health_insurance").ReasonVi, StringComparison.Ordinal);
    }

    private static IndicatorResult Indicator(PovertyStandard standard, string code, DateOnly asOf, params MemberFacts[] members)
    {
        var facts = new HouseholdFacts { Area = AreaType.Rural, IncomePerPersonPerMonth = 1_000_000, Members = members };
        return HouseholdClassifier.EvaluateIndicators(facts, standard, asOf).Single(i => i.Code == code);
    }

    private static DateOnly Parse(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
