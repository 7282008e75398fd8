using System.Diagnostics;
using InvoicePipeline.Worker.Ingestion.Scanned;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.Scanned.Support;

/// <summary>
/// The real tesseract engine for tests. Skips with a reason when tesseract (with swe, dan, eng) is not installed,
/// and fails on CI, which installs it: OCR tests never fall back to a fake silently.
/// </summary>
public static class RealTesseract
{
    private static readonly Lazy<string?> Missing = new(Check);

    public static TesseractOcrEngine Engine(TesseractOptions? options = null)
    {
        if (Missing.Value is { } why) Ci.SkipOrFail(why);
        return new TesseractOcrEngine(options);
    }

    private static string? Check()
    {
        try
        {
            var start = new ProcessStartInfo("tesseract") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("--list-langs");
            using var p = Process.Start(start)!;
            var langs = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            var lines = langs.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
            return new[] { "swe", "dan", "eng" }.All(lines.Contains) ? null : "tesseract lacks one of the languages swe, dan, eng";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "tesseract is not installed";
        }
    }
}
