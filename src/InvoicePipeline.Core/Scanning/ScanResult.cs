using InvoicePipeline.Invoices;

namespace InvoicePipeline.Scanning;

/// <summary>
/// A scan read into the pipeline's invoice model, with the per-field capture and the exceptions it raises
/// (<see cref="ExceptionCode.LowConfidence"/> naming the doubtful fields).
/// </summary>
public sealed record ScanResult(Invoice Invoice, ScanCapture Capture, IReadOnlyList<InvoiceIssue> Issues)
{
    public bool IsLowConfidence => Issues.Any(i => i.Code == ExceptionCode.LowConfidence);
}
