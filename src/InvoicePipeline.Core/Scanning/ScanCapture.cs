namespace InvoicePipeline.Scanning;

/// <summary>
/// What was read from a scan, field by field, after the cross-checks: value, confidence and doubt. Keeps the raw
/// reading and the reviewer's corrections so a correction can be re-checked and stays with the invoice.
/// </summary>
public sealed class ScanCapture
{
    public required IReadOnlyDictionary<string, CapturedField> Fields { get; init; }
    /// <summary>The values as first read, before checks or corrections.</summary>
    public required IReadOnlyDictionary<string, CapturedField> Raw { get; init; }
    /// <summary>The reviewer's corrections, field → value as typed.</summary>
    public IReadOnlyDictionary<string, string> Corrections { get; init; } = new Dictionary<string, string>();
    /// <summary>The register supplier the keys led to, if any.</summary>
    public string? SupplierId { get; init; }
    public double Threshold { get; init; }
    /// <summary>The scanned file itself (name, type, size, where it lies), kept with the invoice for the reviewer.</summary>
    public Invoices.Attachment? Original { get; init; }
    /// <summary>Mean confidence of all words on the pages: a quality figure for the scan.</summary>
    public double PageConfidence { get; init; }

    /// <summary>Names of the fields a person must look at, in <see cref="ScanField.All"/> order.</summary>
    public IReadOnlyList<string> Doubtful =>
        Fields.Values.Where(f => f.IsDoubtful).Select(f => f.Name).OrderBy(n => IndexOf(n)).ToList();

    public string? Value(string field) => Fields.TryGetValue(field, out var f) ? f.Value : null;

    private static int IndexOf(string name)
    {
        for (var i = 0; i < ScanField.All.Count; i++)
            if (string.Equals(ScanField.All[i], name, StringComparison.Ordinal)) return i;
        return int.MaxValue;
    }
}
