namespace InvoicePipeline.Scanning;

/// <summary>Tuning of field capture.</summary>
public sealed record ScanOptions
{
    /// <summary>
    /// A field below this confidence (0..1) goes to a person. 0.70 from the accuracy run (docs/benchmarks-ocr.md):
    /// at 0.80 half the scans went to review for correctly read references; money fields rely on their checks anyway.
    /// </summary>
    public double Threshold { get; init; } = 0.70;
    /// <summary>Largest plausible gap between invoice and due date.</summary>
    public int MaxPaymentDays { get; init; } = 120;
    /// <summary>VAT rates (percent) that are plausible on Swedish and Danish invoices.</summary>
    public IReadOnlyList<decimal> VatRates { get; init; } = [25m, 12m, 6m, 0m];

    public static ScanOptions Default { get; } = new();
}
