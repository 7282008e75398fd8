namespace InvoicePipeline.Scanning;

/// <summary>A line of words in reading order, with each word's normalised form for label matching.</summary>
public sealed record TextLine(int Page, IReadOnlyList<OcrWord> Words)
{
    public double Top => Words.Min(w => w.Top);
    public double Bottom => Words.Max(w => w.Bottom);
    public double Height => Words.Average(w => w.Height);
}

/// <summary>Groups words into lines: by the engine's line ids when it gave them, else by vertical overlap.</summary>
public static class TextLines
{
    public static IReadOnlyList<TextLine> Build(IReadOnlyList<OcrWord> words)
    {
        var visible = words.Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        var lines = new List<TextLine>();
        foreach (var page in visible.GroupBy(w => w.Page).OrderBy(g => g.Key))
        {
            var pageLines = page.All(w => w.Line >= 0)
                ? page.GroupBy(w => w.Line).Select(g => g.OrderBy(w => w.Left).ToList())
                : ByGeometry(page);
            lines.AddRange(pageLines.Select(l => new TextLine(page.Key, l)));
        }
        return lines.OrderBy(l => l.Page).ThenBy(l => l.Top).ThenBy(l => l.Words[0].Left).ToList();
    }

    // A text layer has no skew, so words whose vertical centres lie within half a word height share a line.
    private static IEnumerable<List<OcrWord>> ByGeometry(IEnumerable<OcrWord> page)
    {
        var rows = new List<List<OcrWord>>();
        foreach (var word in page.OrderBy(w => w.CentreY))
        {
            var row = rows.LastOrDefault();
            if (row is not null && Math.Abs(row.Average(w => w.CentreY) - word.CentreY) <= word.Height / 2)
                row.Add(word);
            else
                rows.Add([word]);
        }
        return rows.Select(r => r.OrderBy(w => w.Left).ToList());
    }
}
