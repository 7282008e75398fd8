using SkiaSharp;

namespace InvoicePipeline.Worker.Tests.Scanned.Support;

/// <summary>Generated scans on disk: a seed gives the same invoice, layout, language and degradation every time.</summary>
public static class ScanSamples
{
    public static (ScanTruth Truth, string Path) WritePng(string folder, int seed, ScanTruth? truth = null, Degradation? degradation = null)
    {
        truth ??= ScanTruthFactory.Create(seed);
        using var bitmap = ScanRenderer.Render(InvoiceLayout.Compose(truth), degradation ?? Degradation.FromSeed(seed), seed);
        var path = Path.Combine(folder, $"scan-{seed:000}.png");
        File.WriteAllBytes(path, ScanRenderer.Encode(bitmap));
        return (truth, path);
    }

    public static string TempFolder()
    {
        var dir = Directory.CreateTempSubdirectory("ocr-tests-");
        return dir.FullName;
    }

    public static byte[] Png(ScanTruth truth, Degradation degradation, int seed)
    {
        using var bitmap = ScanRenderer.Render(InvoiceLayout.Compose(truth), degradation, seed);
        return ScanRenderer.Encode(bitmap);
    }

    public static byte[] Jpeg(ScanTruth truth, Degradation degradation, int seed)
    {
        using var bitmap = ScanRenderer.Render(InvoiceLayout.Compose(truth), degradation, seed);
        return ScanRenderer.Encode(bitmap, SKEncodedImageFormat.Jpeg, 85);
    }
}
