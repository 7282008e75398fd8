namespace InvoicePipeline.Worker.Posting;

/// <summary>What a posting did, with where its time went (read, build, write), for the log and the benchmark.</summary>
public sealed class PostingResult
{
    public int Posted { get; set; }
    public int Lines { get; set; }
    public int Refused { get; set; }
    public TimeSpan Read { get; set; }
    public TimeSpan Build { get; set; }
    public TimeSpan Write { get; set; }
    /// <summary>Of <see cref="Write"/>: the COPY of vouchers and lines (the rest takes the lock, reserves numbers and checks the invoices).</summary>
    public TimeSpan Copy { get; set; }
    /// <summary>Of <see cref="Write"/>: checking that the chunk's invoices are unchanged, under the lock that keeps them so.</summary>
    public TimeSpan Check { get; set; }
    /// <summary>Time the writer waited for the next chunk to be read (zero when reading keeps ahead).</summary>
    public TimeSpan Waited { get; set; }
}
