using InvoicePipeline.Invoices;
using InvoicePipeline.Scanning;

namespace InvoicePipeline.Worker.Ingestion.Scanned;

/// <summary>A scan read to the end: an invoice with its capture, or the reason it is an invalid document.</summary>
public sealed record ScannedInvoiceOutcome(ScanResult? Result, string? InvalidReason, int PageCount);

/// <summary>
/// What the chunk job calls per scan: read the pages, then capture the fields. The invoice names the original as an
/// attachment by its file name and size (content not loaded; the original is kept as the received document): read
/// from a path, <see cref="Attachment.ExternalUri"/> is that path; read from bytes, it has none, so no temporary path
/// ends up in a stored document.
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

    public async Task<ScannedInvoiceOutcome> ReadAsync(byte[] bytes, string fileName, SupplierLookup lookup, CancellationToken cancellationToken)
    {
        var pages = await documents.ReadAsync(bytes, fileName, cancellationToken);
        if (!pages.IsValid) return new ScannedInvoiceOutcome(null, pages.InvalidReason, pages.PageCount);
        var original = new Attachment(fileName, fileName, MimeOf(Path.GetExtension(fileName)), bytes.LongLength, null);
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
