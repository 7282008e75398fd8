namespace InvoicePipeline.Scanning;

/// <summary>
/// A reviewer's corrections to a scan (field → value as typed, empty for "not on the invoice"). The checks run
/// again over the corrected fields, so a correction that still does not add up stays LOW_CONFIDENCE; the
/// corrections are kept in <see cref="ScanCapture.Corrections"/>.
/// </summary>
public static class ScanCorrection
{
    public static ScanResult Apply(ScanResult previous, IReadOnlyDictionary<string, string> corrections, SupplierLookup lookup, ScanOptions? options = null)
    {
        foreach (var name in corrections.Keys)
            if (!ScanField.All.Contains(name, StringComparer.Ordinal))
                throw new ArgumentException($"'{name}' is not a scan field ({string.Join(", ", ScanField.All)}).", nameof(corrections));
        var merged = new Dictionary<string, string>(previous.Capture.Corrections, StringComparer.Ordinal);
        foreach (var (name, value) in corrections) merged[name] = value;
        return ScanReader.Evaluate(previous.Capture.Raw, merged, previous.Capture.PageConfidence, previous.Capture.Original, lookup,
            (options ?? ScanOptions.Default) with { Threshold = previous.Capture.Threshold });
    }
}
