using System.Globalization;
using InvoicePipeline.Scanning;

namespace InvoicePipeline.Worker.Ingestion.Scanned;

/// <summary>
/// Parses Tesseract's TSV output: level page_num block_num par_num line_num word_num left top width height conf text.
/// Level 5 rows are words; block, paragraph and line numbers make the line id.
/// </summary>
public static class TesseractTsv
{
    public static IReadOnlyList<OcrWord> Parse(string tsv, int pageOffset = 0)
    {
        var words = new List<OcrWord>();
        foreach (var row in tsv.Split('\n'))
        {
            var c = row.TrimEnd('\r').Split('\t');
            if (c.Length < 12 || c[0] != "5") continue;
            if (!TryInts(c, out var n)) continue;
            var text = c[11].Trim();
            if (text.Length == 0) continue;
            var conf = double.TryParse(c[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var cf) ? Math.Clamp(cf / 100, 0, 1) : 0;
            var page = n[1] + pageOffset;
            var line = ((long)page * 1_000_000) + (n[2] * 10_000L) + (n[3] * 100L) + n[4];
            words.Add(new OcrWord(text, page, n[6], n[7], n[8], n[9], conf, line));
        }
        return words;
    }

    private static bool TryInts(string[] c, out int[] values)
    {
        values = new int[10];
        for (var i = 0; i < 10; i++)
            if (!int.TryParse(c[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i])) return false;
        return true;
    }
}
