namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>Limits that keep a hostile sender from exhausting memory or time. Defaults suit real Peppol traffic.</summary>
public sealed class EInvoiceReaderOptions
{
    /// <summary>Documents above this many bytes are rejected before parsing (Peppol AS4 caps messages near 100 MB).</summary>
    public long MaxDocumentBytes { get; init; } = 50 * 1024 * 1024;

    /// <summary>Element nesting deeper than this is hostile; UBL invoices nest about 10 deep.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Attachment content is kept in the model only up to this many decoded bytes; larger ones keep size only.</summary>
    public long MaxAttachmentBytesInMemory { get; init; } = 1024 * 1024;

    /// <summary>Run the UBL 2.1 XSD (opt-in: it costs several times the read; see docs/benchmarks.md).</summary>
    public bool ValidateSchema { get; init; }

    public static EInvoiceReaderOptions Default { get; } = new();
}
