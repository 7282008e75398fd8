using System.IO.Compression;
using System.Text;

namespace InvoicePipeline.Worker.Tests.Faults;

/// <summary>Scans an attacker (or a broken scanner) sends: built byte by byte, so each is exactly as hostile as its name says.</summary>
public static class HostileScans
{
    /// <summary>A one-page image PDF whose 1,000 × 1,000 grey image stream inflates to <paramref name="inflated"/> bytes of zeros.</summary>
    public static byte[] CompressionBombPdf(long inflated)
    {
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (long n = 0; n < inflated; n += zeros.Length) z.Write(zeros);
        }
        return ImagePdf("/Width 1000 /Height 1000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", packed.ToArray());
    }

    /// <summary>A one-page image PDF whose image stream is not the LZW it claims: PdfPig throws (KeyNotFoundException) while it decodes the image.</summary>
    public static byte[] ImageExtractionThrowsPdf() =>
        ImagePdf("/Width 10 /Height 10 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /LZWDecode", [.. Enumerable.Range(0, 100).Select(i => (byte)((i * 7) + 3))]);

    /// <summary>A valid 8-bit grey PNG of <paramref name="width"/> × <paramref name="height"/> white pixels (small on disk: white compresses).</summary>
    public static byte[] Png(int width, int height)
    {
        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width + 1];
            Array.Fill(row, (byte)0xFF, 1, width);
            for (var y = 0; y < height; y++) z.Write(row);
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, adaptive filtering, no interlace
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var head = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        Encoding.ASCII.GetBytes(type, head.AsSpan(4));
        s.Write(head);
        s.Write(data);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(head.AsSpan(4), data));
        s.Write(crc);
    }

    private static uint Crc32(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var span in new[] { type.ToArray(), data.ToArray() })
            foreach (var b in span)
            {
                c ^= b;
                for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
        return ~c;
    }

    /// <summary>A minimal PDF: catalog, pages, one page drawing one image XObject with this dictionary and stream body; a correct xref table.</summary>
    private static byte[] ImagePdf(string imageDictionary, byte[] imageStream)
    {
        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        void Object(string body, byte[]? stream = null)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{body}");
            if (stream is not null)
            {
                Write("\nstream\n");
                pdf.Write(stream);
                Write("\nendstream");
            }
            Write("\nendobj\n");
        }
        Write("%PDF-1.7\n");
        var content = Encoding.ASCII.GetBytes("q 595 0 0 842 0 0 cm /Im0 Do Q");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>");
        Object($"<< /Type /XObject /Subtype /Image {imageDictionary} /Length {imageStream.Length} >>", imageStream);
        Object($"<< /Length {content.Length} >>", content);
        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Write($"{o:D10} 00000 n \n");
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
