using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Scanning;

/// <summary>
/// Builds the pipeline's invoice from a checked capture: one summary line carrying net and VAT, so matching,
/// coding and posting treat a scan like a one-line e-invoice.
/// </summary>
internal static class ScanInvoiceBuilder
{
    public static Invoice Build(ScanCapture capture, Supplier? supplier)
    {
        var net = Amount(capture, ScanField.Net);
        var vat = Amount(capture, ScanField.Vat);
        var total = capture.Value(ScanField.Total) is null ? net + vat : Amount(capture, ScanField.Total);
        decimal? rate = net != 0 ? Math.Round(vat * 100m / net, 0, MidpointRounding.AwayFromZero) : null;
        var orgNo = capture.Value(ScanField.OrgNo);
        var isCvr = orgNo is { Length: 8 };
        return new Invoice
        {
            Kind = DocumentKind.Scanned,
            Syntax = "Scan",
            Number = capture.Value(ScanField.InvoiceNumber) ?? "",
            IssueDate = ScanFormats.ParseIsoDate(capture.Value(ScanField.IssueDate)) ?? default,
            DueDate = ScanFormats.ParseIsoDate(capture.Value(ScanField.DueDate)),
            Currency = capture.Value(ScanField.Currency) ?? "SEK",
            BuyerReference = capture.Value(ScanField.BuyerReference),
            OrderReference = capture.Value(ScanField.OrderReference),
            Seller = new Party
            {
                Name = supplier?.Name,
                LegalId = orgNo is null ? null : new SchemedId(orgNo, isCvr ? "0184" : "0007"),
                VatId = capture.Value(ScanField.VatId) ?? supplier?.VatId,
                CountryCode = supplier?.Country ?? (isCvr ? "DK" : orgNo is null ? null : "SE"),
            },
            PaymentMeans = PaymentMeans(capture),
            Attachments = capture.Original is null ? [] : [capture.Original],
            VatBreakdown = [new VatBreakdown(vat == 0 ? "Z" : "S", rate, net, vat)],
            Totals = new MonetaryTotals
            {
                LineExtension = net,
                TaxExclusive = net,
                TaxTotal = vat,
                TaxInclusive = total,
                Payable = total,
            },
            Lines =
            [
                new InvoiceLine
                {
                    Id = "1",
                    Quantity = 1,
                    NetAmount = net,
                    UnitPrice = net,
                    ItemName = "Scanned invoice " + (capture.Value(ScanField.InvoiceNumber) ?? ""),
                    OrderLineReference = capture.Value(ScanField.OrderReference),
                    VatCategory = vat == 0 ? "Z" : "S",
                    VatRate = rate,
                },
            ],
        };
    }

    private static List<PaymentInstruction> PaymentMeans(ScanCapture capture)
    {
        var ocr = capture.Value(ScanField.OcrReference);
        var accounts = new List<PaymentAccount>();
        if (capture.Value(ScanField.Bankgiro) is { } bg) accounts.Add(new PaymentAccount(AccountKind.Bankgiro, bg));
        if (capture.Value(ScanField.Plusgiro) is { } pg) accounts.Add(new PaymentAccount(AccountKind.Plusgiro, pg));
        if (capture.Value(ScanField.Iban) is { } iban) accounts.Add(new PaymentAccount(AccountKind.Iban, iban));
        if (accounts.Count == 0)
            return ocr is null ? [] : [new PaymentInstruction("30", ocr, null)];
        return accounts.Select(a => new PaymentInstruction(a.Kind == AccountKind.Iban ? "58" : "30", ocr, a)).ToList();
    }

    private static decimal Amount(ScanCapture capture, string field) =>
        capture.Value(field) is { } v ? ScanFormats.ParseAmount(v) ?? 0 : 0;
}
