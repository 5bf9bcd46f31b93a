using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Synthetic;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Tests.Synthetic;

/// <summary>
/// Indicators that an engine derives from member facts (docs/domain.md §2.2, §1.2, with the ages assumed in
/// docs/formats/households.md) must agree with the household's 0/1 answers. Checked at the end of the review year
/// and, for the rules the generator keeps a year's margin on, at its start too.
/// </summary>
public class MemberConsistencyTests
{
    public static TheoryData<string> Provinces => ["11", "79", "66", "91"];

    [Theory]
    [MemberData(nameof(Provinces))]
    public void MemberFacts_AgreeWithTheIndicatorAnswers(string province)
    {
        var generator = SyntheticProvinceGenerator.Create(new SyntheticProvinceOptions
        {
            ProvinceCode = province, Households = 4_000, Seed = 11,
        }).Generator!;
        var yearEnd = generator.Plan.ReviewDate;
        var yearStart = new DateOnly(yearEnd.Year, 1, 1);

        Assert.All(generator.Generate(), h =>
        {
            var answers = h.Household.Indicators;
            foreach (var date in new[] { yearEnd, yearStart })
            {
                Assert.Equal(answers.Get("health_insurance"), h.Members.Any(m => Age(m, date) >= 6 && !m.HealthInsurance));
                Assert.Equal(answers.Get("child_schooling"), h.Members.Any(m => Age(m, date) is >= 3 and < 16 && !InSchool(m)));
                Assert.Equal(answers.Get("adult_education"), h.Members.Any(m => LacksQualification(m, date)));
                Assert.Equal(answers.Get("employment"), h.Members.Any(m => Age(m, date) is >= 15 and <= 60
                    && m.Employment is Employment.Unemployed or Employment.WageWithoutContract));
                Assert.Equal(answers.Get("child_schooling_2016"), h.Members.Any(m => Age(m, date) is >= 5 and <= 14 && !InSchool(m)));
                Assert.Equal(answers.Get("adult_education_2016"), h.Members.Any(m => Age(m, date) >= 15
                    && m.DateOfBirth.Year >= 1986 && m.Education < EducationLevel.LowerSecondary && !InSchool(m)));
            }

            var dependants = h.Members.Count(m => Age(m, yearEnd) < 16 || Age(m, yearEnd) >= 60
                || m.Disability is Disability.Severe or Disability.ExtremelySevere);
            Assert.Equal(answers.Get("dependants"), 2 * dependants > h.Members.Count);
        });
    }

    [Fact]
    public void Answers_CoverEveryIndicatorColumn()
    {
        var household = SyntheticProvinceGenerator.Create(new SyntheticProvinceOptions
        {
            ProvinceCode = "11", Households = 1, Seed = 1,
        }).Generator!.Generate().Single().Household;

        Assert.All(HouseholdColumns.Indicators, c => Assert.NotNull(household.Indicators.Get(c.Code)));
    }

    [Fact]
    public void Flags_FollowTheMembers()
    {
        var households = SyntheticProvinceGenerator.Create(new SyntheticProvinceOptions
        {
            ProvinceCode = "52", Households = 3_000, Seed = 4,
        }).Generator!.Generate().ToList();

        Assert.All(households, h =>
        {
            var head = h.Members[0];
            Assert.Equal(head.Sex == Sex.Female, h.Household.Flags.HasFlag(SpecialGroups.FemaleHead));
            Assert.Equal(head.EthnicityCode != "01", h.Household.Flags.HasFlag(SpecialGroups.EthnicMinority));
            Assert.Equal(h.Household.Income <= Line(h.Household.Area), h.Household.Causes != PovertyCauses.None);
        });
        Assert.Contains(households, h => h.Household.Flags.HasFlag(SpecialGroups.LocalIndigenousMinority));
    }

    private static int Age(MemberRow m, DateOnly on) => Ages.At(m.DateOfBirth, on);

    private static bool InSchool(MemberRow m) => m.Schooling == Schooling.InSchool;

    /// <summary>ND07: 16 to under 18 without lower secondary, or 18–30 without upper secondary or vocational, and not studying.</summary>
    private static bool LacksQualification(MemberRow m, DateOnly on) => !InSchool(m) && Age(m, on) switch
    {
        >= 16 and < 18 => m.Education < EducationLevel.LowerSecondary,
        >= 18 and <= 30 => m.Education < EducationLevel.UpperSecondary,
        _ => false,
    };

    private static long Line(AreaType area) => area == AreaType.Urban ? 2_000_000 : 1_500_000;
}
