using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Persistence;

/// <summary>
/// A response told to a supplier (Peppol BIS Invoice Response 3 or OIOUBL ApplicationResponse): one per invoice and
/// event, never two (unique key invoice + event). The XML is stored in the transaction that decides it and written to
/// the outbox after commit; a lost write is written again, byte for byte. A response that cannot be sent (no electronic
/// address, a status the sender's format cannot say) is kept too, with why, so it is shown and not tried every night.
/// </summary>
public sealed class SentResponse
{
    public long Id { get; set; }
    public long InvoiceId { get; set; }
    /// <summary>received, under-query, rejected, accepted, paid.</summary>
    public string EventKey { get; set; } = "";
    /// <summary>The UNCL4343 code sent: AB, UQ, RE, AP, PD.</summary>
    public string Status { get; set; } = "";
    /// <summary>peppol-invoice-response-3, oioubl-2.1-applicationresponse, or none (not sent: see <see cref="Note"/>).</summary>
    public string Format { get; set; } = "";
    public string Organisation { get; set; } = "";
    /// <summary>The response's cbc:ID.</summary>
    public string ResponseId { get; set; } = "";
    /// <summary>Path of the file under the outbox (organisation/ResponseId.xml); null when nothing was sent.</summary>
    public string? FileName { get; set; }
    /// <summary>The clarifications as sent (reason and action codes with their texts), for the invoice page.</summary>
    public string? Summary { get; set; }
    public string? Note { get; set; }
    public string Xml { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? WrittenAt { get; set; }
}

/// <summary>A bank return file read from &lt;inbox&gt;/bank/: read once (by SHA-256), with what it did and what matched nothing.</summary>
public sealed class BankReturnFile
{
    public long Id { get; set; }
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    /// <summary>pain.002 or camt.054; empty when the file could not be read.</summary>
    public string Kind { get; set; } = "";
    public string? MessageId { get; set; }
    public DateTimeOffset ReadAt { get; set; }
    /// <summary>The run that read it (null when read by the job on its own).</summary>
    public string? RunId { get; set; }
    public int Confirmed { get; set; }
    public int Rejected { get; set; }
    public int Accepted { get; set; }
    /// <summary>Statements that matched no payment, or contradicted one, one per line: reported, never ignored.</summary>
    public string Unmatched { get; set; } = "";
    public int UnmatchedCount { get; set; }
    /// <summary>Why the file could not be read (file, line, what), or null.</summary>
    public string? Error { get; set; }
}

internal static class OutsideModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<SentResponse>(e =>
        {
            e.ToTable("supplier_responses");
            e.HasIndex(x => new { x.InvoiceId, x.EventKey }).IsUnique();
            e.HasIndex(x => x.WrittenAt);
            e.Property(x => x.EventKey).HasMaxLength(40);
            e.Property(x => x.Status).HasMaxLength(4);
            e.Property(x => x.Format).HasMaxLength(60);
            e.Property(x => x.Organisation).HasMaxLength(100);
            e.Property(x => x.ResponseId).HasMaxLength(200);
            e.Property(x => x.FileName).HasMaxLength(1000);
            e.Property(x => x.Summary).HasMaxLength(4000);
            e.Property(x => x.Note).HasMaxLength(1000);
        });
        b.Entity<BankReturnFile>(e =>
        {
            e.ToTable("bank_return_files");
            e.HasIndex(x => x.Sha256).IsUnique();
            e.HasIndex(x => x.RunId);
            e.Property(x => x.FileName).HasMaxLength(1000);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Error).HasMaxLength(4000);
        });
    }
}
