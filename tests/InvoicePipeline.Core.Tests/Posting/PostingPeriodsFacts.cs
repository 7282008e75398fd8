using InvoicePipeline.Posting;

namespace InvoicePipeline.Tests.Posting;

public sealed class PostingPeriodsFacts
{
    [Fact]
    public void OpenDate_MovesAPostingDateInAClosedPeriod_ToTheFirstOpenDay()
    {
        DateOnly[] closed = [new(2026, 1, 31), new(2026, 2, 28)];
        Assert.Equal(new DateOnly(2026, 3, 1), PostingPeriods.OpenDate(new DateOnly(2026, 2, 27), closed));
        Assert.Equal(new DateOnly(2026, 3, 1), PostingPeriods.OpenDate(new DateOnly(2026, 1, 5), closed));
        Assert.Equal(new DateOnly(2026, 3, 2), PostingPeriods.OpenDate(new DateOnly(2026, 3, 2), closed));
        Assert.Equal(new DateOnly(2026, 2, 27), PostingPeriods.OpenDate(new DateOnly(2026, 2, 27), []));
    }

    [Fact]
    public void MonthEnd_IsTheLastDayOfTheMonth()
    {
        Assert.Equal(new DateOnly(2028, 2, 29), PostingPeriods.MonthEnd("2028-02"));
        Assert.Null(PostingPeriods.MonthEnd("2028-13"));
    }
}
