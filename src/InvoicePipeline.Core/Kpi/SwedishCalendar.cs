namespace InvoicePipeline.Kpi;

/// <summary>
/// Swedish public holidays (lag 1989:253) plus the de-facto non-working eves (midsommarafton, julafton,
/// nyårsafton), and working days between dates. Weekends are never working days.
/// </summary>
public static class SwedishCalendar
{
    public static bool IsHoliday(DateOnly d)
    {
        var easter = EasterSunday(d.Year);
        return (d.Month, d.Day) is (1, 1) or (1, 6) or (5, 1) or (6, 6) or (12, 24) or (12, 25) or (12, 26) or (12, 31)
            || d == easter.AddDays(-2) || d == easter || d == easter.AddDays(1) || d == easter.AddDays(39) || d == easter.AddDays(49)
            || d == MidsummerEve(d.Year) || d == MidsummerEve(d.Year).AddDays(1) || d == AllSaintsDay(d.Year);
    }

    public static bool IsWorkingDay(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(d);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when the same day).</summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }

    /// <summary>Midsommarafton: the Friday between 19 and 25 June.</summary>
    public static DateOnly MidsummerEve(int year)
    {
        var d = new DateOnly(year, 6, 19);
        while (d.DayOfWeek != DayOfWeek.Friday) d = d.AddDays(1);
        return d;
    }

    /// <summary>Alla helgons dag: the Saturday between 31 October and 6 November.</summary>
    public static DateOnly AllSaintsDay(int year)
    {
        var d = new DateOnly(year, 10, 31);
        while (d.DayOfWeek != DayOfWeek.Saturday) d = d.AddDays(1);
        return d;
    }

    /// <summary>Easter Sunday (Gregorian, anonymous algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
