using InvoicePipeline.Coding;
using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;
using InvoicePipeline.Posting;

namespace InvoicePipeline.Tests.Posting;

public sealed class VoucherBuilderFacts
{
    private static readonly DateOnly PostingDate = new(2026, 3, 31);
    private static readonly PostingOptions Options = new();

    private static CodedLine Line(string id, decimal net, decimal rate, string account = "5410", string? cc = "100", string? project = null) =>
        new(id, net, rate == 0m ? "Z" : "S", rate, new Coding.Coding(account, cc, project), CodingSource.OrderLine);

    private static Invoice InvoiceFor(IReadOnlyList<CodedLine> lines, string currency = "SEK", bool creditNote = false, decimal? payableOverride = null, DateOnly? issue = null)
    {
        // Document VAT as EN 16931 states it: per rate, rounded once per rate. Credit notes state positive amounts.
        var sign = creditNote ? -1m : 1m;
        var breakdown = lines.GroupBy(l => l.VatRate)
            .Select(g => new VatBreakdown("S", g.Key, Money.Round(g.Sum(l => l.NetAmount) * sign), Money.Round(g.Sum(l => l.NetAmount) * sign * g.Key / 100m)))
            .ToList();
        var net = Money.Round(lines.Sum(l => l.NetAmount) * sign);
        var payable = net + breakdown.Sum(b => b.TaxAmount);
        return new Invoice
        {
            Kind = creditNote ? DocumentKind.CreditNote : DocumentKind.Invoice,
            Number = "F-1001",
            IssueDate = issue ?? new DateOnly(2026, 3, 14),
            Currency = currency,
            Seller = new Party { Name = "Leverantören AB" },
            VatBreakdown = breakdown,
            Totals = new MonetaryTotals { LineExtension = net, TaxExclusive = net, TaxInclusive = payable, Payable = payableOverride ?? payable },
        };
    }

    [Fact]
    public void ForInvoice_BalancesToTheOre_WhenManyLinesCarryMixedVatRates()
    {
        var random = new Random(20260314);
        decimal[] rates = [25m, 12m, 6m];
        var lines = Enumerable.Range(1, 400)
            .Select(i => Line(i.ToString(System.Globalization.CultureInfo.InvariantCulture), random.Next(1, 1_000_000) / 100m + 0.01m, rates[i % 3],
                account: i % 2 == 0 ? "5410" : "6110", cc: (100 + i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var invoice = InvoiceFor(lines);

        var voucher = VoucherBuilder.ForInvoice(invoice, "inv-1", lines, PostingDate, ExchangeRateTable.Empty, Options);

        Assert.Equal(0m, voucher.Lines.Sum(l => l.Amount));
        Assert.All(voucher.Lines, l => Assert.Equal(Money.Round(l.Amount), l.Amount));
        Assert.Equal(-invoice.Totals.Payable, voucher.Lines.Single(l => l.Account == "2440").Amount);
        Assert.Equal(3, voucher.Lines.Count(l => l.Account == "2641"));
        Assert.Equal(invoice.VatBreakdown.Sum(v => v.TaxAmount), voucher.Lines.Where(l => l.Account == "2641").Sum(l => l.Amount));
        Assert.Equal(lines.Select(l => l.Coding).Distinct().Count(), voucher.Lines.Count(l => l.Account is "5410" or "6110"));
        Assert.DoesNotContain(voucher.Lines, l => l.Account == "3740");
        Assert.Equal(PostingDate, voucher.Date);
        Assert.Equal("A", voucher.Series);
    }

    [Fact]
    public void ForInvoice_UsesVatAccountPerRate_WhenConfigured()
    {
        var lines = new[] { Line("1", 100m, 25m), Line("2", 200m, 12m) };
        var options = new PostingOptions { InputVatAccountsByRate = { [12m] = "2642" } };

        var voucher = VoucherBuilder.ForInvoice(InvoiceFor(lines), "inv-2", lines, PostingDate, ExchangeRateTable.Empty, options);

        Assert.Equal(25.00m, voucher.Lines.Single(l => l.Account == "2641").Amount);
        Assert.Equal(24.00m, voucher.Lines.Single(l => l.Account == "2642").Amount);
        Assert.Equal(-349.00m, voucher.Lines.Single(l => l.Account == "2440").Amount);
    }

    [Fact]
    public void ForInvoice_ReversesEveryLine_WhenTheDocumentIsACreditNote()
    {
        var lines = new[] { Line("1", 1234.56m, 25m, project: "P7"), Line("2", 99.99m, 6m, account: "6110") };
        var invoice = VoucherBuilder.ForInvoice(InvoiceFor(lines), "inv-3", lines, PostingDate, ExchangeRateTable.Empty, Options);
        var negated = lines.Select(l => l with { NetAmount = -l.NetAmount }).ToList();

        var credit = VoucherBuilder.ForInvoice(InvoiceFor(negated, creditNote: true), "cn-3", negated, PostingDate, ExchangeRateTable.Empty, Options);

        Assert.Equal(0m, credit.Lines.Sum(l => l.Amount));
        Assert.Equal(
            invoice.Lines.Select(l => (l.Account, l.CostCentre, l.Project, -l.Amount)).Order(),
            credit.Lines.Select(l => (l.Account, l.CostCentre, l.Project, l.Amount)).Order());
        Assert.True(credit.Lines.Single(l => l.Account == "2440").Amount > 0, "a credit note debits accounts payable");
    }

    [Fact]
    public void ForInvoice_ConvertsAtTheIssueDateRate_AndBooksTheRoundingDifference()
    {
        var lines = new[] { Line("1", 333.33m, 25m), Line("2", 333.33m, 25m, cc: "200"), Line("3", 333.34m, 12m, account: "6110") };
        var invoice = InvoiceFor(lines, currency: "EUR");
        var rates = new ExchangeRateTable(
        [
            new ExchangeRate { Date = new DateOnly(2026, 3, 13), Currency = "EUR", Rate = 10.98765m },
            new ExchangeRate { Date = new DateOnly(2026, 3, 16), Currency = "EUR", Rate = 12.00000m },
        ]);

        // 2026-03-14 is a Saturday: the Friday rate applies, never the later Monday rate.
        var voucher = VoucherBuilder.ForInvoice(invoice, "inv-4", lines, PostingDate, rates, Options);

        Assert.Equal(0m, voucher.Lines.Sum(l => l.Amount));
        Assert.Equal(-Money.Round(invoice.Totals.Payable * 10.98765m), voucher.Lines.Single(l => l.Account == "2440").Amount);
        Assert.Equal(Money.Round(333.33m * 10.98765m), voucher.Lines.Single(l => l.Account == "5410" && l.CostCentre == "100").Amount);
        var rounding = voucher.Lines.Single(l => l.Account == "3740").Amount;
        Assert.NotEqual(0m, rounding);
        Assert.True(Math.Abs(rounding) <= 0.03m, $"rounding difference {rounding} is at most half an öre per converted line");
    }

    [Fact]
    public void ForInvoice_Refuses_WhenTheCurrencyHasNoRateOnOrBeforeTheIssueDate()
    {
        var lines = new[] { Line("1", 100m, 25m) };
        var rates = new ExchangeRateTable([new ExchangeRate { Date = new DateOnly(2026, 3, 20), Currency = "EUR", Rate = 11m }]);

        var ex = Assert.Throws<PostingRefusedException>(() =>
            VoucherBuilder.ForInvoice(InvoiceFor(lines, currency: "EUR"), "inv-5", lines, PostingDate, rates, Options));

        Assert.Equal(ExceptionCode.MissingExchangeRate, ex.Code);
    }

    [Fact]
    public void ForInvoice_NeverProducesAnUnbalancedVoucher_WhenTheTotalDisagreesWithTheLines()
    {
        var lines = new[] { Line("1", 1000m, 25m) };
        var invoice = InvoiceFor(lines, payableOverride: 1300m);

        Assert.Throws<UnbalancedVoucherException>(() =>
            VoucherBuilder.ForInvoice(invoice, "inv-6", lines, PostingDate, ExchangeRateTable.Empty, Options));
    }

    [Fact]
    public void ForInvoice_BooksThePayableRounding_WhenTheSupplierRoundedToWholeKronor()
    {
        var lines = new[] { Line("1", 99.90m, 25m) };
        var invoice = InvoiceFor(lines, payableOverride: 125.00m); // 99.90 + 24.98 VAT = 124.88, rounded to 125 by the seller

        var voucher = VoucherBuilder.ForInvoice(invoice, "inv-7", lines, PostingDate, ExchangeRateTable.Empty, Options);

        Assert.Equal(-125.00m, voucher.Lines.Single(l => l.Account == "2440").Amount);
        Assert.Equal(0.12m, voucher.Lines.Single(l => l.Account == "3740").Amount);
    }
}
