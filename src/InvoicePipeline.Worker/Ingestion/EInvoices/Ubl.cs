using System.Globalization;
using System.Xml.Linq;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// Namespace-agnostic access to UBL elements by local name: the same code reads UBL 2.1, OIOUBL (UBL 2.0/2.1)
/// and Svefaktura (UBL 1.0 namespaces), whose element names agree where it matters.
/// </summary>
internal static class Ubl
{
    public static XElement? El(this XElement? e, string name)
    {
        if (e is null) return null;
        foreach (var c in e.Elements())
            if (string.Equals(c.Name.LocalName, name, StringComparison.Ordinal)) return c;
        return null;
    }

    public static XElement? El(this XElement? e, string a, string b) => e.El(a).El(b);

    public static XElement? El(this XElement? e, string a, string b, string c) => e.El(a).El(b).El(c);

    public static IEnumerable<XElement> Els(this XElement? e, string name) =>
        e is null ? [] : e.Elements().Where(c => string.Equals(c.Name.LocalName, name, StringComparison.Ordinal));

    public static string? Text(this XElement? e)
    {
        if (e is null) return null;
        var v = e.Value.Trim();
        return v.Length == 0 ? null : v;
    }

    public static string? Attr(this XElement? e, string name) => e?.Attribute(name)?.Value.Trim() is { Length: > 0 } v ? v : null;

    public static decimal? Dec(this XElement? e) =>
        e.Text() is { } t && decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static DateOnly? Date(this XElement? e) =>
        e.Text() is { } t && DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>An XPath to the element like the official SVRL locations: /Invoice/cac:InvoiceLine[2]/cbc:ID.</summary>
    public static string PathOf(XObject? node)
    {
        if (node is XAttribute a) return PathOf(a.Parent) + "/@" + a.Name.LocalName;
        if (node is not XElement e) return "/";
        var parts = new List<string>();
        for (var cur = e; cur is not null; cur = cur.Parent)
        {
            var prefix = cur.Parent is null ? "" : cur.GetPrefixOfNamespace(cur.Name.Namespace) is { Length: > 0 } p ? p + ":" : "";
            var index = cur.Parent is null ? 1 : cur.ElementsBeforeSelf().Count(s => s.Name == cur.Name) + 1;
            var many = cur.Parent is not null && cur.Parent.Elements(cur.Name).Skip(1).Any();
            parts.Add(prefix + cur.Name.LocalName + (many ? $"[{index}]" : ""));
        }
        parts.Reverse();
        return "/" + string.Join('/', parts);
    }
}
