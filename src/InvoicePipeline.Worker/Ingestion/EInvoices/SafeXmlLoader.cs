using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// Parses untrusted bytes into an XDocument with every door shut: no DTD (so no entities, internal or external,
/// and no billion laughs), no resolver (no file or network access), a character cap and a depth cap.
/// Failures come back as a reason with line and position, never as an exception.
/// </summary>
internal static class SafeXmlLoader
{
    public static (XDocument? Document, string? Error) Load(ReadOnlyMemory<byte> bytes, EInvoiceReaderOptions options)
    {
        if (bytes.Length == 0) return (null, "empty file");
        if (bytes.Length > options.MaxDocumentBytes)
            return (null, $"{bytes.Length} bytes exceeds the limit of {options.MaxDocumentBytes} bytes");
        if (!LooksLikeXml(bytes.Span)) return (null, "not XML (no '<' at the start of the document)");

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxDocumentBytes,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        };
        try
        {
            using var stream = new ReadOnlyMemoryStream(bytes);
            using var reader = new DepthLimitedReader(XmlReader.Create(stream, settings), options.MaxDepth);
            var document = XDocument.Load(reader, LoadOptions.None);
            return document.Root is null ? (null, "no root element") : (document, null);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"DTDs and entity declarations are not accepted (line {ex.LineNumber}, position {ex.LinePosition})");
        }
        catch (XmlException ex)
        {
            return (null, $"not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}");
        }
        catch (DepthExceededException ex)
        {
            return (null, ex.Message);
        }
        catch (DecoderFallbackException ex)
        {
            return (null, $"bytes do not match the declared encoding: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            // An unknown encoding name in the declaration surfaces here.
            return (null, $"unsupported or wrong encoding declaration: {ex.Message}");
        }
    }

    private static bool LooksLikeXml(ReadOnlySpan<byte> span)
    {
        // Skip a BOM (UTF-8, UTF-16 LE/BE) and leading whitespace; the first real character must be '<'.
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        else if (span.Length >= 2 && (span[0] == 0xFF && span[1] == 0xFE || span[0] == 0xFE && span[1] == 0xFF)) return true;
        foreach (var b in span)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)'<';
        }
        return false;
    }
}
