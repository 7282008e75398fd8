using InvoicePipeline.MasterData;
using InvoicePipeline.Posting;

namespace InvoicePipeline.Tests.Posting;

/// <summary>The one exchange-rate rule: the latest rate on or before the date, at most N days old.</summary>
public sealed class ExchangeRateTableFacts
{
    private static readonly ExchangeRate[] Rates =
    [
        new() { Date = new DateOnly(2026, 3, 13), Currency = "EUR", Rate = 11.10m }, // a Friday
        new() { Date = new DateOnly(2026, 3, 16), Currency = "EUR", Rate = 11.20m },
    ];

    [Fact]
    public void Find_TakesFridaysRate_ForASaturdayIssueDate()
    {
        var found = new ExchangeRateTable(Rates).Find("eur", new DateOnly(2026, 3, 14));
        Assert.Equal((11.10m, new DateOnly(2026, 3, 13)), found);
    }

    [Fact]
    public void Find_NeverTakesALaterRate() =>
        Assert.Null(new ExchangeRateTable(Rates).Find("EUR", new DateOnly(2026, 3, 12)));

    [Fact]
    public void Find_RefusesARateOlderThanTheLimit()
    {
        var table = new ExchangeRateTable(Rates, maxAgeDays: 3);
        Assert.Equal(11.20m, table.RateOn("EUR", new DateOnly(2026, 3, 19)));
        Assert.Null(table.RateOn("EUR", new DateOnly(2026, 3, 20)));
        Assert.Contains("within 3 day(s) before 2026-03-20", table.Missing("EUR", new DateOnly(2026, 3, 20)), StringComparison.Ordinal);
    }
}
