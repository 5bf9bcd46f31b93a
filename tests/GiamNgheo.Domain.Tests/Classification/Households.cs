using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Tests.Classification;

/// <summary>Builds household facts for the tests.</summary>
internal static class Households
{
    public static readonly DateOnly ReviewDate = new(2025, 10, 1);

    /// <summary>Income and the first <paramref name="deprivations"/> indicators of the standard answered "deprived".</summary>
    public static HouseholdFacts WithIncome(PovertyStandard standard, AreaType area, long income, int deprivations) => new()
    {
        Area = area,
        IncomePerPersonPerMonth = income,
        Answers = Answers(standard, deprivations),
    };

    public static HouseholdFacts WithScore(PovertyStandard standard, AreaType area, int score, int deprivations) => new()
    {
        Area = area,
        B1Score = score,
        B1ScoreTable = standard.B1ScoreTable?.Value,
        Answers = Answers(standard, deprivations),
    };

    public static Dictionary<string, bool> Answers(PovertyStandard standard, int deprivations) =>
        standard.Indicators.Select((indicator, i) => (indicator.Code, Deprived: i < deprivations)).ToDictionary(x => x.Code, x => x.Deprived);

    public static AreaType Area(string area) => AreaTypeCodes.TryParse(area, out var a) ? a : throw new ArgumentException(area);

    public static HouseholdCategory Category(string code) => HouseholdCategoryCodes.TryParse(code, out var c) ? c : throw new ArgumentException(code);
}
