namespace InvoicePipeline.Worker.Persistence;

/// <summary>A file as received: original bytes and SHA-256, kept unchanged. The hash makes intake idempotent.</summary>
public sealed class ReceivedDocument
{
    public long Id { get; set; }
    public string Sha256 { get; set; } = "";
    public string FileName { get; set; } = "";
    /// <summary>The inbox folder it came from, stored as its name (einvoices, scanned, payroll).</summary>
    public Ingestion.DocumentChannel Channel { get; set; }
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTimeOffset ReceivedAt { get; set; }
    public string RunId { get; set; } = "";
    public int ChunkNo { get; set; }
    /// <summary>The organisation subfolder it arrived in (scanned/&lt;id&gt;/, payroll/&lt;id&gt;/), or null.</summary>
    public string? Folder { get; set; }
    /// <summary>True once the document was turned into an invoice (or rejected): a resumed chunk skips it.</summary>
    public bool Processed { get; set; }
}
