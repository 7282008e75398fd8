using InvoicePipeline.Scanning;
using InvoicePipeline.Worker.Ingestion.Scanned;
using InvoicePipeline.Worker.Tests.Scanned.Support;

namespace InvoicePipeline.Worker.Tests.Scanned;

public sealed class DebugProbeFacts(ITestOutputHelper output)
{
    [Fact]
    public async Task ProbePdf()
    {
        var truth = ScanTruthFactory.Create(3, "sv", layout: 0);
        File.WriteAllBytes("/tmp/ocr-probe/t.pdf", ScanFiles.TextPdf(truth));
        var pages = await new ScannedDocumentReader(new NoOcrEngine()).ReadAsync("/tmp/ocr-probe/t.pdf", TestContext.Current.CancellationToken);
        foreach (var line in TextLines.Build(pages.Words))
            output.WriteLine($"y={line.Top:0}: " + string.Join(" ", line.Words.Select(w => $"{w.Text}[{w.Left:0},{w.Top:0},{w.Height:0}]")));
    }

    [Fact]
    public async Task Probe()
    {
        var seeds = (Environment.GetEnvironmentVariable("OCR_DEBUG_SEEDS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        var engine = RealTesseract.Engine();
        foreach (var seed in seeds)
        {
            var demo = Environment.GetEnvironmentVariable("OCR_DEBUG_FILE");
            var (truth, path) = demo is null ? ScanSamples.WritePng("/tmp/ocr-probe", seed) : (DemoScans.All[seed].Truth, Path.Combine(DemoScans.Folder, demo));
            var words = (await new ScannedDocumentReader(engine).ReadAsync(path, TestContext.Current.CancellationToken)).Words;
            output.WriteLine($"=== seed {seed} {truth.Language} L{truth.Layout}");
            foreach (var line in TextLines.Build(words))
                output.WriteLine($"{line.Words[0].Line} y={line.Top:0}: " + string.Join(" ", line.Words.Select(w => $"{w.Text}[{w.Confidence * 100:0}]")));
            foreach (var f in FieldLocator.Locate(words)) output.WriteLine($"  {f.Field} <- '{f.Text}' {f.Words.Min(w => w.Confidence):0.00}");
            var r = ScanReader.Read(words, SupplierLookups.None);
            foreach (var (k, v) in truth.Expected())
                output.WriteLine($"  {(r.Capture.Value(k) == v ? "ok " : "BAD")} {k}: {v} / {r.Capture.Value(k)} {(r.Capture.Fields.TryGetValue(k, out var cf) ? cf.Doubt : "")}");
        }
    }
}
