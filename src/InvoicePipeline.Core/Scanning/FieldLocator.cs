namespace InvoicePipeline.Scanning;

/// <summary>The text printed next to (or under) a label, with the lowest word confidence in it.</summary>
public sealed record LabelledText(string Field, IReadOnlyList<OcrWord> Words)
{
    public string Text => string.Join(' ', Words.Select(w => w.Text)).Trim();
}

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
            // Both places are candidates: the reader takes the first with the field's shape.
            if (SameLine(label, labels) is { } right) found.Add(new LabelledText(label.Field, right));
            if (Below(label, lines, labelled) is { } below) found.Add(new LabelledText(label.Field, below));
        }
        return found;
    }

    private static IEnumerable<Label> FindLabels(TextLine line)
    {
        var tokens = line.Words.Select(w => FieldLabels.NormaliseLabelWord(w.Text)).ToArray();
        var i = 0;
        while (i < tokens.Length)
        {
            var matched = 0;
            string? field = null;
            // Longest first; at each length an exact label before one misread by a letter or two ("Férfallodatum").
            if (tokens[i].Length > 0)
            {
                for (var len = Math.Min(FieldLabels.LongestLabelWords, tokens.Length - i); len >= 1 && field is null; len--)
                {
                    var span = tokens.AsSpan(i, len).ToArray();
                    var text = string.Concat(span);
                    // A misread label never swallows a number: "Belopp exkl. moms 14" is a label and an amount.
                    field = FieldLabels.FieldFor(text)
                        ?? (span.Any(t => t.Any(char.IsDigit)) ? null : FieldLabels.FieldForMisread(text));
                    if (field is not null) matched = len;
                }
                // A rate glued to its label: "VAT.25%", "Moms25%".
                if (field is null && tokens[i].TrimEnd("0123456789".ToCharArray()) is { Length: >= 3 } stem && stem.Length < tokens[i].Length)
                {
                    field = FieldLabels.FieldFor(stem);
                    if (field is not null) matched = 1;
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

    // Labels printed above their value: the nearest word below that starts under the label, and the words that
    // follow it closely on its row. Compared word by word, not by row, as a skewed row is higher at one end.
    private static List<OcrWord>? Below(Label label, IReadOnlyList<TextLine> lines, HashSet<OcrWord> labelled)
    {
        var first = label.Line.Words[label.Start];
        var last = label.Line.Words[label.End - 1];
        var h = first.Height;
        (TextLine Line, int Index)? nearest = null;
        foreach (var line in lines.Where(l => l.Page == label.Line.Page && !ReferenceEquals(l, label.Line)))
        {
            for (var i = 0; i < line.Words.Count; i++)
            {
                var w = line.Words[i];
                if (w.Left < first.Left - 2 * h || w.Left > last.Right || w.Top <= first.Bottom - h * 0.2 || w.Top > last.Bottom + 2 * h) continue;
                if (nearest is null || w.Top < nearest.Value.Line.Words[nearest.Value.Index].Top) nearest = (line, i);
                break;
            }
        }
        if (nearest is not { } found || labelled.Contains(found.Line.Words[found.Index])) return null;
        var value = new List<OcrWord> { found.Line.Words[found.Index] };
        for (var i = found.Index + 1; i < found.Line.Words.Count; i++)
        {
            var w = found.Line.Words[i];
            if (labelled.Contains(w) || w.Left - value[^1].Right > 1.5 * h) break;
            value.Add(w);
        }
        return value;
    }
}
