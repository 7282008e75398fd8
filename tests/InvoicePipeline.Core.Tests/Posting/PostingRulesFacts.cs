using System.Globalization;
using InvoicePipeline.Coding;
using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;
using InvoicePipeline.Posting;

namespace InvoicePipeline.Tests.Posting;

/// <summary>The exact voucher (account, debit/credit, amount) per document kind and VAT category (docs/posting.md).</summary>
public sealed class PostingRulesFacts
{
    private static readonly DateOnly PostingDate = new(2026, 3, 31);
    private static readonly PostingOptions Options = new();

    private static CodedLine Coded(string id, decimal net, string category, decimal rate, string account = "5410", string cc = "100", bool deductible = true) =>
        new(id, net, category, rate, new Coding.Coding(account, cc, null), CodingSource.OrderLine, deductible);

    /// <summary>The coded lines as the poster hands them over: stored (stated) amounts times the document's sign.</summary>
    private static List<CodedLine> Signed(Invoice invoice, params CodedLine[] stated) =>
        [.. stated.Select(l => l with { NetAmount = DocumentSign.Signed(l.NetAmount, invoice.Sign) })];

    private static Invoice Document(decimal taxable, decimal vat, decimal payable, string category = "S", decimal rate = 25m,
        DocumentKind kind = DocumentKind.Invoice, string? typeCode = "380", string currency = "SEK", decimal? prepaid = null, string syntax = "UBL-2.1") => new()
    {
        Kind = kind, TypeCode = typeCode, Syntax = syntax, Number = "F-17", IssueDate = new DateOnly(2026, 3, 13), Currency = currency,
        Seller = new Party { Name = "Leverantören AB" },
        VatBreakdown = [new VatBreakdown(category, rate, taxable, vat)],
        Totals = new MonetaryTotals { LineExtension = taxable, TaxExclusive = taxable, TaxTotal = vat, TaxInclusive = taxable + vat, Prepaid = prepaid, Payable = payable },
    };

    /// <summary>"account debit|credit amount" per voucher line, in voucher order.</summary>
    private static string[] Lines(Voucher v) =>
        [.. v.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Account} {(l.Amount > 0 ? "D" : "C")} {Math.Abs(l.Amount):0.00}"))];

    private static Voucher Post(Invoice invoice, IReadOnlyList<CodedLine> lines, PostingOptions? options = null, ExchangeRateTable? rates = null) =>
        VoucherBuilder.ForInvoice(invoice, "invoice 1", lines, PostingDate, rates ?? ExchangeRateTable.Empty, options ?? Options);

    [Fact]
    public void Invoice_DebitsCostAndInputVat_CreditsPayables()
    {
        var invoice = Document(1000m, 250m, 1250m);
        Assert.Equal(["5410 D 1000.00", "2641 D 250.00", "2440 C 1250.00"], Lines(Post(invoice, Signed(invoice, Coded("1", 1000m, "S", 25m)))));
    }

    [Fact]
    public void CreditNote_ReversesTheInvoice()
    {
        var credit = Document(1000m, 250m, 1250m, kind: DocumentKind.CreditNote, typeCode: "381");
        Assert.Equal(["5410 C 1000.00", "2641 C 250.00", "2440 D 1250.00"], Lines(Post(credit, Signed(credit, Coded("1", 1000m, "S", 25m)))));
    }

    [Fact]
    public void SvefakturaCreditNote_AnInvoiceRootWithTypeCode381AndPositiveAmounts_IsBookedAsACredit()
    {
        var credit = Document(1000m, 250m, 1250m, kind: DocumentKind.Invoice, typeCode: "381", syntax: "Svefaktura-1.0");

        Assert.Equal(-1, credit.Sign);
        Assert.Equal(["5410 C 1000.00", "2641 C 250.00", "2440 D 1250.00"], Lines(Post(credit, Signed(credit, Coded("1", 1000m, "S", 25m)))));
    }

    [Fact]
    public void NegativeInvoice_IsBookedAsStated()
    {
        var negative = Document(-1000m, -250m, -1250m);

        Assert.Equal(1, negative.Sign);
        Assert.Equal(["5410 C 1000.00", "2641 C 250.00", "2440 D 1250.00"], Lines(Post(negative, Signed(negative, Coded("1", -1000m, "S", 25m)))));
    }

    [Fact]
    public void ChargeAndAllowance_AreCodedLines_AndTheVoucherBalancesWithoutRounding()
    {
        // 1000 of goods, freight charged 100 (coded to 5710 by its reason code), a 50 discount on the goods' account.
        var invoice = Document(1050m, 262.50m, 1312.50m);
        var lines = Signed(invoice,
            Coded("1", 1000m, "S", 25m),
            Coded("charge 1", LineCoder.ChargeNet(new AllowanceCharge(true, 100m, null, null, "FC", "Frakt", "S", 25m)), "S", 25m, account: "5710"),
            Coded("allowance 1", LineCoder.ChargeNet(new AllowanceCharge(false, 50m, null, null, "95", "Rabatt", "S", 25m)), "S", 25m));

        Assert.Equal(["5410 D 950.00", "5710 D 100.00", "2641 D 262.50", "2440 C 1312.50"], Lines(Post(invoice, lines)));
    }

    [Fact]
    public void Prepaid_IsCreditedToThePrepaymentAccount_AndThePayableIsTheAmountDue()
    {
        var invoice = Document(1000m, 250m, 1000m, prepaid: 250m);
        Assert.Equal(["5410 D 1000.00", "2641 D 250.00", "1480 C 250.00", "2440 C 1000.00"], Lines(Post(invoice, Signed(invoice, Coded("1", 1000m, "S", 25m)))));
    }

    [Fact]
    public void FullyPrepaid_CreditsOnlyThePrepaymentAccount()
    {
        var invoice = Document(1000m, 250m, 0m, prepaid: 1250m);
        Assert.Equal(["5410 D 1000.00", "2641 D 250.00", "1480 C 1250.00"], Lines(Post(invoice, Signed(invoice, Coded("1", 1000m, "S", 25m)))));
    }

    [Fact]
    public void DomesticReverseCharge_SelfAssessesInputAndOutputVat()
    {
        // Construction services, "omvänd betalningsskyldighet": the builder invoices AE at 0 %, the buyer accounts for 25 %.
        var invoice = Document(10000m, 0m, 10000m, category: "AE", rate: 0m);
        Assert.Equal(["4425 D 10000.00", "2645 D 2500.00", "2614 C 2500.00", "2440 C 10000.00"],
            Lines(Post(invoice, Signed(invoice, Coded("1", 10000m, "AE", 0m, account: "4425")))));
    }

    [Fact]
    public void EuServicesInEur_SelfAssessVatOnTheConvertedNet_OnTheConfiguredAccounts()
    {
        var invoice = Document(1000m, 0m, 1000m, category: "AE", rate: 0m, currency: "EUR");
        var rates = new ExchangeRateTable([new ExchangeRate { Date = new DateOnly(2026, 3, 12), Currency = "EUR", Rate = 11.5m }]);
        var options = new PostingOptions { VatInReverseAccount = "2645", VatOutReverseAccount = "2614" };

        Assert.Equal(["4535 D 11500.00", "2645 D 2875.00", "2614 C 2875.00", "2440 C 11500.00"],
            Lines(Post(invoice, Signed(invoice, Coded("1", 1000m, "AE", 0m, account: "4535")), options, rates)));
    }

    [Fact]
    public void IntraEuGoodsCreditNote_ReversesTheSelfAssessedVat()
    {
        var credit = Document(400m, 0m, 400m, category: "K", rate: 0m, kind: DocumentKind.CreditNote, typeCode: "381");
        Assert.Equal(["4515 C 400.00", "2645 C 100.00", "2614 D 100.00", "2440 D 400.00"],
            Lines(Post(credit, Signed(credit, Coded("1", 400m, "K", 0m, account: "4515")))));
    }

    [Fact]
    public void NonDeductibleVat_IsCostOnTheLinesAccount()
    {
        // Representation at a state agency: 1000 + 250 VAT, no VAT back; the office supplies beside it keep their deduction.
        var invoice = Document(1400m, 350m, 1750m);
        var lines = Signed(invoice, Coded("1", 1000m, "S", 25m, account: "6072", deductible: false), Coded("2", 400m, "S", 25m, account: "6110"));

        Assert.Equal(["6072 D 1250.00", "6110 D 400.00", "2641 D 100.00", "2440 C 1750.00"], Lines(Post(invoice, lines)));
    }

    [Fact]
    public void NonDeductibleReverseCharge_OwesTheOutputVat_AndTheInputVatIsCost()
    {
        var invoice = Document(1000m, 0m, 1000m, category: "AE", rate: 0m);
        Assert.Equal(["6072 D 1250.00", "2614 C 250.00", "2440 C 1000.00"],
            Lines(Post(invoice, Signed(invoice, Coded("1", 1000m, "AE", 0m, account: "6072", deductible: false)))));
    }

    [Fact]
    public void RealRounding_StillGoesToTheRoundingAccount()
    {
        var invoice = Document(99.90m, 24.98m, 125.00m) is var d ? new Invoice
        {
            Kind = d.Kind, TypeCode = d.TypeCode, Number = d.Number, IssueDate = d.IssueDate, Currency = d.Currency, VatBreakdown = d.VatBreakdown,
            Totals = new MonetaryTotals { TaxExclusive = 99.90m, TaxTotal = 24.98m, TaxInclusive = 124.88m, PayableRounding = 0.12m, Payable = 125.00m },
        } : null!;
        Assert.Equal(["5410 D 99.90", "2641 D 24.98", "2440 C 125.00", "3740 D 0.12"], Lines(Post(invoice, Signed(invoice, Coded("1", 99.90m, "S", 25m)))));
    }
}
