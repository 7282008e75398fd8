using InvoicePipeline.Scanning;

namespace InvoicePipeline.Tests.Scanning.Support;

/// <summary>Lays words out like a text layer: each <see cref="Text"/> call puts space-separated words at x, y.</summary>
public sealed class PageBuilder
{
    private const double CharWidth = 10;
    private const double Height = 20;
    private readonly List<OcrWord> _words = [];

    public PageBuilder Text(double x, double y, string text, double confidence = 0.95)
    {
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            _words.Add(new OcrWord(word, 1, x, y, word.Length * CharWidth, Height, confidence));
            x += (word.Length + 1) * CharWidth;
        }
        return this;
    }

    /// <summary>A label at the left margin and its value in a column to the right, on one row.</summary>
    public PageBuilder Row(double y, string label, string value, double confidence = 0.95) =>
        Text(60, y, label).Text(400, y, value, confidence);

    public IReadOnlyList<OcrWord> Words => _words;

    /// <summary>A complete Swedish invoice whose checks all pass; <paramref name="change"/> overrides single rows.</summary>
    public static PageBuilder SwedishInvoice(Func<string, string?>? change = null)
    {
        var rows = new (string Label, string Value)[]
        {
            ("Fakturanummer:", "F10234"), ("Fakturadatum:", "2026-11-02"), ("Förfallodatum:", "2026-12-02"),
            ("Er referens:", "Anna Berg"), ("Ordernummer:", "PO-45001"), ("Valuta:", "SEK"),
            ("Belopp exkl. moms", "10 000,00"), ("Moms 25%", "2 500,00"), ("Att betala", "SEK 12 500,00"),
            ("Bankgiro:", "5050-1055"), ("OCR:", "1234567897"), ("Org.nr:", "556036-0793"), ("Momsreg.nr:", "SE556036079301"),
        };
        var page = new PageBuilder().Text(60, 40, "Leverantören AB").Text(700, 40, "FAKTURA");
        var y = 100.0;
        foreach (var (label, value) in rows)
        {
            var v = change?.Invoke(label) ?? value;
            if (v.Length > 0) page.Row(y, label, v);
            else page.Text(60, y, label);
            y += 30;
        }
        return page;
    }
}
