using SkiaSharp;

namespace InvoicePipeline.Worker.Tests.Scanned.Support;

/// <summary>How a scan is spoiled: skew in degrees, salt-and-pepper share, blur sigma, and resolution scale.</summary>
public sealed record Degradation(float RotationDegrees, double Noise, float Blur, float Scale)
{
    public static Degradation None { get; } = new(0, 0, 0, 1);

    /// <summary>A mild-to-moderate office-scanner degradation, deterministic from the seed.</summary>
    public static Degradation FromSeed(int seed)
    {
        var r = new Random(seed * 7919);
        return new Degradation(
            (float)(r.NextDouble() * 3 - 1.5),
            r.NextDouble() * 0.01,
            (float)(r.NextDouble() * 0.8),
            (float)(0.8 + r.NextDouble() * 0.2));
    }
}

/// <summary>Renders a laid-out invoice to a grey image with DejaVu fonts, then degrades it like a paper scan.</summary>
public static class ScanRenderer
{
    private const string FontDir = "/usr/share/fonts/truetype/dejavu/";
    private static readonly Lazy<SKTypeface> Regular = new(() => SKTypeface.FromFile(FontDir + "DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => SKTypeface.FromFile(FontDir + "DejaVuSans-Bold.ttf"));

    public static SKBitmap Render(IReadOnlyList<TextItem> items, Degradation degradation, int seed)
    {
        var w = (int)(InvoiceLayout.Width * degradation.Scale);
        var h = (int)(InvoiceLayout.Height * degradation.Scale);
        var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.RotateDegrees(degradation.RotationDegrees, w / 2f, h / 2f);
            canvas.Scale(degradation.Scale);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            if (degradation.Blur > 0.05f) paint.ImageFilter = SKImageFilter.CreateBlur(degradation.Blur, degradation.Blur);
            foreach (var item in items)
            {
                using var font = new SKFont(item.Bold ? Bold.Value : Regular.Value, item.Size);
                canvas.DrawText(item.Text, item.X, item.Y, item.RightAligned ? SKTextAlign.Right : SKTextAlign.Left, font, paint);
            }
        }
        AddNoise(bitmap, degradation.Noise, seed);
        return bitmap;
    }

    /// <summary>The width of the item's text in page pixels, in the font it is drawn in.</summary>
    public static float TextWidth(TextItem item)
    {
        using var font = new SKFont(item.Bold ? Bold.Value : Regular.Value, item.Size);
        return font.MeasureText(item.Text);
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 90)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    // Scanner dust and toner specks: a share of pixels flipped to black or white.
    private static void AddNoise(SKBitmap bitmap, double share, int seed)
    {
        if (share <= 0) return;
        var r = new Random(seed);
        var pixels = bitmap.GetPixelSpan();
        var span = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(pixels), pixels.Length);
        var count = (int)(span.Length * share);
        for (var i = 0; i < count; i++)
            span[r.Next(span.Length)] = r.Next(2) == 0 ? (byte)0 : (byte)255;
    }
}
