using InvoicePipeline.Organisations;
using InvoicePipeline.Scanning;
using InvoicePipeline.Worker.Ingestion;
using InvoicePipeline.Worker.Ingestion.EInvoices;
using InvoicePipeline.Worker.Ingestion.Scanned;
using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Processing;

/// <summary>One stored document of a chunk as read: the e-invoice reader's result, and for a scan what the OCR captured.</summary>
public sealed record ReadDocument(ReceivedDocument Document, ReadResult Result, ScanResult? Scan);

/// <summary>
/// Reads a chunk's e-invoices and scans from their stored bytes. OCR happens here, before the chunk's transaction
/// opens: a slow page never holds database locks.
/// </summary>
public static class ChunkDocuments
{
    /// <param name="lookupFor">The supplier register a scan is read against: its organisation's (by the scan's folder) or the centre's.</param>
    public static async Task<IReadOnlyList<ReadDocument>> ReadAsync(IReadOnlyList<ReceivedDocument> documents, ScannedInvoiceReader scans,
        Func<ReceivedDocument, SupplierLookup> lookupFor, long maxFileBytes, CancellationToken ct)
    {
        var readerOptions = new EInvoiceReaderOptions { MaxDocumentBytes = maxFileBytes };
        var read = new List<ReadDocument>(documents.Count);
        foreach (var d in documents)
        {
            try
            {
                read.Add(await ReadOneAsync(d, scans, lookupFor(d), readerOptions, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // One document's failure is that document's rejection: the chunk and the rest of the night go on.
                read.Add(new(d, ReadResult.Invalid(d.FileName, $"cannot be read ({e.GetType().Name}: {e.Message})"), null));
            }
        }
        return read;
    }

    private static async Task<ReadDocument> ReadOneAsync(ReceivedDocument d, ScannedInvoiceReader scans, SupplierLookup lookup,
        EInvoiceReaderOptions readerOptions, CancellationToken ct)
    {
        if (d.Content.Length == 0 && d.Size > 0)
            return new(d, ReadResult.Invalid(d.FileName, $"{d.Size} bytes is over the size limit of {readerOptions.MaxDocumentBytes} bytes"), null);
        if (d.Channel == DocumentChannel.Scanned) return await ReadScanAsync(d, scans, lookup, ct);
        return new(d, EInvoiceReader.Read(d.Content, d.FileName, readerOptions), null);
    }

    /// <summary>
    /// Arrival registration of a read document (organisations.md): an e-invoice by its buyer party, a scan by its folder or
    /// the buyer number printed on it. A document that could not be read belongs to the installation's one organisation
    /// if there is only that one, else to none.
    /// </summary>
    public static Registration Register(ReadDocument read, OrganisationDirectory organisations)
    {
        if (read.Result.Invoice is not { } invoice)
            return organisations.IsImplicitSingle ? new(organisations.All[0], "the installation's one organisation") : new(null, "the document could not be read");
        return read.Document.Channel == DocumentChannel.Scanned
            ? ArrivalRegistration.ForScan(Inbox.OrganisationFolder(read.Document.FileName), invoice.Buyer.LegalId?.Value ?? invoice.Buyer.VatId, invoice.BuyerReference, organisations)
            : ArrivalRegistration.ForInvoice(invoice.Buyer, invoice.BuyerReference, organisations);
    }

    private static async Task<ReadDocument> ReadScanAsync(ReceivedDocument doc, ScannedInvoiceReader scans, SupplierLookup lookup, CancellationToken ct)
    {
        var outcome = await scans.ReadAsync(doc.Content, doc.FileName, lookup, ct);
        return outcome.Result is null
            ? new(doc, ReadResult.Invalid(doc.FileName, outcome.InvalidReason ?? "unreadable scan"), null)
            : new(doc, new ReadResult(outcome.Result.Invoice, [], null), outcome.Result);
    }
}
