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

    private List<XElement>? _descendants;
    private Dictionary<string, List<XElement>>? _byName;

    /// <summary>Every element under the root in document order, walked once per document however many rules ask.</summary>
    public List<XElement> Descendants => _descendants ??= Root.Descendants().ToList();

    /// <summary>All descendants with this local name (UBL names are unique per meaning, so local names suffice).</summary>
    public IReadOnlyList<XElement> All(string localName)
    {
        if (_byName is null)
        {
            _byName = new Dictionary<string, List<XElement>>(StringComparer.Ordinal);
            foreach (var d in Descendants)
            {
                if (!_byName.TryGetValue(d.Name.LocalName, out var list)) _byName[d.Name.LocalName] = list = [];
                list.Add(d);
            }
        }
        return _byName.TryGetValue(localName, out var found) ? found : [];
    }
}
