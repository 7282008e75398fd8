using System.Text;
using SkiaSharp;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace InvoicePipeline.Worker.Tests.Scanned.Support;

/// <summary>Writes generated invoices in the file kinds that arrive in inbox/scanned, and broken ones.</summary>
public static class ScanFiles
{
    private const double PointsPerPixel = 595.0 / InvoiceLayout.Width;

    /// <summary>A PDF with a text layer (as an invoicing system prints to PDF), same layout.</summary>
    public static byte[] TextPdf(ScanTruth truth)
    {
        using var builder = new PdfDocumentBuilder();
        // Standard 14 fonts lack å, ä, ö: embed DejaVu as an invoicing system embeds its fonts.
        var font = builder.AddTrueTypeFont(File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
        var bold = builder.AddTrueTypeFont(File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"));
        var page = builder.AddPage(595, InvoiceLayout.Height * PointsPerPixel);
        foreach (var item in InvoiceLayout.Compose(truth))
        {
            var size = item.Size * PointsPerPixel;
            var f = item.Bold ? bold : font;
            var x = item.X * PointsPerPixel;
            if (item.RightAligned) x -= ScanRenderer.TextWidth(item) * PointsPerPixel;
            page.AddText(item.Text, size, new PdfPoint(x, (InvoiceLayout.Height - item.Y) * PointsPerPixel), f);
        }
        return builder.Build();
    }

    /// <summary>A scanner's PDF: one page image per page and no text layer.</summary>
    public static byte[] ImagePdf(params byte[][] pngPages)
    {
        using var builder = new PdfDocumentBuilder();
        foreach (var png in pngPages)
        {
            var page = builder.AddPage(595, 744);
            page.AddPng(png, new PdfRectangle(0, 0, 595, 744));
        }
        return builder.Build();
    }

    /// <summary>An image PDF with this many blank pages (for the page limit).</summary>
    public static byte[] ManyPagePdf(int pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 0; i < pages; i++) builder.AddPage(595, 842).AddText("Page " + i, 12, new PdfPoint(50, 800), font);
        return builder.Build();
    }

    /// <summary>A PDF whose trailer names a standard security handler with a user password we do not have.</summary>
    public static byte[] EncryptedPdf()
    {
        var hex = string.Concat(Enumerable.Repeat("A1B2C3D4", 8));
        var body = new StringBuilder()
            .Append("%PDF-1.4\n")
            .Append("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")
            .Append("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n")
            .Append("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n")
            .Append("4 0 obj << /Filter /Standard /V 2 /R 3 /Length 128 /P -44 /O <").Append(hex).Append("> /U <").Append(hex).Append("> >> endobj\n");
        var xref = body.Length;
        body.Append("trailer << /Root 1 0 R /Size 5 /Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF><0123456789ABCDEF0123456789ABCDEF>] >>\n")
            .Append("startxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(body.ToString());
    }

    /// <summary>A white page: an image with no text on it.</summary>
    public static byte[] BlankPng()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(800, 1000, SKColorType.Gray8, SKAlphaType.Opaque));
        bitmap.Erase(SKColors.White);
        return ScanRenderer.Encode(bitmap);
    }

    /// <summary>
    /// An uncompressed, 8-bit grey, multi-page TIFF (baseline TIFF 6.0): SkiaSharp does not write TIFF and a fax
    /// scanner does, so the test writes the few tags itself.
    /// </summary>
    public static byte[] Tiff(IReadOnlyList<SKBitmap> pages)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("II"u8);
        w.Write((ushort)42);
        w.Write(0u);
        var previousNextPointer = 4L;
        foreach (var page in pages)
        {
            var pixels = page.GetPixelSpan().ToArray();
            var dataOffset = ms.Position;
            w.Write(pixels);
            if (ms.Position % 2 == 1) w.Write((byte)0);
            var ifd = ms.Position;
            ms.Position = previousNextPointer;
            w.Write((uint)ifd);
            ms.Position = ifd;
            (ushort Tag, ushort Type, uint Value)[] entries =
            [
                (256, 4, (uint)page.Width), (257, 4, (uint)page.Height), (258, 3, 8), (259, 3, 1), (262, 3, 1),
                (273, 4, (uint)dataOffset), (277, 3, 1), (278, 4, (uint)page.Height), (279, 4, (uint)pixels.Length),
            ];
            w.Write((ushort)entries.Length);
            foreach (var (tag, type, value) in entries)
            {
                w.Write(tag);
                w.Write(type);
                w.Write(1u);
                if (type == 3) { w.Write((ushort)value); w.Write((ushort)0); }
                else w.Write(value);
            }
            previousNextPointer = ms.Position;
            w.Write(0u);
        }
        w.Flush();
        return ms.ToArray();
    }

    /// <summary>A TIFF header whose page chain claims this many (empty) pages.</summary>
    public static byte[] ManyPageTiff(int pages)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("II"u8);
        w.Write((ushort)42);
        w.Write(8u);
        for (var i = 0; i < pages; i++)
        {
            w.Write((ushort)0);
            w.Write(i == pages - 1 ? 0u : (uint)(ms.Position + 4));
        }
        return ms.ToArray();
    }

    public static SKBitmap Bitmap(ScanTruth truth, Degradation degradation, int seed) =>
        ScanRenderer.Render(InvoiceLayout.Compose(truth), degradation, seed);
}
