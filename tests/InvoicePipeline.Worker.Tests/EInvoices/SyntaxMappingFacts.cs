using System.Text;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Ingestion.EInvoices;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.EInvoices;

/// <summary>
/// The amounts and the sign of the syntaxes FEATURES.tsv does not cover, against the official samples read by hand:
/// Svefaktura 1.0 (UBL 1.0: InvoiceCurrencyCode, LegalTotal, TaxSubTotal) and OIOUBL 2.1.
/// </summary>
public sealed class SyntaxMappingFacts
{
    private static Invoice Read(string folder, string file, Func<string, string>? change = null)
    {
        var bytes = File.ReadAllBytes(SharedSamples.PathTo("samples", "einvoice", folder, file));
        if (change is not null) bytes = Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(bytes)));
        var result = EInvoiceReader.Read(bytes, file);
        return result.Invoice ?? throw new InvalidOperationException($"{file} not read: {result.Rejection}");
    }

    [Fact]
    public void Svefaktura_ReadsCurrencyTotalsVatAndDueDate()
    {
        var inv = Read("svefaktura-1.0", "svefaktura.xml");

        Assert.Equal("Svefaktura-1.0", inv.Syntax);
        Assert.Equal(("15", "SEK", new DateOnly(2003, 9, 11), (DateOnly?)new DateOnly(2003, 10, 11)), (inv.Number, inv.Currency, inv.IssueDate, inv.DueDate));
        Assert.Equal((6225m, 6225m, (decimal?)1556.25m, 7781.25m, 7781.25m),
            (inv.Totals.LineExtension, inv.Totals.TaxExclusive, inv.Totals.TaxTotal, inv.Totals.TaxInclusive, inv.Totals.Payable));
        var vat = Assert.Single(inv.VatBreakdown);
        Assert.Equal(("S", (decimal?)25m, 6225m, 1556.25m), (vat.Category, vat.Rate, vat.TaxableAmount, vat.TaxAmount));
        Assert.Equal([6000m, 225m], inv.Lines.Select(l => l.NetAmount));
        Assert.Equal("SE556562422301", inv.Seller.VatId);
        Assert.Equal(1, inv.Sign);
    }

    [Fact]
    public void Svefaktura_KeepsTheRoundOffApart_AndPaysTheStatedTotal()
    {
        var inv = Read("svefaktura-1.0", "svefaktura bas.xml");
        // TaxInclusiveTotalAmount 7781.50 includes RoundOffAmount 0.25: the model's BT-112 is without it, BT-115 with it.
        Assert.Equal((7781.25m, (decimal?)0.25m, 7781.50m), (inv.Totals.TaxInclusive, inv.Totals.PayableRounding, inv.Totals.Payable));
    }

    [Fact]
    public void Svefaktura_ReadsEveryTaxSubTotal_AndTheLinesTaxCategories()
    {
        var inv = Read("svefaktura-1.0", "svefaktura moms.xml");

        Assert.Equal(["S:12:150:18.00", "S:25:15000:3750.00"],
            inv.VatBreakdown.Select(v => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v.Category}:{v.Rate:0.##}:{v.TaxableAmount:0.##}:{v.TaxAmount:0.00}")).Order(StringComparer.Ordinal));
        Assert.Equal((15150m, (decimal?)3768m, 18918m), (inv.Totals.TaxExclusive, inv.Totals.TaxTotal, inv.Totals.Payable));
        Assert.Equal([("S", 25m), ("S", 12m)], inv.Lines.Select(l => (l.VatCategory, l.VatRate ?? 0m)));
    }

    [Fact]
    public void SvefakturaCreditNote_AnInvoiceWithTypeCode381_IsSignedMinusOne_WithItsPositiveAmounts()
    {
        var inv = Read("svefaktura-1.0", "svefaktura.xml", xml => xml.Replace("<InvoiceTypeCode>380</InvoiceTypeCode>", "<InvoiceTypeCode>381</InvoiceTypeCode>", StringComparison.Ordinal));

        Assert.Equal(DocumentKind.Invoice, inv.Kind);
        Assert.Equal(-1, inv.Sign);
        Assert.Equal(7781.25m, inv.Totals.Payable);
        Assert.Equal("SEK", inv.Currency);
    }

    [Fact]
    public void OioublCreditNote_IsSignedMinusOne_AndItsVatTotalIsNotTheNet()
    {
        var inv = Read("oioubl-2.1", "OIOUBL_CreditNote_v2p2.xml");

        Assert.Equal((DocumentKind.CreditNote, -1, "DKK"), (inv.Kind, inv.Sign, inv.Currency));
        // OIOUBL's TaxExclusiveAmount (1262.50) is the VAT total; the net is the line extension 5050.00.
        Assert.Equal((5050.00m, (decimal?)1262.50m, 6312.50m), (inv.Totals.TaxExclusive, inv.Totals.TaxTotal, inv.Totals.Payable));
    }

    [Fact]
    public void OioublInvoice_IsSignedPlusOne()
    {
        var inv = Read("oioubl-2.1", "OIOUBL_Invoice_v2p2.xml");
        Assert.Equal((DocumentKind.Invoice, 1), (inv.Kind, inv.Sign));
        Assert.Equal(inv.Totals.TaxExclusive + inv.Totals.TaxTotal, inv.Totals.TaxInclusive);
    }
}
