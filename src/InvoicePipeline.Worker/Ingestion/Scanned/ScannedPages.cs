using InvoicePipeline.Scanning;

namespace InvoicePipeline.Worker.Ingestion.Scanned;

/// <summary>
/// The words of a scanned document, or why it cannot be read (<see cref="InvalidReason"/> set: the caller raises
/// INVALID_DOCUMENT with it).
/// </summary>
public sealed record ScannedPages(IReadOnlyList<OcrWord> Words, int PageCount, FieldSource Source, string? InvalidReason = null)
{
    public bool IsValid => InvalidReason is null;

    public static ScannedPages Invalid(string reason) => new([], 0, FieldSource.Ocr, reason);
}

/// <summary>Limits that keep one bad scan from holding up the batch.</summary>
public sealed class ScannedDocumentOptions
{
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;
    public int MaxPages { get; set; } = 20;
    /// <summary>Time limit for reading one document, all pages and retries included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(3);
    /// <summary>Pages OCR'd at the same time (each a tesseract process).</summary>
    public int Parallelism { get; set; } = Math.Max(1, Environment.ProcessorCount);
    /// <summary>Fewer legible words than this and the page is taken for an image with no text.</summary>
    public int MinWords { get; set; } = 5;
    /// <summary>
    /// Largest image (or TIFF page, or PDF page image) handed to OCR, in pixels: an A4 page at 600 dpi is 35 million.
    /// Checked from the file's headers before anything is decoded, so the worker never allocates a hostile image.
    /// </summary>
    public long MaxPixels { get; set; } = 40_000_000;
    /// <summary>What a PDF's compressed streams may inflate to, together: a compression bomb is refused before PdfPig opens it.</summary>
    public long MaxInflatedBytes { get; set; } = 256L * 1024 * 1024;
}
