namespace InvoicePipeline.Scanning;

/// <summary>A line of words in reading order, with each word's normalised form for label matching.</summary>
public sealed record TextLine(int Page, IReadOnlyList<OcrWord> Words)
{
    public double Top => Words.Min(w => w.Top);
    public double Bottom => Words.Max(w => w.Bottom);
    public double Height => Words.Average(w => w.Height);
}

/// <summary>
/// Groups words into visual rows across the page. OCR engines split a row into separate lines when a wide gap
/// separates a label from its value (they see columns), so the engine's lines are only fragments: fragments are
/// chained left to right when they continue each other along the page's skew.
/// </summary>
public static class TextLines
{
    public static IReadOnlyList<TextLine> Build(IReadOnlyList<OcrWord> words)
    {
        var visible = words.Where(w => !string.IsNullOrWhiteSpace(w.Text)).SelectMany(SplitAtColon).ToList();
        var lines = new List<TextLine>();
        foreach (var page in visible.GroupBy(w => w.Page).OrderBy(g => g.Key))
        {
            var fragments = page.All(w => w.Line >= 0)
                ? page.GroupBy(w => w.Line).Select(g => g.OrderBy(w => w.Left).ToList()).ToList()
                : page.Select(w => new List<OcrWord> { w }).ToList();
            lines.AddRange(Chain(fragments, Skew(fragments)).Select(l => new TextLine(page.Key, l)));
        }
        return lines.OrderBy(l => l.Page).ThenBy(l => l.Words[0].CentreY).ThenBy(l => l.Words[0].Left).ToList();
    }

    private static List<List<OcrWord>> Chain(List<List<OcrWord>> fragments, double slope)
    {
        var rows = new List<List<OcrWord>>();
        foreach (var fragment in fragments.OrderBy(f => f[0].Left))
        {
            var first = fragment[0];
            List<OcrWord>? best = null;
            var bestDistance = double.MaxValue;
            foreach (var row in rows)
            {
                var last = row[^1];
                if (last.Right > first.Left + first.Height) continue;
                var expected = last.CentreY + slope * (first.Left - last.Right);
                var distance = Math.Abs(expected - first.CentreY);
                if (distance <= Math.Min(last.Height, first.Height) * 0.5 && distance < bestDistance)
                {
                    best = row;
                    bestDistance = distance;
                }
            }
            if (best is null) rows.Add([.. fragment]);
            else best.AddRange(fragment);
        }
        return rows;
    }

    // The page's skew as the median slope of fragments long enough to show one.
    private static double Skew(List<List<OcrWord>> fragments)
    {
        var slopes = fragments.Where(f => f.Count >= 3 && f[^1].Left - f[0].Left > 100)
            .Select(f => (f[^1].CentreY - f[0].CentreY) / (f[^1].Left - f[0].Left))
            .Order().ToList();
        return slopes.Count == 0 ? 0 : slopes[slopes.Count / 2];
    }

    // OCR glues a label to its value when the gap is narrow ("IBAN:DK60"): split after the colon, sharing the box by letters.
    private static IEnumerable<OcrWord> SplitAtColon(OcrWord word)
    {
        var text = word.Text;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1 || !char.IsLetter(text[0])) return [word];
        var head = text[..(colon + 1)];
        var tail = text[(colon + 1)..];
        var headWidth = word.Width * head.Length / text.Length;
        return
        [
            word with { Text = head, Width = headWidth },
            word with { Text = tail, Left = word.Left + headWidth, Width = word.Width - headWidth },
        ];
    }
}
