namespace InvoicePipeline.Worker.Ingestion.Scanned;

public enum ScanFileKind
{
    Unknown,
    Pdf,
    Png,
    Tiff,
    Jpeg,
}

/// <summary>Tells the format by its first bytes, not its name: a renamed or truncated file must not reach a parser that trusts it.</summary>
public static class ScanFileKinds
{
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    public static ScanFileKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return ScanFileKind.Pdf;
        if (head.StartsWith(PngMagic)) return ScanFileKind.Png;
        if (head.StartsWith(JpegMagic)) return ScanFileKind.Jpeg;
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return ScanFileKind.Tiff;
        return ScanFileKind.Unknown;
    }

    /// <summary>
    /// Counts the pages (image file directories) of a TIFF by walking its IFD chain, so a 10 000-page fax is refused
    /// before the engine starts on it. Returns -1 when the chain is broken.
    /// </summary>
    public static int TiffPageCount(ReadOnlySpan<byte> tiff, int stopAfter)
    {
        if (tiff.Length < 8) return -1;
        var little = tiff[0] == (byte)'I';
        long offset = U32(tiff, 4, little);
        var pages = 0;
        var seen = new HashSet<long>();
        while (offset != 0)
        {
            if (offset + 2 > tiff.Length || !seen.Add(offset)) return -1;
            var entries = U16(tiff, (int)offset, little);
            var next = offset + 2 + entries * 12L;
            if (next + 4 > tiff.Length) return -1;
            if (++pages > stopAfter) return pages;
            offset = U32(tiff, (int)next, little);
        }
        return pages;
    }

    private static int U16(ReadOnlySpan<byte> b, int i, bool little) =>
        little ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1];

    private static uint U32(ReadOnlySpan<byte> b, int i, bool little) =>
        little
            ? (uint)(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24))
            : (uint)((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
}
