using System.Xml;

namespace InvoicePipeline.Worker.Ingestion;

/// <summary>
/// A cheap look at who sent an e-invoice (the first EndpointID, which in UBL is the seller's), used only to put all
/// of one seller's documents in the same chunk. Duplicates and order quantities are per supplier, so decisions then
/// come out the same whatever order the chunks run in, on one worker or many, first time or resumed.
/// </summary>
public static class SellerKey
{
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
        catch (XmlException)
        {
            // Broken documents are rejected later; any chunk will do.
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
