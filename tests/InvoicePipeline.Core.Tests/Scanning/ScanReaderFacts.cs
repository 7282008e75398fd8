using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;
using InvoicePipeline.Scanning;
using InvoicePipeline.Tests.Scanning.Support;

namespace InvoicePipeline.Tests.Scanning;

public sealed class ScanReaderFacts
{
    private static ScanResult Read(PageBuilder page, SupplierLookup? lookup = null) =>
        ScanReader.Read(page.Words, lookup ?? SupplierLookups.None);

    [Fact]
    public void Read_CapturesEveryField_AndBuildsAScannedInvoice()
    {
        var result = Read(PageBuilder.SwedishInvoice());

        Assert.Empty(result.Issues);
        var c = result.Capture;
        Assert.Equal("F10234", c.Value(ScanField.InvoiceNumber));
        Assert.Equal("2026-11-02", c.Value(ScanField.IssueDate));
        Assert.Equal("2026-12-02", c.Value(ScanField.DueDate));
        Assert.Equal("Anna Berg", c.Value(ScanField.BuyerReference));
        Assert.Equal("PO-45001", c.Value(ScanField.OrderReference));
        Assert.Equal("10000.00", c.Value(ScanField.Net));
        Assert.Equal("2500.00", c.Value(ScanField.Vat));
        Assert.Equal("12500.00", c.Value(ScanField.Total));
        Assert.Equal("50501055", c.Value(ScanField.Bankgiro));
        Assert.Equal("1234567897", c.Value(ScanField.OcrReference));
        Assert.Equal("5560360793", c.Value(ScanField.OrgNo));
        Assert.All(c.Fields.Values, f => Assert.InRange(f.Confidence, c.Threshold, 1.0));

        var invoice = result.Invoice;
        Assert.Equal(DocumentKind.Scanned, invoice.Kind);
        Assert.Equal("Scan", invoice.Syntax);
        Assert.Equal(new DateOnly(2026, 11, 2), invoice.IssueDate);
        var line = Assert.Single(invoice.Lines);
        Assert.Equal(10000m, line.NetAmount);
        Assert.Equal(25m, line.VatRate);
        Assert.Equal(2500m, invoice.Totals.TaxTotal);
        Assert.Equal(12500m, invoice.Totals.Payable);
        Assert.Equal("1234567897", invoice.PaymentReference);
        Assert.Equal(new PaymentAccount(AccountKind.Bankgiro, "50501055"), Assert.Single(invoice.PayeeAccounts));
        Assert.Equal("5560360793", invoice.Seller.LegalId?.Value);
    }

    [Fact]
    public void Read_RaisesLowConfidence_OnAllAmounts_WhenNetPlusVatIsNotTotal()
    {
        var result = Read(PageBuilder.SwedishInvoice(l => l == "Att betala" ? "SEK 12 800,00" : null));

        Assert.True(result.IsLowConfidence);
        Assert.Equal([ScanField.Net, ScanField.Vat, ScanField.Total], result.Capture.Doubtful);
        Assert.Contains("Net", result.Issues[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DoubtsVat_WhenTheRateIsNotPlausible()
    {
        var result = Read(PageBuilder.SwedishInvoice(l => l switch
        {
            "Moms 25%" => "2 300,00",
            "Att betala" => "SEK 12 300,00",
            _ => null,
        }));

        Assert.Equal([ScanField.Vat], result.Capture.Doubtful);
    }

    [Theory]
    [InlineData("Bankgiro:", "5050-1056", ScanField.Bankgiro)]
    [InlineData("OCR:", "1234567890", ScanField.OcrReference)]
    [InlineData("Org.nr:", "556036-0794", ScanField.OrgNo)]
    public void Read_DoubtsAField_WhenItsCheckDigitFails(string label, string value, string field)
    {
        var result = Read(PageBuilder.SwedishInvoice(l => l == label ? value : null));

        Assert.Equal([field], result.Capture.Doubtful);
        Assert.Contains("check digit", result.Capture.Fields[field].Doubt, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DoubtsBothDates_WhenDueDateIsBeforeInvoiceDate()
    {
        var result = Read(PageBuilder.SwedishInvoice(l => l == "Förfallodatum:" ? "2026-10-02" : null));

        Assert.Equal([ScanField.IssueDate, ScanField.DueDate], result.Capture.Doubtful);
    }

    [Fact]
    public void Read_DoubtsAFieldReadWithLowConfidence_EvenWithoutACheck()
    {
        var page = PageBuilder.SwedishInvoice(l => l == "Ordernummer:" ? "" : null).Row(700, "Ordernummer:", "PO-45001", confidence: 0.41);

        var result = Read(page);

        Assert.Equal([ScanField.OrderReference], result.Capture.Doubtful);
        Assert.Equal(0.41, result.Capture.Fields[ScanField.OrderReference].Confidence, 3);
    }

    [Fact]
    public void Read_DoubtsRequiredFields_ThatAreNotFound()
    {
        var result = Read(PageBuilder.SwedishInvoice(l => l is "Fakturanummer:" or "OCR:" ? "" : null));

        Assert.Equal([ScanField.InvoiceNumber, ScanField.OcrReference], result.Capture.Doubtful);
    }

    [Fact]
    public void Read_TakesTheValueBelowALabel_WhenNothingFollowsIt()
    {
        var page = PageBuilder.SwedishInvoice(l => l is "Fakturanummer:" or "Er referens:" ? "" : null)
            .Text(60, 600, "Fakturanummer").Text(300, 600, "Er referens")
            .Text(60, 625, "F99881").Text(300, 625, "KS4411");

        var result = Read(page);

        Assert.Equal("F99881", result.Capture.Value(ScanField.InvoiceNumber));
        Assert.Equal("KS4411", result.Capture.Value(ScanField.BuyerReference));
    }

    [Fact]
    public void Read_StopsAValueAtTheNextLabelOnItsRow()
    {
        var page = PageBuilder.SwedishInvoice(l => l is "Bankgiro:" or "OCR:" ? "" : null)
            .Text(60, 700, "Bankgiro: 5050-1055 OCR: 1234567897");

        var result = Read(page);

        Assert.Equal("50501055", result.Capture.Value(ScanField.Bankgiro));
        Assert.Equal("1234567897", result.Capture.Value(ScanField.OcrReference));
    }

    [Fact]
    public void Read_FindsALabelMisreadByOneLetter()
    {
        var page = PageBuilder.SwedishInvoice(l => l == "Förfallodatum:" ? "" : null).Row(700, "Férfallodatum:", "2026-12-02");

        Assert.Equal("2026-12-02", Read(page).Capture.Value(ScanField.DueDate));
    }

    [Fact]
    public void Read_CapturesADanishInvoice()
    {
        var page = new PageBuilder()
            .Row(100, "Fakturanr.:", "88123").Row(130, "Fakturadato:", "03-11-2026").Row(160, "Forfaldsdato:", "17.11.2026")
            .Row(190, "Deres reference:", "Mette Dahl").Row(220, "Beløb ekskl. moms", "1.000,00").Row(250, "Moms 25%", "250,00")
            .Row(280, "I alt", "DKK 1.250,00").Row(310, "IBAN:", "DK50 0040 0440 1162 43").Row(340, "CVR-nr.:", "13585628");

        var result = Read(page);

        Assert.Equal("88123", result.Capture.Value(ScanField.InvoiceNumber));
        Assert.Equal("2026-11-17", result.Capture.Value(ScanField.DueDate));
        Assert.Equal("1250.00", result.Capture.Value(ScanField.Total));
        Assert.Equal("DKK", result.Capture.Value(ScanField.Currency));
        Assert.Equal("DK5000400440116243", result.Capture.Value(ScanField.Iban));
        Assert.Equal("13585628", result.Capture.Value(ScanField.OrgNo));
        Assert.Empty(result.Capture.Doubtful);
        Assert.Equal("0184", result.Invoice.Seller.LegalId?.Scheme);
    }

    [Fact]
    public void Read_DoubtsAnIban_WhenMod97Fails()
    {
        var page = new PageBuilder()
            .Row(100, "Invoice no:", "A-1").Row(130, "Invoice date:", "03 Nov 2026").Row(160, "Currency:", "EUR")
            .Row(190, "Subtotal", "100.00").Row(220, "VAT 25%", "25.00").Row(250, "Total due", "125.00")
            .Row(280, "IBAN:", "DK50 0040 0440 1162 44");

        Assert.Equal([ScanField.Iban], Read(page).Capture.Doubtful);
    }

    [Fact]
    public void Read_LooksTheSupplierUp_AndDoubtsABankgiroTheRegisterDoesNotHave()
    {
        var supplier = new Supplier { SupplierId = "S1", Name = "Leverantören AB", OrgNo = "556036-0793", Bankgiro = "5050-1055", Country = "SE" };
        var lookup = SupplierLookups.Over([supplier]);

        var known = Read(PageBuilder.SwedishInvoice(), lookup);
        var changed = Read(PageBuilder.SwedishInvoice(l => l == "Bankgiro:" ? "5050-1006" : null), lookup);

        Assert.Equal("S1", known.Capture.SupplierId);
        Assert.Equal("Leverantören AB", known.Invoice.Seller.Name);
        Assert.Equal(1.0, known.Capture.Fields[ScanField.Bankgiro].Confidence);
        Assert.Equal([ScanField.Bankgiro], changed.Capture.Doubtful);
        Assert.Contains("registered", changed.Capture.Fields[ScanField.Bankgiro].Doubt, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TakesTheCurrencyFromTheRegister_WhenTheScanHasNone()
    {
        var supplier = new Supplier { SupplierId = "S1", OrgNo = "5560360793", Country = "SE" };
        var result = Read(PageBuilder.SwedishInvoice(l => l is "Valuta:" ? "" : l == "Att betala" ? "12 500,00" : null), SupplierLookups.Over([supplier]));

        Assert.Equal(FieldSource.Register, result.Capture.Fields[ScanField.Currency].Source);
        Assert.Equal("SEK", result.Invoice.Currency);
    }
}
