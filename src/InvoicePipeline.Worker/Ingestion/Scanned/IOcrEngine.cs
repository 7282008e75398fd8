using InvoicePipeline.Scanning;

namespace InvoicePipeline.Worker.Ingestion.Scanned;

/// <summary>Reads the words of an image file (PNG, JPEG, TIFF with all its pages). The one seam to the OCR engine.</summary>
public interface IOcrEngine
{
    Task<IReadOnlyList<OcrWord>> RecognizeAsync(string imagePath, CancellationToken cancellationToken);
}

/// <summary>The engine could not read the image at all (not an image, or damaged): retrying will not help.</summary>
public sealed class UnreadableImageException(string message) : Exception(message);

/// <summary>The engine failed in a way another attempt may not (crash, killed).</summary>
public sealed class OcrEngineFailedException(string message) : Exception(message);
