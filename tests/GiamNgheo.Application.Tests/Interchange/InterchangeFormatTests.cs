using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Tests.Interchange;

/// <summary>The column codes are a public contract: these tests spell it out literally.</summary>
public class InterchangeFormatTests
{
    [Fact]
    public void HouseholdHeader_IsTheContract() =>
        Assert.Equal(
            "household_code,commune_code,village,address,head_name,area,review_year,income,b1_score,b1_score_table," +
            "employment,dependants,nutrition,health_insurance,adult_education,child_schooling,housing_quality," +
            "housing_area,water,sanitation,telecom,information_devices," +
            "adult_education_2016,child_schooling_2016,health_access,telecom_2016,information_assets," +
            "causes,needs,ethnic_minority,local_minority,no_labour_capacity,revolutionary_merit,social_protection,female_head",
            string.Join(',', HouseholdColumns.Header(InterchangeHeader.Codes)));

    [Fact]
    public void MemberHeader_IsTheContract() =>
        Assert.Equal(
            "household_code,full_name,sex,date_of_birth,ethnicity_code,relation_to_head,personal_id," +
            "health_insurance,education,in_school,disability,employment",
            string.Join(',', MemberColumns.Header(InterchangeHeader.Codes)));

    [Fact]
    public void IndicatorColumns_AreTheUnionOfBothStandards_Nd07First()
    {
        var codes = HouseholdColumns.Indicators.Select(c => c.Code).ToList();

        Assert.Equal(HouseholdColumns.Nd07Indicators, codes.Take(12));
        Assert.Equal(HouseholdColumns.Nd07Indicators.Union(HouseholdColumns.Qd59Indicators), codes);
    }

    [Fact]
    public void VietnameseHeaders_AreUniqueAndOnePerColumn()
    {
        Assert.Equal(HouseholdColumns.All.Count, HouseholdColumns.Header(InterchangeHeader.Vietnamese).Distinct().Count());
        Assert.Equal(MemberColumns.All.Count, MemberColumns.Header(InterchangeHeader.Vietnamese).Distinct().Count());
        Assert.Equal("Mã hộ", HouseholdColumns.Header(InterchangeHeader.Vietnamese)[0]);
    }

    [Fact]
    public void MemberCodes_RoundTripThroughCodeAndVietnameseLabel()
    {
        foreach (var v in Enum.GetValues<Sex>())
        {
            Assert.True(MemberCodes.TryParse(v.ToCode(), out Sex a) && a == v);
            Assert.True(MemberCodes.TryParse(v.ToVietnamese(), out Sex b) && b == v);
        }

        foreach (var v in Enum.GetValues<RelationToHead>())
        {
            Assert.True(MemberCodes.TryParse(v.ToCode(), out RelationToHead a) && a == v);
            Assert.True(MemberCodes.TryParse(v.ToVietnamese(), out RelationToHead b) && b == v);
        }

        foreach (var v in Enum.GetValues<EducationLevel>())
        {
            Assert.True(MemberCodes.TryParse(v.ToCode(), out EducationLevel a) && a == v);
            Assert.True(MemberCodes.TryParse(v.ToVietnamese(), out EducationLevel b) && b == v);
        }

        foreach (var v in Enum.GetValues<Disability>())
        {
            Assert.True(MemberCodes.TryParse(v.ToCode(), out Disability a) && a == v);
            Assert.True(MemberCodes.TryParse(v.ToVietnamese(), out Disability b) && b == v);
        }

        foreach (var v in Enum.GetValues<Employment>())
        {
            Assert.True(MemberCodes.TryParse(v.ToCode(), out Employment a) && a == v);
            Assert.True(MemberCodes.TryParse(v.ToVietnamese(), out Employment b) && b == v);
        }

        foreach (var v in Enum.GetValues<Schooling>())
        {
            Assert.True(MemberCodes.TryParse(v.ToCode(), out Schooling a) && a == v);
        }
    }

    [Theory]
    [InlineData("FEMALE")]
    [InlineData(" nu ")]
    [InlineData("Nữ")]
    public void MemberCodes_ParseIgnoresCaseSpacesAndDiacritics(string text)
    {
        Assert.True(MemberCodes.TryParse(text, out Sex sex));
        Assert.Equal(Sex.Female, sex);
    }

    [Fact]
    public void MemberCodes_UnknownValue_IsNotParsed() =>
        Assert.False(MemberCodes.TryParse("unknown", out Employment _));

    [Fact]
    public void Causes_AreJoinedBySemicolonsInColumnOrder()
    {
        Assert.Equal("land;illness", HouseholdCodes.FormatCauses(PovertyCauses.Illness | PovertyCauses.Land));
        Assert.Equal("", HouseholdCodes.FormatCauses(PovertyCauses.None));
        Assert.Equal("credit;housing", HouseholdCodes.FormatNeeds(SupportNeeds.Housing | SupportNeeds.Credit));
    }

    [Fact]
    public void Causes_ParseCodesAndLabels_AndNameTheUnknownItem()
    {
        Assert.Null(HouseholdCodes.TryParseCauses("land; Thiếu vốn ;illness", out var causes));
        Assert.Equal(PovertyCauses.Land | PovertyCauses.Capital | PovertyCauses.Illness, causes);
        Assert.Equal("luck", HouseholdCodes.TryParseCauses("land;luck", out _));
        Assert.Null(HouseholdCodes.TryParseNeeds("", out var needs));
        Assert.Equal(SupportNeeds.None, needs);
    }

    [Fact]
    public void IndicatorAnswers_HoldThreeStates()
    {
        var answers = IndicatorAnswers.None.With("water", true).With("telecom", false);

        Assert.True(answers.Get("water"));
        Assert.False(answers.Get("telecom"));
        Assert.Null(answers.Get("nutrition"));
        Assert.Null(answers.With("water", null).Get("water"));
        Assert.Equal(1, answers.CountDeprived(HouseholdColumns.Nd07Indicators));
        Assert.Throws<ArgumentException>(() => answers.Get("nope"));
    }
}
