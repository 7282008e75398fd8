using InvoicePipeline.Invoices;
using InvoicePipeline.Scanning;

namespace InvoicePipeline.Worker.Ingestion.Scanned;

/// <summary>A scan read to the end: an invoice with its capture, or the reason it is an invalid document.</summary>
public sealed record ScannedInvoiceOutcome(ScanResult? Result, string? InvalidReason, int PageCount);

/// <summary>
/// What the intake job calls per file in inbox/scanned: read the pages, then capture the fields. The invoice names
/// the original file as an attachment (content not loaded: <see cref="Attachment.ExternalUri"/> is its path) so the
/// caller can archive it with the invoice.
/// </summary>
public sealed class ScannedInvoiceReader(ScannedDocumentReader documents, ScanOptions? options = null)
{
    public async Task<ScannedInvoiceOutcome> ReadAsync(string path, SupplierLookup lookup, CancellationToken cancellationToken)
    {
        var pages = await documents.ReadAsync(path, cancellationToken);
        if (!pages.IsValid) return new ScannedInvoiceOutcome(null, pages.InvalidReason, pages.PageCount);
        var file = new FileInfo(path);
        var original = new Attachment(file.Name, file.Name, MimeOf(file.Extension), file.Length, null, file.FullName);
        return new ScannedInvoiceOutcome(ScanReader.Read(pages.Words, lookup, options, pages.Source, original), null, pages.PageCount);
    }

    private static string MimeOf(string extension) => extension.ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".png" => "image/png",
        ".tif" or ".tiff" => "image/tiff",
        ".jpg" or ".jpeg" => "image/jpeg",
        _ => "application/octet-stream",
    };
}
