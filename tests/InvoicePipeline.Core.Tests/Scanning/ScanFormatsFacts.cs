using InvoicePipeline.Scanning;

namespace InvoicePipeline.Tests.Scanning;

public sealed class ScanFormatsFacts
{
    [Theory]
    [InlineData("12 345,67", "12345.67")]
    [InlineData("SEK 12 345,67", "12345.67")]
    [InlineData("12.345,67", "12345.67")]
    [InlineData("12,345.67", "12345.67")]
    [InlineData("345,67 kr", "345.67")]
    [InlineData("Moms 25%: 2 500,00", "2500.00")]
    [InlineData("42:121,66", "42121.66")]
    [InlineData("1 234 567,89", "1234567.89")]
    public void LastAmount_ReadsTheLocalesFormats(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ScanFormats.LastAmount(text));

    [Theory]
    [InlineData("25%")]
    [InlineData("1250")]
    [InlineData("")]
    public void LastAmount_ReturnsNull_WhenThereIsNoAmountWithTwoDecimals(string text) =>
        Assert.Null(ScanFormats.LastAmount(text));

    [Theory]
    [InlineData("2026-11-22", 2026, 11, 22)]
    [InlineData("22-11-2026", 2026, 11, 22)]
    [InlineData("22.11.2026", 2026, 11, 22)]
    [InlineData("22 Nov 2026", 2026, 11, 22)]
    [InlineData("22. november 2026", 2026, 11, 22)]
    [InlineData("5 okt 2026", 2026, 10, 5)]
    [InlineData("2026:09-20", 2026, 9, 20)]
    public void FirstDate_ReadsTheLocalesFormats(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), ScanFormats.FirstDate(text));

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("31-02-2026")]
    [InlineData("no date")]
    public void FirstDate_ReturnsNull_ForImpossibleDates(string text) => Assert.Null(ScanFormats.FirstDate(text));
}
