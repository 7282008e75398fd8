using InvoicePipeline.Worker.Ingestion.Scanned;
using InvoicePipeline.Worker.Tests.Scanned.Support;
using InvoicePipeline.Worker.Tests.Support;
using Polly.Timeout;

namespace InvoicePipeline.Worker.Tests.Scanned;

public sealed class TesseractOcrEngineFacts : IDisposable
{
    private readonly string _folder = ScanSamples.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A stand-in executable: counts its runs in a file, then behaves as told.
    private string Script(string body)
    {
        var path = Path.Combine(_folder, "fake-tesseract.sh");
        File.WriteAllText(path, $"#!/bin/sh\necho run >> '{_folder}/runs'\n{body}\n");
        if (OperatingSystem.IsWindows()) Ci.SkipOrFail("The stand-in engine is a POSIX shell script");
        else File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private int Runs => File.Exists(Path.Combine(_folder, "runs")) ? File.ReadAllLines(Path.Combine(_folder, "runs")).Length : 0;

    [Fact]
    public async Task RecognizeAsync_KillsAndRetries_WhenARunExceedsTheTimeLimit()
    {
        var engine = new TesseractOcrEngine(new TesseractOptions { Executable = Script("sleep 30"), Timeout = TimeSpan.FromMilliseconds(300), Retries = 2 });

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => engine.RecognizeAsync("x.png", TestContext.Current.CancellationToken));

        Assert.Equal(3, Runs);
    }

    [Fact]
    public async Task RecognizeAsync_LogsEachTimeout_AsScanTimedOut()
    {
        var log = new CollectingLogger();
        var engine = new TesseractOcrEngine(new TesseractOptions { Executable = Script("sleep 30"), Timeout = TimeSpan.FromMilliseconds(300), Retries = 1 }, log: log);

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => engine.RecognizeAsync(Path.Combine(_folder, "scan-7.png"), TestContext.Current.CancellationToken));

        var timeouts = log.Of(3003);
        Assert.Equal(2, timeouts.Count);
        Assert.All(timeouts, t => Assert.Equal("Scan scan-7.png: OCR attempt timed out after 00:00:00.3000000", t.Message));
    }

    [Fact]
    public void ABadOption_IsRefused_WithItsKey()
    {
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new TesseractOcrEngine(new TesseractOptions { Retries = -1 }));
        Assert.StartsWith("Tesseract:Retries:", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecognizeAsync_Retries_WhenTheEngineCrashes()
    {
        var engine = new TesseractOcrEngine(new TesseractOptions { Executable = Script("exit 134"), Retries = 1 });

        await Assert.ThrowsAsync<OcrEngineFailedException>(() => engine.RecognizeAsync("x.png", TestContext.Current.CancellationToken));

        Assert.Equal(2, Runs);
    }

    [Fact]
    public async Task RecognizeAsync_DoesNotRetry_WhenTheImageIsUnreadable()
    {
        var engine = new TesseractOcrEngine(new TesseractOptions { Executable = Script("echo 'Error in pixRead' >&2; exit 1"), Retries = 2 });

        await Assert.ThrowsAsync<UnreadableImageException>(() => engine.RecognizeAsync("x.png", TestContext.Current.CancellationToken));

        Assert.Equal(1, Runs);
    }

    [Fact]
    public async Task RecognizeAsync_RunsTheEngineUnderItsMemoryLimit()
    {
        if (!File.Exists("/usr/bin/prlimit")) Ci.SkipOrFail("prlimit (util-linux) is not installed");
        // The stand-in reports the address-space limit it runs under (ulimit -v, in KiB) and exits as unreadable.
        var engine = new TesseractOcrEngine(new TesseractOptions { Executable = Script($"ulimit -v > '{_folder}/limit'\nexit 1"), MemoryLimitBytes = 512L << 20 });

        await Assert.ThrowsAsync<UnreadableImageException>(() => engine.RecognizeAsync("x.png", TestContext.Current.CancellationToken));

        Assert.Equal((512 << 10).ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(_folder, "limit")).Trim());
    }

    [Fact]
    public async Task RecognizeAsync_ReadsWordsWithBoxesAndConfidences_FromTheRealEngine()
    {
        var engine = RealTesseract.Engine();
        var path = Path.Combine(_folder, "scan.png");
        await File.WriteAllBytesAsync(path, ScanSamples.Png(ScanTruthFactory.Create(1, "da", 0), Degradation.None, 1), TestContext.Current.CancellationToken);

        var words = await engine.RecognizeAsync(path, TestContext.Current.CancellationToken);

        var label = Assert.Single(words, w => w.Text == "Fakturadato:");
        Assert.InRange(label.Left, 40, 80);
        Assert.InRange(label.Confidence, 0.8, 1.0);
        Assert.True(label.Line >= 0);
    }
}
