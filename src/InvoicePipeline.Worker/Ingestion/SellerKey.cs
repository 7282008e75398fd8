using System.Xml;

namespace InvoicePipeline.Worker.Ingestion;

/// <summary>
/// A cheap look at who sent an e-invoice (the first EndpointID, which in UBL is the seller's), used only to put all
/// of one seller's documents in the same chunk. Duplicates and order quantities are per supplier, so decisions then
/// come out the same whatever order the chunks run in, on one worker or many, first time or resumed.
/// </summary>
public static class SellerKey
{
    /// <summary>
    /// The key a stored document is chunked by: an e-invoice's seller; all scans together (their seller is known only
    /// after OCR, so two scans of one seller never race); all payroll files together, so that one chunk decides every
    /// payroll file of a run in turn and a file sent twice can never be accepted twice by two chunks at once.
    /// </summary>
    public static string For(DocumentChannel channel, byte[] content, string sha) => channel switch
    {
        DocumentChannel.EInvoices => Peek(content, sha),
        DocumentChannel.Scanned => "scanned",
        DocumentChannel.Payroll => "payroll",
        // Travel claims share one chunk too: an overlap between trips of two files is then always seen.
        DocumentChannel.Travel => "travel",
        _ => sha,
    };

    public static string Peek(byte[] content, string fallback)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = 10_000_000 };
            using var reader = XmlReader.Create(new MemoryStream(content), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "EndpointID" or "CompanyID")
                    return reader.ReadElementContentAsString().Trim();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Broken documents (whatever the reader throws) are rejected later by the chunk; any chunk will do.
        }
        return fallback;
    }

    /// <summary>A stable (FNV-1a) hash: the same seller lands in the same chunk in every process.</summary>
    public static int Chunk(string key, int chunkCount)
    {
        var h = 2166136261u;
        foreach (var c in key)
        {
            h ^= c;
            h *= 16777619u;
        }
        return (int)(h % (uint)Math.Max(1, chunkCount));
    }
}
