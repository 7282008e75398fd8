using InvoicePipeline.Invoices;

namespace InvoicePipeline.Scanning;

/// <summary>
/// Field capture from the words of a scan: find labelled values, check them, look the supplier up, and build the
/// invoice. Pure: the caller reads the pages (OCR or text layer) and passes the register lookup in.
/// </summary>
public static class ScanReader
{
    public static ScanResult Read(
        IReadOnlyList<OcrWord> words,
        SupplierLookup lookup,
        ScanOptions? options = null,
        FieldSource source = FieldSource.Ocr,
        Attachment? original = null)
    {
        var raw = new Dictionary<string, CapturedField>(StringComparer.Ordinal);
        var located = FieldLocator.Locate(words);
        foreach (var found in located)
        {
            if (raw.ContainsKey(found.Field)) continue;
            if (FieldValues.Normalise(found.Field, found.Text) is { } value)
                raw[found.Field] = new CapturedField(found.Field, value, ConfidenceOf(found, value), source);
        }
        // No currency label: the code printed beside the total ("I alt DKK 1.250,00") says it.
        if (!raw.ContainsKey(ScanField.Currency))
        {
            foreach (var found in located.Where(f => f.Field is ScanField.Total or ScanField.Net or ScanField.Vat))
            {
                var code = found.Words.FirstOrDefault(w => ScanFormats.IsCurrency(w.Text.Trim(':', '.').ToUpperInvariant()));
                if (code is null) continue;
                raw[ScanField.Currency] = new CapturedField(ScanField.Currency, code.Text.Trim(':', '.').ToUpperInvariant(), code.Confidence, source);
                break;
            }
        }
        var pageConfidence = words.Count == 0 ? 0 : words.Average(w => w.Confidence);
        return Evaluate(raw, new Dictionary<string, string>(), pageConfidence, original, lookup, options ?? ScanOptions.Default);
    }

    // The confidence of the words the value was read from, not of stray marks beside it ("7 SEK"): the smallest
    // run of words that still gives the same value.
    private static double ConfidenceOf(LabelledText found, string value)
    {
        var words = found.Words;
        var best = words;
        for (var i = 0; i < words.Count; i++)
            for (var j = i; j < words.Count; j++)
            {
                if (j - i + 1 >= best.Count) break;
                var window = words.Skip(i).Take(j - i + 1).ToList();
                if (FieldValues.Normalise(found.Field, string.Join(' ', window.Select(w => w.Text))) == value) best = window;
            }
        return best.Min(w => w.Confidence);
    }

    internal static ScanResult Evaluate(
        IReadOnlyDictionary<string, CapturedField> raw,
        IReadOnlyDictionary<string, string> corrections,
        double pageConfidence,
        Attachment? original,
        SupplierLookup lookup,
        ScanOptions options)
    {
        var fields = new Dictionary<string, CapturedField>(raw, StringComparer.Ordinal);
        foreach (var (name, typed) in corrections)
        {
            var value = string.IsNullOrWhiteSpace(typed) ? null : FieldValues.Normalise(name, typed);
            fields[name] = value is null && !string.IsNullOrWhiteSpace(typed)
                ? new CapturedField(name, null, 0, FieldSource.Reviewer, "correction not understood: " + typed)
                : new CapturedField(name, value, 1.0, FieldSource.Reviewer);
        }
        var checks = new ScanChecks(fields, options);
        checks.Run(lookup);
        var capture = new ScanCapture
        {
            Fields = fields,
            Raw = raw,
            Corrections = corrections,
            SupplierId = checks.Supplier?.SupplierId,
            Threshold = options.Threshold,
            PageConfidence = pageConfidence,
            Original = original,
        };
        var invoice = ScanInvoiceBuilder.Build(capture, checks.Supplier);
        var doubtful = capture.Doubtful;
        IReadOnlyList<InvoiceIssue> issues = doubtful.Count == 0
            ? []
            : [new InvoiceIssue(ExceptionCode.LowConfidence, "doubtful fields: " + string.Join(", ", doubtful.Select(d => $"{d} ({fields[d].Doubt})")))];
        return new ScanResult(invoice, capture, issues);
    }
}
