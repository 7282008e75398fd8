using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Ingestion.Scanned;
using InvoicePipeline.Worker.Tests.Scanned.Support;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace InvoicePipeline.Worker.Tests.Faults;

/// <summary>Issue 19: one hostile scan is that scan's rejection; the good scans beside it are read and post.</summary>
public sealed class HostileScanFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] CorruptTiff()
    {
        using var page = new SKBitmap(new SKImageInfo(400, 400, SKColorType.Gray8, SKAlphaType.Opaque));
        page.Erase(SKColors.White);
        var tiff = ScanFiles.Tiff([page]);
        return tiff[..(tiff.Length / 2)]; // cut off: the page directory is gone
    }

    [Fact]
    public async Task TheReader_RefusesEachHostileScan_FromItsHeaders_BeforeDecodingIt()
    {
        var reader = new ScannedDocumentReader(new NoOcrEngine());

        Assert.Equal("PDF streams inflate beyond 268435456 bytes (a compression bomb)",
            (await reader.ReadAsync(HostileScans.CompressionBombPdf(300L << 20), "bomb.pdf", Ct)).InvalidReason);
        Assert.StartsWith("corrupt PDF", (await reader.ReadAsync(HostileScans.ImageExtractionThrowsPdf(), "throws.pdf", Ct)).InvalidReason, StringComparison.Ordinal);
        Assert.Equal("image of 20000 × 20000 pixels is over the limit of 40000000 pixels",
            (await reader.ReadAsync(HostileScans.Png(20_000, 20_000), "huge.png", Ct)).InvalidReason);
        Assert.Equal("corrupt TIFF (broken page directory)", (await reader.ReadAsync(CorruptTiff(), "torn.tif", Ct)).InvalidReason);
        // An image PDF whose one page image is too large is refused by its declared size, before PdfPig decodes it.
        Assert.Equal("image of 8000 × 6000 pixels is over the limit of 40000000 pixels",
            (await reader.ReadAsync(ScanFiles.ImagePdf(HostileScans.Png(8000, 6000)), "big-page.pdf", Ct)).InvalidReason);
    }

    private sealed class PathEngine : IOcrEngine
    {
        public List<(string Path, UnixFileMode Folder)> Seen { get; } = [];

        public Task<IReadOnlyList<InvoicePipeline.Scanning.OcrWord>> RecognizeAsync(string imagePath, CancellationToken cancellationToken)
        {
            Seen.Add((imagePath, OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(Path.GetDirectoryName(imagePath)!)));
            return Task.FromResult<IReadOnlyList<InvoicePipeline.Scanning.OcrWord>>([]);
        }
    }

    [Fact]
    public async Task TheOcrEnginesTemporaryFiles_AreInAFreshPrivateFolder_RemovedAfterwards()
    {
        var engine = new PathEngine();
        var reader = new ScannedDocumentReader(engine);

        await reader.ReadAsync(ScanFiles.BlankPng(), "a.png", Ct);
        await reader.ReadAsync(ScanFiles.BlankPng(), "a.png", Ct);

        Assert.Equal(2, engine.Seen.Count);
        Assert.NotEqual(Path.GetDirectoryName(engine.Seen[0].Path), Path.GetDirectoryName(engine.Seen[1].Path));
        Assert.All(engine.Seen, s => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, s.Folder));
        Assert.All(engine.Seen, s => Assert.False(Directory.Exists(Path.GetDirectoryName(s.Path))));
    }

    [Fact]
    public async Task AnyExceptionWhileReadingOneDocument_RejectsThatDocument_AndTheOthersGoOn()
    {
        var scans = new ScannedInvoiceReader(new ScannedDocumentReader(new NoOcrEngine()));
        var text = ScanFiles.TextPdf(ScanTruthFactory.Create(3, "sv", layout: 0));
        Worker.Persistence.ReceivedDocument Doc(string name) => new()
        {
            Sha256 = name, FileName = "scanned/" + name, Channel = Worker.Ingestion.DocumentChannel.Scanned, Size = text.Length, Content = text, RunId = "r",
        };
        var calls = 0;
        // The supplier look-up throws for the first document only (as a bug in any step of reading one document would).
        InvoicePipeline.Scanning.SupplierLookup lookup = (_, _) => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("boom") : null;

        var read = await Worker.Processing.ChunkDocuments.ReadAsync([Doc("a.pdf"), Doc("b.pdf")], scans, _ => lookup, 1 << 20, Ct);

        Assert.Equal(2, read.Count);
        Assert.False(read[0].Result.IsAccepted);
        Assert.Contains("InvalidOperationException: boom", read[0].Result.Rejection!.Reason, StringComparison.Ordinal);
        Assert.True(read[1].Result.IsAccepted);
    }

    [Fact]
    public async Task ABombAThrowingPdfAHugePngAndACorruptTiff_BesideGoodScans_AreRejected_AndTheGoodScansPost()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var inbox = Samples.CopyInbox(db.Folder, "scanned");
        var good = Directory.GetFiles(Path.Combine(inbox, "scanned"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(inbox, f).Replace('\\', '/')).ToList();
        Assert.NotEmpty(good);
        var bad = new Dictionary<string, byte[]>
        {
            ["scanned/SSC/90-bomb.pdf"] = HostileScans.CompressionBombPdf(300L << 20),
            ["scanned/SSC/91-throws.pdf"] = HostileScans.ImageExtractionThrowsPdf(),
            ["scanned/SSC/92-huge.png"] = HostileScans.Png(20_000, 20_000),
            ["scanned/SSC/93-torn.tif"] = CorruptTiff(),
        };
        foreach (var (name, bytes) in bad) await File.WriteAllBytesAsync(Path.Combine(inbox, name), bytes, Ct);
        await using var host = await PipelineHost.StartAsync(db);

        var outcome = await host.RunAsync(inbox, Samples.MasterData, Path.Combine(db.Folder, "out"));

        Assert.Null(outcome.Run.Error);
        await using var ctx = db.Open();
        var invoices = await (from i in ctx.Invoices.AsNoTracking().Include(i => i.Issues)
                              join d in ctx.Documents.AsNoTracking() on i.DocumentId equals d.Id
                              select new { d.FileName, Invoice = i }).ToListAsync(Ct);
        foreach (var name in bad.Keys)
        {
            var rejected = Assert.Single(invoices, i => i.FileName == name).Invoice;
            Assert.Equal(InvoiceStatus.Rejected, rejected.Status);
            Assert.Equal(ExceptionCode.InvalidDocument, Assert.Single(rejected.Issues).Code);
        }
        Assert.All(good, name => Assert.NotEqual(InvoiceStatus.Rejected, Assert.Single(invoices, i => i.FileName == name).Invoice.Status));
        Assert.True(outcome.Summary!.Invoices.Posted >= good.Count - 1, "the clear scans match their orders and post");
    }
}
