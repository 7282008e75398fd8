using System.Diagnostics;
using InvoicePipeline.Scanning;
using InvoicePipeline.Worker.Ingestion.Scanned;
using InvoicePipeline.Worker.Tests.Scanned.Support;

namespace InvoicePipeline.Worker.Tests.Scanned;

public sealed class ScannedDocumentReaderFacts : IDisposable
{
    private readonly string _folder = ScanSamples.TempFolder();
    private static readonly ScanTruth Truth = ScanTruthFactory.Create(3, "sv", layout: 0);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static ScannedDocumentReader Reader(IOcrEngine? engine = null, ScannedDocumentOptions? options = null) =>
        new(engine ?? RealTesseract.Engine(), options);

    private static void AssertReadsTheInvoice(ScannedPages pages)
    {
        Assert.True(pages.IsValid, pages.InvalidReason);
        var capture = ScanReader.Read(pages.Words, SupplierLookups.None).Capture;
        Assert.Equal(Truth.InvoiceNumber, capture.Value(ScanField.InvoiceNumber));
        Assert.Equal(ScanFormats.FormatAmount(Truth.Total), capture.Value(ScanField.Total));
        Assert.Equal(Truth.OcrReference, capture.Value(ScanField.OcrReference));
    }

    [Fact]
    public async Task ReadAsync_ReadsAPdfTextLayer_WithoutOcr()
    {
        var path = Write("text.pdf", ScanFiles.TextPdf(Truth));

        var pages = await new ScannedDocumentReader(new NoOcrEngine()).ReadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(FieldSource.TextLayer, pages.Source);
        AssertReadsTheInvoice(pages);
        Assert.Empty(ScanReader.Read(pages.Words, SupplierLookups.None, source: pages.Source).Capture.Doubtful);
    }

    [Fact]
    public async Task ReadAsync_OcrsTheImagesOfAnImagePdf()
    {
        var path = Write("image.pdf", ScanFiles.ImagePdf(ScanSamples.Png(Truth, Degradation.None, 3)));

        var pages = await Reader().ReadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(FieldSource.Ocr, pages.Source);
        AssertReadsTheInvoice(pages);
    }

    [Fact]
    public async Task ReadAsync_OcrsAJpeg()
    {
        var path = Write("scan.jpg", ScanSamples.Jpeg(Truth, Degradation.FromSeed(3), 3));

        AssertReadsTheInvoice(await Reader().ReadAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadAsync_OcrsEveryPageOfAMultiPageTiff()
    {
        using var first = ScanFiles.Bitmap(Truth, new Degradation(0.5f, 0.002, 0.3f, 0.8f), 3);
        using var second = ScanFiles.Bitmap(ScanTruthFactory.Create(4, "sv", layout: 1), new Degradation(0, 0, 0, 0.8f), 4);
        var path = Write("fax.tif", ScanFiles.Tiff([first, second]));

        var pages = await Reader().ReadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(2, pages.PageCount);
        Assert.Equal([1, 2], pages.Words.Select(w => w.Page).Distinct().Order());
        AssertReadsTheInvoice(pages);
    }

    [Fact]
    public async Task ReadAsync_RejectsAZeroByteFile()
    {
        var pages = await Reader(new NoOcrEngine()).ReadAsync(Write("empty.pdf", []), TestContext.Current.CancellationToken);

        Assert.Equal("empty file (0 bytes)", pages.InvalidReason);
    }

    [Theory]
    [InlineData("garbage.pdf", "corrupt PDF")]
    [InlineData("garbage.bin", "not a PDF, PNG, TIFF or JPEG file")]
    public async Task ReadAsync_RejectsACorruptFile(string name, string reason)
    {
        var bytes = "%PDF-1.7\n"u8.ToArray().Concat(Enumerable.Range(0, 500).Select(i => (byte)(i * 37))).ToArray();
        if (!name.EndsWith(".pdf", StringComparison.Ordinal)) bytes[0] = (byte)'X';

        var pages = await Reader(new NoOcrEngine()).ReadAsync(Write(name, bytes), TestContext.Current.CancellationToken);

        Assert.StartsWith(reason, pages.InvalidReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RejectsACorruptPng_WithoutRetrying()
    {
        var bytes = ScanFiles.BlankPng().Take(200).ToArray();
        var watch = Stopwatch.StartNew();

        var pages = await Reader().ReadAsync(Write("torn.png", bytes), TestContext.Current.CancellationToken);

        Assert.StartsWith("tesseract cannot read the image", pages.InvalidReason, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ReadAsync_RejectsAnEncryptedPdf()
    {
        var pages = await Reader(new NoOcrEngine()).ReadAsync(Write("secret.pdf", ScanFiles.EncryptedPdf()), TestContext.Current.CancellationToken);

        Assert.Equal("encrypted PDF", pages.InvalidReason);
    }

    [Fact]
    public async Task ReadAsync_RejectsAnImageWithNoText()
    {
        var pages = await Reader().ReadAsync(Write("blank.png", ScanFiles.BlankPng()), TestContext.Current.CancellationToken);

        Assert.Equal("no text found on the page (blank or not a document)", pages.InvalidReason);
    }

    [Theory]
    [InlineData("many.pdf")]
    [InlineData("many.tif")]
    public async Task ReadAsync_RejectsAVeryLargePageCount(string name)
    {
        var bytes = name.EndsWith(".pdf", StringComparison.Ordinal) ? ScanFiles.ManyPagePdf(25) : ScanFiles.ManyPageTiff(5000);

        var pages = await Reader(new NoOcrEngine(), new ScannedDocumentOptions { MaxPages = 20 }).ReadAsync(Write(name, bytes), TestContext.Current.CancellationToken);

        Assert.Equal("more than 20 pages", pages.InvalidReason);
    }

    [Fact]
    public async Task ReadAsync_GivesUpWithinTheTimeLimit_WhenTheEngineHangs()
    {
        var path = Write("slow.png", ScanFiles.BlankPng());
        var watch = Stopwatch.StartNew();

        var pages = await Reader(new HangingEngine(), new ScannedDocumentOptions { Timeout = TimeSpan.FromMilliseconds(300) })
            .ReadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("not read within 0 s", pages.InvalidReason);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }
}
