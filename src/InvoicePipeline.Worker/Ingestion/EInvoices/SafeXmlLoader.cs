using System.Buffers;
using System.Text;
using System.Xml;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// Parses untrusted bytes into a <see cref="UblElement"/> tree, in one pass of an XmlReader, with every door shut: no DTD (so no entities, internal or external,
/// and no billion laughs), no resolver (no file or network access), a character cap and a depth cap.
/// Failures come back as a reason with line and position, never as an exception.
/// </summary>
internal sealed class DepthExceededException(string message) : Exception(message);

internal static class SafeXmlLoader
{
    public static (UblElement? Root, string? Error) Load(ReadOnlyMemory<byte> bytes, EInvoiceReaderOptions options)
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
            NameTable = new UblNameTable(),
        };
        try
        {
            using var stream = new ReadOnlyMemoryStream(bytes);
            using var reader = XmlReader.Create(stream, settings);
            var root = Build(reader, options.MaxDepth, options.MaxAttachmentBytesInMemory);
            return root is null ? (null, "no root element") : (root, null);
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

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private static UblElement? Build(XmlReader reader, int maxDepth, long maxAttachmentBytes)
    {
        UblElement? current = null, root = null;
        while (reader.Read())
        {
            if (reader.Depth > maxDepth)
            {
                var info = reader as IXmlLineInfo;
                throw new DepthExceededException($"nesting deeper than {maxDepth} levels (line {info?.LineNumber}, position {info?.LinePosition})");
            }
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var element = new UblElement(new UblName(reader.LocalName, reader.NamespaceURI), reader.Prefix, current);
                    if (reader.HasAttributes) element.SetAttributes(Attributes(reader));
                    if (current is null) root = element;
                    else
                    {
                        current.Add(element);
                        root!.AddToDocumentOrder(element);
                    }
                    if (!reader.IsEmptyElement) current = element;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    if (current is not null && current.Name.LocalName.EndsWith("BinaryObject", StringComparison.Ordinal))
                        ReadBase64(reader, current, maxAttachmentBytes);
                    else current?.AddText(reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    current = current?.Parent;
                    break;
            }
        }
        return root;
    }

    /// <summary>
    /// An attachment's base64 is read in chunks, counted (characters and padding: its decoded size) and kept only while
    /// its decoded size stays within the limit; a larger one is never held as a multi-megabyte string.
    /// </summary>
    private static void ReadBase64(XmlReader reader, UblElement element, long maxBytes)
    {
        var buffer = ArrayPool<char>.Shared.Rent(16 * 1024);
        try
        {
            // A text split in several nodes (CDATA sections) continues the count of the one before.
            var kept = element.HasOmittedText ? null : new StringBuilder(element.Value);
            var chars = element.Base64Chars;
            // The last two base64 characters seen (they may straddle two chunks): '=' there is padding.
            var (beforeLast, last) = element.Base64Padding switch { 2 => ('=', '='), 1 => ('A', '='), _ => ('A', 'A') };
            int n;
            while ((n = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                var chunk = buffer.AsSpan(0, n);
                chars += Base64Chars(chunk);
                var i = chunk.LastIndexOfAnyExcept(Base64Whitespace);
                if (i >= 0)
                {
                    var j = chunk[..i].LastIndexOfAnyExcept(Base64Whitespace);
                    (beforeLast, last) = (j >= 0 ? chunk[j] : last, chunk[i]);
                }
                if (kept is null) continue;
                if (chars / 4 * 3 - 2 > maxBytes) kept = null;
                else kept.Append(chunk);
            }
            element.SetBase64(kept?.ToString(), chars, last != '=' ? 0 : beforeLast == '=' ? 2 : 1);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static readonly SearchValues<char> Base64Whitespace = SearchValues.Create(" \t\r\n");

    /// <summary>Base64 characters in a span: all but the four whitespace characters base64 ignores.</summary>
    private static long Base64Chars(ReadOnlySpan<char> span) =>
        span.Length - span.Count(' ') - span.Count('\n') - span.Count('\r') - span.Count('\t');

    private static (UblName, string)[] Attributes(XmlReader reader)
    {
        var attributes = new (UblName, string)[reader.AttributeCount];
        var n = 0;
        for (var i = 0; i < attributes.Length; i++)
        {
            reader.MoveToAttribute(i);
            if (!string.Equals(reader.NamespaceURI, XmlnsNamespace, StringComparison.Ordinal))
                attributes[n++] = (new UblName(reader.LocalName, reader.NamespaceURI), reader.Value);
        }
        reader.MoveToElement();
        return n == attributes.Length ? attributes : attributes[..n];
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
