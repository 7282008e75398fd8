using System.ComponentModel.DataAnnotations;

namespace InvoicePipeline.Worker.Ingestion.Scanned;

/// <summary>How Tesseract is run. Defaults suit the Debian packages tesseract-ocr(-swe,-dan,-eng).</summary>
public sealed class TesseractOptions
{
    [Required]
    public string Executable { get; set; } = "tesseract";
    [Required]
    public string Languages { get; set; } = "swe+dan+eng";
    /// <summary>Time limit for one run of the engine (one image file, all its pages).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Further attempts after a timeout or crash. Hangfire retries the job too, so keep this small.</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 2;
    /// <summary>OpenMP threads per run: 1, because the batch runs pages in parallel instead.</summary>
    [Range(1, 64)]
    public int ThreadLimit { get; set; } = 1;
    /// <summary>
    /// Address space one run of the engine may map (util-linux <c>prlimit --as</c>): past it the engine fails and the
    /// scan is rejected, the worker untouched. Images over the pixel cap never get here. 0 runs it without a limit.
    /// </summary>
    [Range(typeof(long), "0", "1099511627776")]
    public long MemoryLimitBytes { get; set; } = 2L * 1024 * 1024 * 1024;
    /// <summary>The <c>prlimit</c> that applies <see cref="MemoryLimitBytes"/>; where it is missing the engine runs without the limit.</summary>
    public string Prlimit { get; set; } = "/usr/bin/prlimit";
}
