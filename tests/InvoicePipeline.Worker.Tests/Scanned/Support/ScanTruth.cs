using InvoicePipeline.Scanning;

namespace InvoicePipeline.Worker.Tests.Scanned.Support;

/// <summary>The field values a generated scan was printed with: what a perfect reading returns.</summary>
public sealed record ScanTruth
{
    public required string Language { get; init; }
    public required int Layout { get; init; }
    public required string SupplierName { get; init; }
    public required string SupplierStreet { get; init; }
    public required string OrgNo { get; init; }
    public required string VatId { get; init; }
    public required string InvoiceNumber { get; init; }
    public required DateOnly IssueDate { get; init; }
    public required DateOnly DueDate { get; init; }
    public required string Currency { get; init; }
    public required decimal Net { get; init; }
    public required decimal VatRate { get; init; }
    public required decimal Vat { get; init; }
    public decimal Total => Net + Vat;
    public string? OcrReference { get; init; }
    public string? Bankgiro { get; init; }
    public string? Plusgiro { get; init; }
    public string? Iban { get; init; }
    public string? Bic { get; init; }
    public required string OrderReference { get; init; }
    public required string BuyerReference { get; init; }
    public required string Description { get; init; }

    /// <summary>Field → value in the normalised form <see cref="ScanCapture.Value"/> returns.</summary>
    public IReadOnlyDictionary<string, string> Expected()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ScanField.OrgNo] = Digits(OrgNo),
            [ScanField.VatId] = VatId,
            [ScanField.InvoiceNumber] = InvoiceNumber,
            [ScanField.IssueDate] = ScanFormats.FormatDate(IssueDate),
            [ScanField.DueDate] = ScanFormats.FormatDate(DueDate),
            [ScanField.Currency] = Currency,
            [ScanField.Net] = ScanFormats.FormatAmount(Net),
            [ScanField.Vat] = ScanFormats.FormatAmount(Vat),
            [ScanField.Total] = ScanFormats.FormatAmount(Total),
            [ScanField.OrderReference] = OrderReference,
            [ScanField.BuyerReference] = BuyerReference,
        };
        if (OcrReference is not null) d[ScanField.OcrReference] = OcrReference;
        if (Bankgiro is not null) d[ScanField.Bankgiro] = Digits(Bankgiro);
        if (Plusgiro is not null) d[ScanField.Plusgiro] = Digits(Plusgiro);
        if (Iban is not null) d[ScanField.Iban] = Iban.Replace(" ", "", StringComparison.Ordinal);
        return d;
    }

    private static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());
}
