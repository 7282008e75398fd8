using InvoicePipeline.Posting;

namespace InvoicePipeline.Tests.Posting;

public sealed class VoucherNumberingFacts
{
    [Theory]
    [InlineData(2026, 6, 30, 7, 2025)]
    [InlineData(2026, 7, 1, 7, 2026)]
    [InlineData(2027, 6, 30, 7, 2026)]
    [InlineData(2026, 1, 1, 1, 2026)]
    [InlineData(2026, 12, 31, 1, 2026)]
    public void FiscalYearOf_NamesTheYearTheFiscalYearStartsIn(int y, int m, int d, int startMonth, int expected) =>
        Assert.Equal(expected, VoucherNumbering.FiscalYearOf(new DateOnly(y, m, d), startMonth));

    [Fact]
    public void FiscalYearStartingInJuly_RunsFromJulyToJune()
    {
        var year = FiscalYear.Of(new DateOnly(2027, 2, 14), 7);
        Assert.Equal(new DateOnly(2026, 7, 1), year.Start);
        Assert.Equal(new DateOnly(2027, 6, 30), year.End);
        Assert.Equal(new DateOnly(2025, 7, 1), year.Previous.Start);
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30)), VoucherNumbering.FiscalYearBounds(2026, 7));
    }

    [Fact]
    public void OfPeriod_RefusesAnExportSpanningTwoFiscalYears_WithTheReason()
    {
        var (year, refusal) = FiscalYear.OfPeriod(new DateOnly(2027, 6, 1), new DateOnly(2027, 7, 31), 7);
        Assert.Null(year);
        Assert.Contains("spans two fiscal years", refusal, StringComparison.Ordinal);
        Assert.Equal(2026, FiscalYear.OfPeriod(new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30), 7).Year?.Year);
        // The calendar year spans two July fiscal years.
        Assert.Null(FiscalYear.OfPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 7).Year);
    }

    [Fact]
    public void Take_HandsOutTheNextNumbersInOrder()
    {
        Assert.Equal((42, 49), VoucherNumbering.Take(42, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => VoucherNumbering.Take(0, 1));
    }

    [Fact]
    public void Gaps_ListsTheMissingNumbers() =>
        Assert.Equal([3, 5], VoucherNumbering.Gaps([1, 2, 4, 6]));
}
