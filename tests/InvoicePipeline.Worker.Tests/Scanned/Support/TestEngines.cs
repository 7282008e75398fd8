using InvoicePipeline.Scanning;
using InvoicePipeline.Worker.Ingestion.Scanned;

namespace InvoicePipeline.Worker.Tests.Scanned.Support;

/// <summary>For inputs that must never reach OCR (text layers, files refused up front): fails the test if called.</summary>
public sealed class NoOcrEngine : IOcrEngine
{
    public Task<IReadOnlyList<OcrWord>> RecognizeAsync(string imagePath, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("OCR must not run for " + imagePath);
}

/// <summary>An engine that never answers: the one behaviour the real one cannot be made to show on demand.</summary>
public sealed class HangingEngine : IOcrEngine
{
    public async Task<IReadOnlyList<OcrWord>> RecognizeAsync(string imagePath, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return [];
    }
}
