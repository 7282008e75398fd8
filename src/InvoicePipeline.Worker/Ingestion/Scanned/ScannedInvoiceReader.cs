using InvoicePipeline.Scanning;

namespace InvoicePipeline.Worker.Ingestion.Scanned;

/// <summary>A scan read to the end: an invoice with its capture, or the reason it is an invalid document.</summary>
public sealed record ScannedInvoiceOutcome(ScanResult? Result, string? InvalidReason, int PageCount);

/// <summary>What the intake job calls per file in inbox/scanned: read the pages, then capture the fields.</summary>
public sealed class ScannedInvoiceReader(ScannedDocumentReader documents, ScanOptions? options = null)
{
    public async Task<ScannedInvoiceOutcome> ReadAsync(string path, SupplierLookup lookup, CancellationToken cancellationToken)
    {
        var pages = await documents.ReadAsync(path, cancellationToken);
        if (!pages.IsValid) return new ScannedInvoiceOutcome(null, pages.InvalidReason, pages.PageCount);
        return new ScannedInvoiceOutcome(ScanReader.Read(pages.Words, lookup, options, pages.Source), null, pages.PageCount);
    }
}
