namespace InvoicePipeline.Worker.Tests.EInvoices;

/// <summary>Reads the sample TSV files as rows of column name → value.</summary>
internal static class Tsv
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split('\t');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = l.Split('\t');
            return header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(p => p.h, p => p.v, StringComparer.Ordinal);
        })];
    }
}
