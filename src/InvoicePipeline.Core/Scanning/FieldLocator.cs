namespace InvoicePipeline.Scanning;

/// <summary>The text printed next to (or under) a label, with the lowest word confidence in it.</summary>
public sealed record LabelledText(string Field, string Text, double Confidence);

/// <summary>
/// Finds labels in the lines and the text that belongs to each: the words after the label on its line up to the
/// next label, or, when there are none (labels above boxes), the words just below it.
/// </summary>
public static class FieldLocator
{
    private sealed record Label(string Field, TextLine Line, int Start, int End);

    public static IReadOnlyList<LabelledText> Locate(IReadOnlyList<OcrWord> words)
    {
        var lines = TextLines.Build(words);
        var labels = lines.SelectMany(FindLabels).ToList();
        var labelled = new HashSet<OcrWord>(ReferenceEqualityComparer.Instance);
        foreach (var l in labels)
            for (var i = l.Start; i < l.End; i++) labelled.Add(l.Line.Words[i]);

        var found = new List<LabelledText>();
        foreach (var label in labels)
        {
            if (label.Field == FieldLabels.Ignore) continue;
            var value = SameLine(label, labels) ?? Below(label, lines, labelled);
            if (value is { Count: > 0 })
                found.Add(new LabelledText(label.Field, string.Join(' ', value.Select(w => w.Text)).Trim(), value.Min(w => w.Confidence)));
        }
        return found;
    }

    private static IEnumerable<Label> FindLabels(TextLine line)
    {
        var tokens = line.Words.Select(w => FieldLabels.Normalise(w.Text)).ToArray();
        var i = 0;
        while (i < tokens.Length)
        {
            var matched = 0;
            string? field = null;
            if (tokens[i].Length > 0)
            {
                for (var len = Math.Min(FieldLabels.LongestLabelWords, tokens.Length - i); len >= 1 && field is null; len--)
                {
                    field = FieldLabels.FieldFor(string.Concat(tokens.AsSpan(i, len).ToArray()));
                    if (field is not null) matched = len;
                }
            }
            if (field is not null)
            {
                yield return new Label(field, line, i, i + matched);
                i += matched;
            }
            else i++;
        }
    }

    private static List<OcrWord>? SameLine(Label label, List<Label> all)
    {
        var next = all.Where(l => ReferenceEquals(l.Line, label.Line) && l.Start >= label.End).Select(l => l.Start).DefaultIfEmpty(label.Line.Words.Count).Min();
        var words = label.Line.Words.Skip(label.End).Take(next - label.End).Where(w => FieldLabels.Normalise(w.Text).Length > 0).ToList();
        return words.Count > 0 ? words : null;
    }

    // Labels printed above their value: the nearest line below with a word starting under the label.
    private static List<OcrWord>? Below(Label label, IReadOnlyList<TextLine> lines, HashSet<OcrWord> labelled)
    {
        var first = label.Line.Words[label.Start];
        var last = label.Line.Words[label.End - 1];
        var h = first.Height;
        foreach (var line in lines.Where(l => l.Page == label.Line.Page && l.Top > first.Top + h * 0.5 && l.Top < last.Bottom + h * 3).OrderBy(l => l.Top))
        {
            var start = line.Words.ToList().FindIndex(w => w.Left >= first.Left - 2 * h && w.Left <= last.Right && !labelled.Contains(w));
            if (start < 0) continue;
            var value = new List<OcrWord> { line.Words[start] };
            for (var i = start + 1; i < line.Words.Count; i++)
            {
                var w = line.Words[i];
                if (labelled.Contains(w) || w.Left - value[^1].Right > 1.5 * h) break;
                value.Add(w);
            }
            return value;
        }
        return null;
    }
}
