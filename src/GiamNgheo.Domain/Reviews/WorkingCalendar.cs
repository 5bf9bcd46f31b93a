namespace GiamNgheo.Domain.Reviews;

/// <summary>Working days: Monday–Friday except the public holidays given as data (the province can edit the list).</summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> holidays = [.. holidays];

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>
    /// The last day of a period of <paramref name="workingDays"/> working days from <paramref name="start"/>. With
    /// <paramref name="countsFirstDay"/> the start counts when it is a working day; without it (Civil Code 2015 Art. 147(2)),
    /// counting begins on the day after the start.
    /// </summary>
    public DateOnly EndOfPeriod(DateOnly start, int workingDays, bool countsFirstDay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = countsFirstDay ? start : start.AddDays(1);
        var counted = 0;
        while (true)
        {
            if (IsWorkingDay(day) && ++counted == workingDays)
            {
                return day;
            }

            day = day.AddDays(1);
        }
    }
}
