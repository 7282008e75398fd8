namespace InvoicePipeline.Scanning;

/// <summary>
/// One word read from a page, by OCR or from a PDF text layer. The box is in page pixels (origin top left).
/// <paramref name="Confidence"/> is 0..1 (a text layer is 1). <paramref name="Line"/> groups words the engine
/// saw as one text line (-1 when it does not know: lines are then found from the geometry).
/// </summary>
public sealed record OcrWord(
    string Text,
    int Page,
    double Left,
    double Top,
    double Width,
    double Height,
    double Confidence,
    long Line = -1)
{
    public double Right => Left + Width;
    public double Bottom => Top + Height;
    public double CentreY => Top + Height / 2;
}
