using InvoicePipeline.Kpi;

namespace InvoicePipeline.Tests.Kpi;

public sealed class SwedishCalendarFacts
{
    [Theory]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    public void EasterSunday_IsRight(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), SwedishCalendar.EasterSunday(year));

    [Theory]
    [InlineData("2026-04-03", true)]  // långfredagen
    [InlineData("2026-04-06", true)]  // annandag påsk
    [InlineData("2026-05-14", true)]  // Kristi himmelsfärds dag
    [InlineData("2026-06-19", true)]  // midsommarafton (Friday 19–25 June)
    [InlineData("2025-06-20", true)]
    [InlineData("2026-10-31", true)]  // alla helgons dag (Saturday 31 Oct–6 Nov)
    [InlineData("2026-12-24", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2026-06-06", true)]
    [InlineData("2026-04-07", false)]
    [InlineData("2026-06-18", false)]
    public void IsHoliday(string date, bool expected) => Assert.Equal(expected, SwedishCalendar.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void WorkingDaysBetween_SkipsWeekendsAndEaster()
    {
        // Thursday 2 April 2026 → Tuesday 7 April 2026: Friday (långfredagen), weekend and Monday (annandag påsk) are off.
        Assert.Equal(1, SwedishCalendar.WorkingDaysBetween(new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 7)));
        Assert.Equal(0, SwedishCalendar.WorkingDaysBetween(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2)));
        Assert.Equal(5, SwedishCalendar.WorkingDaysBetween(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9)));
    }
}
