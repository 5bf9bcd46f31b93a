using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Surveys;

namespace GiamNgheo.Application.Tests.Surveys;

public class SurveyAnswersTests
{
    /// <summary>Stored compact answers are read against this list forever: it may grow at the end, never change.</summary>
    [Fact]
    public void Codebook_IsPinned()
    {
        string[] v1 =
        [
            "employment", "dependants", "nutrition", "health_insurance", "adult_education", "child_schooling", "housing_quality",
            "housing_area", "water", "sanitation", "telecom", "information_devices", "adult_education_2016", "child_schooling_2016",
            "health_access", "telecom_2016", "information_assets",
        ];
        Assert.Equal(v1, SurveyAnswers.Codebook.Take(v1.Length));
        Assert.Equal(SurveyAnswers.Codebook.Count, SurveyAnswers.Codebook.Distinct(StringComparer.Ordinal).Count());
        Assert.All(HouseholdColumns.Indicators, c => Assert.Contains(c.Code, SurveyAnswers.Codebook));
    }

    [Fact]
    public void Format_KnownCodes_IsCompact()
    {
        var text = SurveyAnswers.Format(new Dictionary<string, bool> { ["dependants"] = true, ["employment"] = false, ["water"] = true });
        Assert.Equal("~01......1", text);
        Assert.Equal("{}", SurveyAnswers.Format(new Dictionary<string, bool>()));
    }

    [Fact]
    public void Format_CodeOutsideTheCodebook_IsJson()
    {
        var answers = new Dictionary<string, bool> { ["water"] = true, ["province_own_indicator"] = false };
        var text = SurveyAnswers.Format(answers);
        Assert.Equal("""{"province_own_indicator":false,"water":true}""", text);
        Assert.Equal(answers, SurveyAnswers.Parse(text));
    }

    [Fact]
    public void Parse_EarlierJsonAndEmpty_AreRead()
    {
        Assert.Equal(new Dictionary<string, bool> { ["dependants"] = true, ["water"] = false }, SurveyAnswers.Parse("""{"dependants":true,"water":false}"""));
        Assert.Empty(SurveyAnswers.Parse("{}"));
        Assert.Empty(SurveyAnswers.Parse(""));
        Assert.Empty(SurveyAnswers.Parse("~"));
    }

    [Theory]
    [InlineData("~012")]
    [InlineData("~000000000000000000000000000000000000")]
    public void Parse_BadCompactText_Throws(string text) => Assert.Throws<FormatException>(() => SurveyAnswers.Parse(text));

    [Fact]
    public void RoundTrip_AnyAnswers_GiveBackTheSame() =>
        Sample((answered, deprived) =>
        {
            var answers = SurveyAnswers.Codebook.Select((code, i) => (code, i)).Where(x => (answered >> x.i & 1) == 1)
                .ToDictionary(x => x.code, x => (deprived >> x.i & 1) == 1);
            Assert.Equal(answers, SurveyAnswers.Parse(SurveyAnswers.Format(answers)));
        });

    /// <summary>The importer formats an interchange row's two masks directly; it must give the text of the dictionary path.</summary>
    [Fact]
    public void Format_InterchangeRow_EqualsTheDictionaryPath() =>
        Sample((answered, deprived) =>
        {
            var row = IndicatorAnswers.None;
            var answers = new Dictionary<string, bool>();
            for (var i = 0; i < HouseholdColumns.Indicators.Count; i++)
            {
                if ((answered >> i & 1) == 1)
                {
                    var value = (deprived >> i & 1) == 1;
                    row = row.With(i, value);
                    answers[HouseholdColumns.Indicators[i].Code] = value;
                }
            }

            Assert.Equal(SurveyAnswers.Format(answers), SurveyAnswers.Format(row));
        });

    /// <summary>Two random 32-bit masks, 5,000 times (fixed seed), plus none and all.</summary>
    private static void Sample(Action<uint, uint> check)
    {
        check(0, 0);
        check(uint.MaxValue, uint.MaxValue);
        var random = new Random(2026);
        for (var i = 0; i < 5000; i++)
        {
            check((uint)random.NextInt64(0, 1L << 32), (uint)random.NextInt64(0, 1L << 32));
        }
    }
}
