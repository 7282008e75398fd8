using System.Collections.Frozen;
using InvoicePipeline.Validation;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>Small helpers the XML-level rules share: add a finding at an element, check a code list.</summary>
internal sealed class XmlRuleContext(UblElement root, List<Finding> findings)
{
    public UblElement Root { get; } = root;
    public List<Finding> Findings { get; } = findings;
    public bool IsCreditNote { get; } = string.Equals(root.Name.LocalName, "CreditNote", StringComparison.Ordinal);
    public string LineName => IsCreditNote ? "CreditNoteLine" : "InvoiceLine";

    public void Fatal(string rule, string message, UblObject? at) => Findings.Add(Finding.Fatal(rule, message, Ubl.PathOf(at ?? Root)));

    public void Warn(string rule, string message, UblObject? at) => Findings.Add(Finding.Warning(rule, message, Ubl.PathOf(at ?? Root)));

    public void Require(string rule, UblElement? context, string name, string what)
    {
        if (context is not null && context.El(name).Text() is null) Fatal(rule, what + " is missing.", context);
    }

    public void Code(string rule, FrozenSet<string> list, string? value, UblObject at, string what)
    {
        if (value is not null && !list.Contains(value)) Fatal(rule, $"{what} '{value}' is not in the code list.", at);
    }

    /// <summary>Every element under the root in document order (recorded while the document was read).</summary>
    public List<UblElement> Descendants { get; } = root.DocumentOrder;

    /// <summary>All descendants with this local name (UBL names are unique per meaning, so local names suffice).</summary>
    public IReadOnlyList<UblElement> All(string localName)
    {
        List<UblElement>? found = null;
        foreach (var d in Descendants)
            if (string.Equals(d.Name.LocalName, localName, StringComparison.Ordinal)) (found ??= []).Add(d);
        return found ?? (IReadOnlyList<UblElement>)[];
    }
}
