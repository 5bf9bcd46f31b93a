using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Statuses;

namespace GiamNgheo.Domain.Tests.Statuses;

public class HouseholdStatusRulesTests
{
    private static StatusFact Computed(int year, HouseholdCategory category, int month = 10) => new(year, category, new DateOnly(year, month, 1));

    private static StatusFact Recognised(int year, HouseholdCategory category, long decision, DateOnly signed, bool periodic = true) =>
        new(year, category, signed, decision, HouseholdStatusRules.PolicyFrom(periodic, year, signed));

    [Fact]
    public void NoFactIsNotSurveyedAndNotPoor()
    {
        var status = HouseholdStatusRules.ForReviewYear([], 2025);
        Assert.Equal(StatusSource.NotSurveyed, status.Source);
        Assert.Equal(HouseholdCategory.NotPoor, status.Category);
        Assert.False(status.IsListed);
    }

    [Fact]
    public void AYearWithoutSurveyCarriesTheLastYearOver()
    {
        var facts = new[] { Recognised(2023, HouseholdCategory.Poor, 1, new DateOnly(2023, 12, 10)), Computed(2021, HouseholdCategory.NearPoor) };
        var status = HouseholdStatusRules.ForReviewYear(facts, 2025);
        Assert.Equal(StatusSource.CarriedOver, status.Source);
        Assert.Equal(HouseholdCategory.Poor, status.Category);
        Assert.Equal(2023, status.ReviewYear);
        Assert.Equal(1, status.DecisionId);
    }

    [Fact]
    public void FactsOfLaterYearsAreIgnored()
    {
        var facts = new[] { Computed(2026, HouseholdCategory.Poor), Recognised(2024, HouseholdCategory.NearPoor, 7, new DateOnly(2024, 12, 1)) };
        Assert.Equal(HouseholdCategory.NearPoor, HouseholdStatusRules.ForReviewYear(facts, 2025).Category);
        Assert.Equal(StatusSource.Computed, HouseholdStatusRules.ForReviewYear(facts, 2026).Source);
    }

    [Fact]
    public void ASurveyOfTheYearIsComputedUntilADecisionRecognisesIt()
    {
        var computed = Computed(2025, HouseholdCategory.Poor);
        Assert.Equal(StatusSource.Computed, HouseholdStatusRules.ForReviewYear([computed], 2025).Source);
        var recognised = computed with { DecisionId = 4, PolicyFrom = new DateOnly(2026, 1, 1) };
        Assert.Equal(StatusSource.Recognised, HouseholdStatusRules.ForReviewYear([computed, recognised], 2025).Source);
    }

    [Fact]
    public void TheSeptemberReviewOfTheYearSupersedesTheMarchDecisionForTheYearsFigures()
    {
        var march = Recognised(2026, HouseholdCategory.Poor, 10, new DateOnly(2026, 3, 30), periodic: false);
        var september = Computed(2026, HouseholdCategory.NearPoor, month: 9);
        var status = HouseholdStatusRules.ForReviewYear([march, september], 2026);
        Assert.Equal(HouseholdCategory.NearPoor, status.Category);
        Assert.Equal(StatusSource.Computed, status.Source);
    }

    [Fact]
    public void EntitlementsFollowTheRecognisedListFromTheFirstOfJanuaryAfterAPeriodicReview()
    {
        var facts = new[]
        {
            Recognised(2024, HouseholdCategory.NearPoor, 1, new DateOnly(2024, 12, 10)),
            Recognised(2025, HouseholdCategory.Poor, 2, new DateOnly(2025, 12, 10)),
            Computed(2026, HouseholdCategory.NotPoor),
        };
        Assert.Equal(HouseholdCategory.NearPoor, HouseholdStatusRules.InForce(facts, new DateOnly(2025, 12, 31)).Category);
        var next = HouseholdStatusRules.InForce(facts, new DateOnly(2026, 1, 1));
        Assert.Equal(HouseholdCategory.Poor, next.Category);
        Assert.Equal(2, next.DecisionId);
        Assert.Equal(HouseholdCategory.Poor, HouseholdStatusRules.InForce(facts, new DateOnly(2026, 12, 31)).Category);
    }

    [Fact]
    public void ARegularDecisionTakesEffectOnItsSigningDay()
    {
        var facts = new[]
        {
            Recognised(2025, HouseholdCategory.NotPoor, 1, new DateOnly(2025, 12, 10)),
            Recognised(2026, HouseholdCategory.Poor, 2, new DateOnly(2026, 3, 30), periodic: false),
        };
        Assert.Equal(HouseholdCategory.NotPoor, HouseholdStatusRules.InForce(facts, new DateOnly(2026, 3, 29)).Category);
        Assert.Equal(HouseholdCategory.Poor, HouseholdStatusRules.InForce(facts, new DateOnly(2026, 3, 30)).Category);
    }

    [Fact]
    public void ComputedResultsNeverGrantEntitlements()
    {
        var status = HouseholdStatusRules.InForce([Computed(2025, HouseholdCategory.Poor)], new DateOnly(2026, 6, 1));
        Assert.Equal(StatusSource.NotSurveyed, status.Source);
        Assert.False(status.IsListed);
    }

    [Theory]
    [InlineData(true, "2025-12-10", "2026-01-01")]
    [InlineData(true, "2026-01-20", "2026-01-20")]
    [InlineData(false, "2025-03-30", "2025-03-30")]
    public void PolicyFromDependsOnTheKindOfReview(bool periodic, string signedOn, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            HouseholdStatusRules.PolicyFrom(periodic, 2025, DateOnly.Parse(signedOn, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ResidenceIncludesTheFirstDayAndExcludesTheDayOfLeaving()
    {
        var from = new DateOnly(2025, 3, 1);
        var until = new DateOnly(2025, 9, 1);
        Assert.False(HouseholdStatusRules.IsResident(from, until, new DateOnly(2025, 2, 28)));
        Assert.True(HouseholdStatusRules.IsResident(from, until, from));
        Assert.True(HouseholdStatusRules.IsResident(from, until, new DateOnly(2025, 8, 31)));
        Assert.False(HouseholdStatusRules.IsResident(from, until, until));
        Assert.True(HouseholdStatusRules.IsResident(null, null, new DateOnly(1990, 1, 1)));
    }
}
