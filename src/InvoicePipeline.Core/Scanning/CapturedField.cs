namespace InvoicePipeline.Scanning;

/// <summary>How a field value came to be.</summary>
public enum FieldSource
{
    Ocr,
    TextLayer,
    Register,
    Reviewer,
}

/// <summary>
/// One captured field: the value as normalised text (amounts "1234.50", dates "yyyy-MM-dd", accounts without
/// separators), its confidence 0..1, and why it is doubtful when it is.
/// </summary>
public sealed record CapturedField(string Name, string? Value, double Confidence, FieldSource Source, string? Doubt = null)
{
    public bool IsDoubtful => Doubt is not null;
}
