using InvoicePipeline.Scanning;
using InvoicePipeline.Worker.Ingestion.Scanned;
using InvoicePipeline.Worker.Tests.Scanned.Support;

namespace InvoicePipeline.Worker.Tests.Scanned;

/// <summary>The demo's scans in samples/inbox/scanned read as the demo expects.</summary>
public sealed class DemoScanFacts
{
    public static TheoryData<string> Files => new(DemoScans.All.Select(s => s.File));

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAsync_ReadsTheDemoScan_AsItWasPrinted(string file)
    {
        var (_, truth, _, low) = DemoScans.All.Single(s => s.File == file);
        var reader = new ScannedInvoiceReader(new ScannedDocumentReader(RealTesseract.Engine()));

        var outcome = await reader.ReadAsync(Path.Combine(DemoScans.Folder, file), SupplierLookups.Over([DemoScans.First, DemoScans.Second]), TestContext.Current.CancellationToken);

        var result = Assert.IsType<ScanResult>(outcome.Result);
        Assert.Equal(truth.OrgNo.Replace("-", "", StringComparison.Ordinal), result.Capture.SupplierId?.Replace("-", "", StringComparison.Ordinal));
        Assert.Equal(truth.InvoiceNumber, result.Invoice.Number);
        Assert.Equal(truth.Total, result.Invoice.Totals.Payable);
        Assert.True(low == result.IsLowConfidence, string.Join("; ", result.Issues));
        if (low) Assert.Contains(ScanField.Vat, result.Capture.Doubtful);
        Assert.Equal(file, Assert.Single(result.Invoice.Attachments).FileName);
    }

    [Fact]
    public void DemoScans_AreSmall() =>
        Assert.All(DemoScans.All, s => Assert.InRange(new FileInfo(Path.Combine(DemoScans.Folder, s.File)).Length, 1, 200 * 1024));

    /// <summary>
    /// The generator renders every demo scan small enough to commit; with INVOICEPIPELINE_WRITE_SCAN_SAMPLES=1 it
    /// writes them to samples/inbox/scanned (`dotnet test --filter WriteDemoScans`), otherwise to a temporary folder.
    /// </summary>
    [Fact]
    public void WriteDemoScans()
    {
        var folder = Environment.GetEnvironmentVariable("INVOICEPIPELINE_WRITE_SCAN_SAMPLES") == "1"
            ? DemoScans.Folder : Directory.CreateTempSubdirectory("ip-scans-").FullName;
        Directory.CreateDirectory(folder);
        for (var i = 0; i < DemoScans.All.Count; i++)
        {
            var (file, truth, degradation, _) = DemoScans.All[i];
            var bytes = Path.GetExtension(file) switch
            {
                ".jpg" => ScanSamples.Jpeg(truth, degradation, i),
                ".pdf" when file.Contains("-text", StringComparison.Ordinal) => ScanFiles.TextPdf(truth),
                ".pdf" => ScanFiles.ImagePdf(ScanSamples.Png(truth, degradation, i)),
                _ => ScanSamples.Png(truth, degradation, i),
            };
            Assert.InRange(bytes.Length, 1_000, 200 * 1024);
            File.WriteAllBytes(Path.Combine(folder, file), bytes);
        }
    }
}
