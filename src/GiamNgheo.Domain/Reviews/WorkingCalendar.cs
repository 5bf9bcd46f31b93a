namespace GiamNgheo.Domain.Reviews;

/// <summary>Working days: Monday–Friday except the public holidays given as data (the province can edit the list).</summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> holidays = [.. holidays];

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>
    /// The last day of a period of <paramref name="workingDays"/> working days starting on <paramref name="start"/>
    /// (the start counts when it is a working day).
    /// </summary>
    public DateOnly EndOfPeriod(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = start;
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
