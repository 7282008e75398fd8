namespace InvoicePipeline.Worker.Ingestion.Scanned;

/// <summary>How Tesseract is run. Defaults suit the Debian packages tesseract-ocr(-swe,-dan,-eng).</summary>
public sealed class TesseractOptions
{
    public string Executable { get; set; } = "tesseract";
    public string Languages { get; set; } = "swe+dan+eng";
    /// <summary>Time limit for one run of the engine (one image file, all its pages).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Further attempts after a timeout or crash. Hangfire retries the job too, so keep this small.</summary>
    public int Retries { get; set; } = 2;
    /// <summary>OpenMP threads per run: 1, because the batch runs pages in parallel instead.</summary>
    public int ThreadLimit { get; set; } = 1;
}
