using GiamNgheo.Domain.Reviews;

namespace GiamNgheo.Domain.Tests.Reviews;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new([new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2)]);

    [Theory]
    [InlineData("2026-10-05", 3, "2026-10-07")] // Monday → Wednesday
    [InlineData("2026-10-08", 3, "2026-10-12")] // Thursday → next Monday, skipping the weekend
    [InlineData("2026-10-10", 3, "2026-10-14")] // starts on Saturday: Mon, Tue, Wed
    [InlineData("2026-08-31", 3, "2026-09-04")] // Monday 31/8, holidays 1–2/9 (Quốc khánh) skipped
    [InlineData("2026-08-28", 1, "2026-08-28")]
    [InlineData("2026-08-29", 5, "2026-09-08")]
    public void EndOfPeriod_SkipsWeekendsAndHolidays(string start, int days, string end) =>
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            Calendar.EndOfPeriod(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days, countsFirstDay: true));

    [Theory]
    [InlineData("2026-10-05", 3, "2026-10-08")] // Monday: counting starts Tuesday → Thursday (Civil Code 2015 Art. 147(2))
    [InlineData("2026-10-08", 3, "2026-10-13")] // Thursday: Fri, Mon, Tue
    [InlineData("2026-10-10", 3, "2026-10-14")] // Saturday: Mon, Tue, Wed (same either way)
    [InlineData("2026-08-31", 3, "2026-09-07")] // Monday 31/8: holidays 1–2/9 skipped → Thu 3, Fri 4, Mon 7
    public void EndOfPeriod_FirstDayNotCounted_StartsTheNextDay(string start, int days, string end) =>
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            Calendar.EndOfPeriod(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days, countsFirstDay: false));

    [Fact]
    public void IsWorkingDay_HolidayOnWeekday_False() => Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 9, 2)));
}
