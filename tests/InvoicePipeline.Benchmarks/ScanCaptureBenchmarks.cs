using BenchmarkDotNet.Attributes;
using InvoicePipeline.Scanning;
using InvoicePipeline.Worker.Ingestion.Scanned;

namespace InvoicePipeline.Benchmarks;

/// <summary>
/// Field capture from the words of one scanned page (pure, after OCR), and parsing tesseract's TSV. OCR itself is
/// measured by the accuracy test (docs/benchmarks-ocr.md): it costs about a thousand times more.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(iterationCount: 5, warmupCount: 2)]
public class ScanCaptureBenchmarks
{
    private IReadOnlyList<OcrWord> _words = [];
    private string _tsv = "";

    [GlobalSetup]
    public void Setup()
    {
        var rows = new (string Label, string Value)[]
        {
            ("Fakturanummer:", "F10234"), ("Fakturadatum:", "2026-11-02"), ("Förfallodatum:", "2026-12-02"),
            ("Er referens:", "Anna Berg"), ("Ordernummer:", "PO-45001"), ("Valuta:", "SEK"),
            ("Belopp exkl. moms", "10 000,00"), ("Moms 25%", "2 500,00"), ("Att betala", "SEK 12 500,00"),
            ("Bankgiro:", "5050-1055"), ("OCR:", "1234567897"), ("Org.nr:", "556036-0793"), ("Momsreg.nr:", "SE556036079301"),
        };
        var words = new List<OcrWord>();
        var tsv = new System.Text.StringBuilder("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
        var y = 100;
        var line = 0;
        void Add(string text, int x)
        {
            foreach (var w in text.Split(' '))
            {
                words.Add(new OcrWord(w, 1, x, y, w.Length * 10, 20, 0.93, line));
                tsv.Append(System.FormattableString.Invariant($"5\t1\t1\t1\t{line}\t1\t{x}\t{y}\t{w.Length * 10}\t20\t93.1\t{w}\n"));
                x += (w.Length + 1) * 10;
            }
        }
        // Filler text as on a real page (addresses, item lines), then the labelled fields.
        for (var i = 0; i < 20; i++, y += 25, line++) Add("Storgatan 12 118 20 Stockholm Konsulttjänster oktober 2026", 60);
        foreach (var (label, value) in rows)
        {
            Add(label, 60);
            Add(value, 400);
            y += 30;
            line++;
        }
        _words = words;
        _tsv = tsv.ToString();
    }

    [Benchmark(Baseline = true)]
    public ScanResult Capture() => ScanReader.Read(_words, SupplierLookups.None);

    [Benchmark]
    public IReadOnlyList<OcrWord> ParseTesseractTsv() => TesseractTsv.Parse(_tsv);
}
