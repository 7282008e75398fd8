using InvoicePipeline.Invoices;
using InvoicePipeline.Validation;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// The outcome of reading one e-invoice file: either an invoice with its findings (warnings, and fatal rule
/// violations that reject it with RULE_VIOLATION), or a rejection (INVALID_DOCUMENT) when it could not be read at all.
/// </summary>
public sealed record ReadResult(Invoice? Invoice, IReadOnlyList<Finding> Findings, InvoiceIssue? Rejection)
{
    /// <summary>True when the invoice may go on to matching (no rejection, no fatal finding).</summary>
    public bool IsAccepted => Rejection is null && Invoice is not null;

    /// <summary>The status this read leads to: Rejected or Received.</summary>
    public InvoiceStatus Status => Rejection is null ? InvoiceStatus.Received : InvoiceStatus.Rejected;

    public static ReadResult Invalid(string fileName, string reason) =>
        new(null, [], new InvoiceIssue(ExceptionCode.InvalidDocument, $"{fileName}: {reason}"));
}
