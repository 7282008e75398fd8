using System.Collections.Frozen;
using System.Xml.Linq;
using InvoicePipeline.Validation;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>Small helpers the XML-level rules share: add a finding at an element, check a code list.</summary>
internal sealed class XmlRuleContext(XElement root, List<Finding> findings)
{
    public XElement Root { get; } = root;
    public List<Finding> Findings { get; } = findings;
    public bool IsCreditNote { get; } = string.Equals(root.Name.LocalName, "CreditNote", StringComparison.Ordinal);
    public string LineName => IsCreditNote ? "CreditNoteLine" : "InvoiceLine";

    public void Fatal(string rule, string message, XObject? at) => Findings.Add(Finding.Fatal(rule, message, Ubl.PathOf(at ?? Root)));

    public void Warn(string rule, string message, XObject? at) => Findings.Add(Finding.Warning(rule, message, Ubl.PathOf(at ?? Root)));

    public void Require(string rule, XElement? context, string name, string what)
    {
        if (context is not null && context.El(name).Text() is null) Fatal(rule, what + " is missing.", context);
    }

    public void Code(string rule, FrozenSet<string> list, string? value, XObject at, string what)
    {
        if (value is not null && !list.Contains(value)) Fatal(rule, $"{what} '{value}' is not in the code list.", at);
    }

    /// <summary>All descendants with this local name (UBL names are unique per meaning, so local names suffice).</summary>
    public IEnumerable<XElement> All(string localName) => Root.Descendants().Where(d => string.Equals(d.Name.LocalName, localName, StringComparison.Ordinal));
}
