using InvoicePipeline.Scanning;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace InvoicePipeline.Worker.Ingestion.Scanned;

/// <summary>
/// Reads a file from inbox/scanned into words: a PDF's text layer directly, image PDFs (their embedded page
/// images), PNG, JPEG and multi-page TIFF through the OCR engine. Broken input comes back as a reason, within
/// the time limit, never as an exception that would stop the batch.
/// </summary>
public sealed class ScannedDocumentReader(IOcrEngine engine, ScannedDocumentOptions? options = null)
{
    private readonly ScannedDocumentOptions _options = options ?? new ScannedDocumentOptions();

    public async Task<ScannedPages> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return ScannedPages.Invalid("file not found");
        return await ReadAsync(t => File.ReadAllBytesAsync(path, t), info.Length, info.Name, path, cancellationToken);
    }

    /// <summary>A scan held in memory (a stored original): an image goes to the OCR engine through a temporary file it alone sees.</summary>
    public Task<ScannedPages> ReadAsync(byte[] bytes, string fileName, CancellationToken cancellationToken) =>
        ReadAsync(_ => Task.FromResult(bytes), bytes.LongLength, fileName, null, cancellationToken);

    private async Task<ScannedPages> ReadAsync(Func<CancellationToken, Task<byte[]>> content, long length, string fileName, string? path, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.Timeout);
        try
        {
            if (length == 0) return ScannedPages.Invalid("empty file (0 bytes)");
            if (length > _options.MaxBytes) return ScannedPages.Invalid($"file is larger than {_options.MaxBytes} bytes");
            var bytes = await content(limit.Token);
            var kind = ScanFileKinds.Sniff(bytes);
            if (ScanLimits.LargestImage(kind, bytes, _options.MaxPages) is var (width, height)
                && ScanLimits.TooLarge(width, height, _options.MaxPixels) is { } tooLarge)
                return ScannedPages.Invalid(tooLarge);
            var pages = kind switch
            {
                ScanFileKind.Pdf => await ReadPdfAsync(bytes, limit.Token),
                ScanFileKind.Tiff => await ReadTiffAsync(bytes, fileName, path, limit.Token),
                ScanFileKind.Png or ScanFileKind.Jpeg => WithWords(await RecognizeAsync(bytes, fileName, path, limit.Token), 1, FieldSource.Ocr),
                _ => ScannedPages.Invalid("not a PDF, PNG, TIFF or JPEG file"),
            };
            return pages;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ScannedPages.Invalid($"not read within {_options.Timeout.TotalSeconds:0} s");
        }
        catch (UnreadableImageException e)
        {
            return ScannedPages.Invalid(e.Message);
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return ScannedPages.Invalid("OCR engine timed out on every attempt");
        }
        catch (OcrEngineFailedException e)
        {
            return ScannedPages.Invalid(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever a decoder throws on hostile input: this document is rejected with the reason, the others go on.
            return ScannedPages.Invalid($"cannot be read ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>The engine reads files: the scan's own, or a temporary copy of the bytes, removed when read.</summary>
    private async Task<IReadOnlyList<OcrWord>> RecognizeAsync(byte[] bytes, string fileName, string? path, CancellationToken ct)
    {
        if (path is not null) return await engine.RecognizeAsync(path, ct);
        var dir = Directory.CreateTempSubdirectory("invoicepipeline-scan-");
        try
        {
            var file = Path.Combine(dir.FullName, "page" + Path.GetExtension(fileName));
            await File.WriteAllBytesAsync(file, bytes, ct);
            return await engine.RecognizeAsync(file, ct);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private async Task<ScannedPages> ReadTiffAsync(byte[] bytes, string fileName, string? path, CancellationToken ct)
    {
        var count = ScanFileKinds.TiffPageCount(bytes, _options.MaxPages);
        if (count < 0) return ScannedPages.Invalid("corrupt TIFF (broken page directory)");
        if (count > _options.MaxPages) return ScannedPages.Invalid($"more than {_options.MaxPages} pages");
        return WithWords(await RecognizeAsync(bytes, fileName, path, ct), count, FieldSource.Ocr);
    }

    private async Task<ScannedPages> ReadPdfAsync(byte[] bytes, CancellationToken ct)
    {
        if (ScanLimits.InflatesBeyond(bytes, _options.MaxInflatedBytes))
            return ScannedPages.Invalid($"PDF streams inflate beyond {_options.MaxInflatedBytes} bytes (a compression bomb)");
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = false });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var encrypted = e.GetType().Name.Contains("Encrypt", StringComparison.Ordinal) || bytes.AsSpan().IndexOf("/Encrypt"u8) >= 0;
            return ScannedPages.Invalid(encrypted ? "encrypted PDF" : "corrupt PDF: " + e.Message);
        }
        using (document)
        {
            if (document.IsEncrypted) return ScannedPages.Invalid("encrypted PDF");
            if (document.NumberOfPages > _options.MaxPages) return ScannedPages.Invalid($"more than {_options.MaxPages} pages");
            List<Page> pages;
            try
            {
                pages = document.GetPages().ToList();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return ScannedPages.Invalid("corrupt PDF: " + e.Message);
            }
            List<OcrWord> textLayer;
            List<(int Page, string Name, byte[] Bytes)> images;
            try
            {
                textLayer = pages.SelectMany((p, i) => TextLayerWords(p, i + 1)).ToList();
                if (textLayer.Count(w => w.Text.Any(char.IsLetterOrDigit)) >= _options.MinWords)
                    return new ScannedPages(textLayer, pages.Count, FieldSource.TextLayer);
                images = PageImages(pages, out var tooLarge);
                if (tooLarge is not null) return ScannedPages.Invalid(tooLarge);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return ScannedPages.Invalid("corrupt PDF: " + e.Message);
            }
            return await OcrPdfImagesAsync(images, pages.Count, ct);
        }
    }

    private static IEnumerable<OcrWord> TextLayerWords(Page page, int number) =>
        page.GetWords().Select(w => new OcrWord(
            w.Text, number, w.BoundingBox.Left, page.Height - w.BoundingBox.Top, w.BoundingBox.Width, w.BoundingBox.Height, 1.0));

    /// <summary>
    /// The page images as PNG or JPEG bytes. An image is measured by its declared size before it is decoded: one over
    /// <see cref="ScannedDocumentOptions.MaxPixels"/> refuses the document (<paramref name="tooLarge"/>).
    /// </summary>
    private List<(int Page, string Name, byte[] Bytes)> PageImages(List<Page> pages, out string? tooLarge)
    {
        var images = new List<(int, string, byte[])>();
        tooLarge = null;
        foreach (var page in pages)
        {
            var n = 0;
            foreach (var image in page.GetImages())
            {
                tooLarge = ScanLimits.TooLarge(image.WidthInSamples, image.HeightInSamples, _options.MaxPixels);
                if (tooLarge is not null) return [];
                var name = $"p{page.Number}-{n++}";
                if (image.TryGetPng(out var png)) images.Add((page.Number, name + ".png", png));
                else if (ScanFileKinds.Sniff(image.RawBytes) == ScanFileKind.Jpeg) images.Add((page.Number, name + ".jpg", image.RawBytes.ToArray()));
            }
        }
        return images;
    }

    // An image PDF from a scanner holds one image per page: OCR those, pages in parallel.
    private async Task<ScannedPages> OcrPdfImagesAsync(List<(int Page, string Name, byte[] Bytes)> images, int pageCount, CancellationToken ct)
    {
        if (images.Count == 0) return ScannedPages.Invalid("PDF has neither a text layer nor page images");
        var dir = Directory.CreateTempSubdirectory("invoicepipeline-scan-");
        try
        {
            var files = new List<(int Page, string Path)>();
            foreach (var (page, name, bytes) in images)
            {
                var file = Path.Combine(dir.FullName, name);
                await File.WriteAllBytesAsync(file, bytes, ct);
                files.Add((page, file));
            }
            var words = new List<OcrWord>[files.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, files.Count),
                new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = ct },
                async (i, token) =>
                {
                    var read = await engine.RecognizeAsync(files[i].Path, token);
                    // Line ids are per image: make them unique per file so two images' lines never merge.
                    words[i] = read.Select(w => w with { Page = files[i].Page, Line = w.Line < 0 ? -1 : (i * 100_000_000L) + w.Line }).ToList();
                });
            return WithWords(words.SelectMany(w => w).ToList(), pageCount, FieldSource.Ocr);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private ScannedPages WithWords(IReadOnlyList<OcrWord> words, int pageCount, FieldSource source) =>
        words.Count(w => w.Confidence >= 0.3 && w.Text.Any(char.IsLetterOrDigit)) < _options.MinWords
            ? ScannedPages.Invalid("no text found on the page (blank or not a document)")
            : new ScannedPages(words, pageCount, source);
}
