using System.Globalization;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// Namespace-agnostic access to UBL elements by local name: the same code reads UBL 2.1, OIOUBL (UBL 2.0/2.1)
/// and Svefaktura (UBL 1.0 namespaces), whose element names agree where it matters.
/// </summary>
internal static class Ubl
{
    public static UblElement? El(this UblElement? e, string name) => e?.FirstChild(name);

    public static UblElement? El(this UblElement? e, string a, string b) => e.El(a).El(b);

    public static UblElement? El(this UblElement? e, string a, string b, string c) => e.El(a).El(b).El(c);

    /// <summary>The children with this local name (an empty list, allocated once, when there are none: the usual case).</summary>
    public static IReadOnlyList<UblElement> Els(this UblElement? e, string name)
    {
        if (e is null) return [];
        List<UblElement>? found = null;
        foreach (var c in e.Elements())
            if (string.Equals(c.Name.LocalName, name, StringComparison.Ordinal)) (found ??= new List<UblElement>(2)).Add(c);
        return found ?? (IReadOnlyList<UblElement>)[];
    }

    public static string? Text(this UblElement? e)
    {
        if (e is null) return null;
        var v = e.Value.Trim();
        return v.Length == 0 ? null : v;
    }

    public static string? Attr(this UblElement? e, string name) => e?.AttributeValue(name)?.Trim() is { Length: > 0 } v ? v : null;

    public static decimal? Dec(this UblElement? e) =>
        e.Text() is { } t && decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static DateOnly? Date(this UblElement? e) =>
        e.Text() is { } t && DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>An XPath to the element like the official SVRL locations: /Invoice/cac:InvoiceLine[2]/cbc:ID.</summary>
    public static string PathOf(UblObject? node)
    {
        if (node is UblAttribute a) return PathOf(a.Parent) + "/@" + a.Name.LocalName;
        if (node is not UblElement e) return "/";
        var parts = new List<string>();
        for (var cur = e; cur is not null; cur = cur.Parent)
        {
            var prefix = cur.Parent is null || cur.Prefix.Length == 0 ? "" : cur.Prefix + ":";
            var (index, count) = (1, 0);
            if (cur.Parent is not null)
                foreach (var s in cur.Parent.Elements())
                {
                    if (s.Name != cur.Name) continue;
                    count++;
                    if (ReferenceEquals(s, cur)) index = count;
                }
            parts.Add(prefix + cur.Name.LocalName + (count > 1 ? $"[{index}]" : ""));
        }
        parts.Reverse();
        return "/" + string.Join('/', parts);
    }
}
