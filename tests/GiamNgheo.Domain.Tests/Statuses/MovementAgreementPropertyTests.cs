using CsCheck;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Reports;
using GiamNgheo.Domain.Reviews;
using GiamNgheo.Domain.Statuses;
using GiamNgheo.Domain.Tests.Oracles;

namespace GiamNgheo.Domain.Tests.Statuses;

/// <summary>The merged movement rule agrees with both former implementations (private copies in Oracles/) on random inputs.</summary>
public class MovementAgreementPropertyTests
{
    private static readonly Gen<HouseholdCategory?> AnyCategory =
        Gen.Int[0, 4].Select(i => i == 4 ? (HouseholdCategory?)null : (HouseholdCategory)i);

    private static readonly Gen<HouseholdCategory> AnyList = Gen.Bool.Select(b => b ? HouseholdCategory.Poor : HouseholdCategory.NearPoor);

    private static readonly Gen<ListStatus> AnyStatus = Gen.Int[0, 3].Select(i => (ListStatus)i);

    private static Movement? FromReview(FormerReviewMovement? m) => m switch
    {
        null => null,
        FormerReviewMovement.Stayed => Movement.Stayed,
        FormerReviewMovement.ToOtherList => Movement.DecreaseToOtherList,
        FormerReviewMovement.AboveNearPoorLine => Movement.DecreaseAboveNearPoor,
        FormerReviewMovement.OtherDecrease => Movement.DecreaseOther,
        FormerReviewMovement.FromOtherList => Movement.IncreaseFromOtherList,
        FormerReviewMovement.Relapsed => Movement.IncreaseRelapsed,
        FormerReviewMovement.NewlyArising => Movement.IncreaseNew,
        FormerReviewMovement.OtherIncrease => Movement.IncreaseOther,
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };

    [Fact]
    public void Categories_AgreeWithTheFormerReportRule() =>
        Gen.Select(AnyList, AnyCategory, AnyCategory, Gen.Bool).Sample((list, previous, current, escaped) =>
        {
            var merged = Movements.Of(list, previous, current, escaped);
            var former = FormerReportMovements.Of(list, previous, current, escaped);
            Assert.Equal(former.ToString(), merged.ToString());
            var household = new ReportHousehold
            {
                HouseholdId = 1,
                UnitCode = "V",
                PreviousCategory = previous,
                Category = current,
                EscapedPoorEarlierInPeriod = list == HouseholdCategory.Poor && escaped,
                EscapedNearPoorEarlierInPeriod = list == HouseholdCategory.NearPoor && escaped,
            };
            Assert.Equal(merged, household.MovementOn(list));
        }, iter: 5_000);

    [Fact]
    public void ListStatuses_AgreeWithTheFormerReviewRule() =>
        Gen.Select(AnyList, AnyStatus, AnyStatus, Gen.Bool).Sample((list, previous, current, escaped) =>
        {
            var l = ListStatuses.Of(list);
            var other = l == ListStatus.Poor ? ListStatus.NearPoor : ListStatus.Poor;
            var merged = Movements.Of(l, previous, current, escaped);
            Assert.Equal(FromReview(FormerReviewMovements.ForList(l, other, previous, current, escaped)), merged == Movement.None ? null : merged);
        }, iter: 5_000);

    [Fact]
    public void Histories_BoardClassificationAgreesWithTheFormerReviewRule() =>
        Gen.Select(AnyStatus.Array[6], Gen.Int[1, 5], Gen.Int[1, 5]).Sample((statuses, periodOffset, yearOffset) =>
        {
            const int first = 2020;
            var years = statuses.Select((s, i) => (Year: first + i, Status: s)).ToDictionary(t => t.Year, t => (t.Status, 1 + (t.Year % 4)));
            var history = new HouseholdHistory(7, "V1", years);
            var period = first + periodOffset - 1;
            var year = Math.Min(first + 5, period + yearOffset);
            var merged = MovementCalculator.Classify(history, year, period);
            var (poor, nearPoor) = FormerReviewMovements.Classify(y => history.At(y).Status, year, period);
            Assert.Equal(FromReview(poor), merged.Poor);
            Assert.Equal(FromReview(nearPoor), merged.NearPoor);
        }, iter: 5_000);

    [Fact]
    public void BothFormerRules_AgreeWithEachOther_OnTheSameEscapeFlag() =>
        Gen.Select(AnyList, AnyCategory, AnyCategory, Gen.Bool).Sample((list, previous, current, escaped) =>
        {
            var l = ListStatuses.Of(list);
            var other = l == ListStatus.Poor ? ListStatus.NearPoor : ListStatus.Poor;
            var report = FormerReportMovements.Of(list, previous, current, escaped);
            var review = FormerReviewMovements.ForList(l, other, ListStatuses.Of(previous), ListStatuses.Of(current), escaped);
            Assert.Equal(report == FormerReportMovement.None ? null : report.ToString(), FromReview(review)?.ToString());
        }, iter: 5_000);
}
