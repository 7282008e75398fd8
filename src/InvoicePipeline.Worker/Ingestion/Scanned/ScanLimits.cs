using System.Buffers.Binary;
using System.IO.Compression;

namespace InvoicePipeline.Worker.Ingestion.Scanned;

/// <summary>
/// What a scan would cost, read from its bytes before any decoder or the OCR engine sees them: the pixels of an image
/// (PNG header, JPEG frame header, every TIFF page's tags) and what a PDF's compressed streams inflate to. A 20,000 ×
/// 20,000 PNG or a PDF whose stream inflates to gigabytes is refused here, at the cost of reading a few headers or of
/// inflating up to the budget into one small buffer, never by allocating what the file asks for.
/// </summary>
public static class ScanLimits
{
    /// <summary>The largest image (or TIFF page) of the file in pixels as width × height; null when the header cannot be read.</summary>
    public static (long Width, long Height)? LargestImage(ScanFileKind kind, ReadOnlySpan<byte> bytes, int maxPages) => kind switch
    {
        ScanFileKind.Png => bytes.Length < 24 ? null : (BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[20..])),
        ScanFileKind.Jpeg => JpegSize(bytes),
        ScanFileKind.Tiff => TiffLargestPage(bytes, maxPages),
        _ => null,
    };

    /// <summary>The reason to refuse an image over <paramref name="maxPixels"/>, or null.</summary>
    public static string? TooLarge(long width, long height, long maxPixels) =>
        width * height > maxPixels ? $"image of {width} × {height} pixels is over the limit of {maxPixels} pixels" : null;

    private static (long, long)? JpegSize(ReadOnlySpan<byte> b)
    {
        var i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF) return null;
            var marker = b[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                i += 2;
                continue;
            }
            if (marker is 0xD9 or 0xDA) return null; // end of image or start of scan before any frame header
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC): length, precision, height, width.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return i + 9 > b.Length ? null : (BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
        }
        return null;
    }

    /// <summary>Walks the page directories (as <see cref="ScanFileKinds.TiffPageCount"/>) reading ImageWidth (256) and ImageLength (257).</summary>
    private static (long, long)? TiffLargestPage(ReadOnlySpan<byte> tiff, int maxPages)
    {
        if (tiff.Length < 8) return null;
        var little = tiff[0] == (byte)'I';
        long offset = U32(tiff, 4, little);
        (long W, long H) largest = (0, 0);
        var seen = new HashSet<long>();
        while (offset != 0 && seen.Count <= maxPages)
        {
            if (offset + 2 > tiff.Length || !seen.Add(offset)) return null;
            var entries = U16(tiff, (int)offset, little);
            if (offset + 2 + (entries * 12L) + 4 > tiff.Length) return null;
            long width = 0, height = 0;
            for (var e = 0; e < entries; e++)
            {
                var at = (int)offset + 2 + (e * 12);
                var tag = U16(tiff, at, little);
                if (tag is not (256 or 257)) continue;
                long value = U16(tiff, at + 2, little) == 3 ? U16(tiff, at + 8, little) : U32(tiff, at + 8, little);
                if (tag == 256) width = value;
                else height = value;
            }
            if (width * height > largest.W * largest.H) largest = (width, height);
            offset = U32(tiff, (int)(offset + 2 + (entries * 12L)), little);
        }
        return largest;
    }

    /// <summary>
    /// True when the PDF's Flate streams together inflate to more than <paramref name="budget"/> bytes (a compression
    /// bomb): each <c>stream … endstream</c> body that is zlib data is inflated into one small buffer and counted, and
    /// counting stops at the budget. Streams that are not zlib (images in DCT, encrypted bodies) count nothing here.
    /// </summary>
    public static bool InflatesBeyond(byte[] pdf, long budget)
    {
        var span = pdf.AsSpan();
        var buffer = new byte[64 * 1024];
        long total = 0;
        var pos = 0;
        while (pos < span.Length)
        {
            var at = span[pos..].IndexOf("stream"u8);
            if (at < 0) break;
            var keyword = pos + at;
            pos = keyword + 6;
            if (keyword >= 3 && span.Slice(keyword - 3, 3).SequenceEqual("end"u8)) continue;
            var start = pos;
            if (start < span.Length && span[start] == '\r') start++;
            if (start >= span.Length || span[start] != '\n') continue;
            start++;
            var endAt = span[start..].IndexOf("endstream"u8);
            var end = endAt < 0 ? span.Length : start + endAt;
            total += Inflated(pdf, start, end - start, budget - total, buffer);
            if (total > budget) return true;
            pos = end;
        }
        return false;
    }

    private static long Inflated(byte[] data, int offset, int count, long budget, byte[] buffer)
    {
        if (count < 2 || (data[offset] & 0x0F) != 8 || ((data[offset] << 8) | data[offset + 1]) % 31 != 0) return 0; // not a zlib header
        long n = 0;
        try
        {
            using var z = new ZLibStream(new MemoryStream(data, offset, count, writable: false), CompressionMode.Decompress);
            int read;
            while ((read = z.Read(buffer)) > 0)
            {
                n += read;
                if (n > budget) return n;
            }
        }
        catch (InvalidDataException)
        {
            // A damaged stream inflates as far as it goes; the parser decides what the rest is worth.
        }
        return n;
    }

    private static int U16(ReadOnlySpan<byte> b, int i, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b[i..]) : BinaryPrimitives.ReadUInt16BigEndian(b[i..]);

    private static uint U32(ReadOnlySpan<byte> b, int i, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b[i..]) : BinaryPrimitives.ReadUInt32BigEndian(b[i..]);
}
