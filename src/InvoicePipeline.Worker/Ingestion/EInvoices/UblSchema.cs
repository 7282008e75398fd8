using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using InvoicePipeline.Validation;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// Optional UBL 2.1 XSD validation (XmlSchemaSet). The schemas are not shipped in the binary: the host points
/// <see cref="SchemaFolder"/> at the OASIS maindoc/common folders once at start-up. Findings use rule id "UBL-XSD".
/// </summary>
public static class UblSchema
{
    private static XmlSchemaSet? _set;
    private static readonly Lock Gate = new();

    /// <summary>The folder holding maindoc/ and common/ of UBL 2.1; set once by the host before enabling schema checks.</summary>
    public static string? SchemaFolder { get; set; }

    public static XmlSchemaSet Load(string folder)
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", Path.Combine(folder, "maindoc", "UBL-Invoice-2.1.xsd"));
        set.Add("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", Path.Combine(folder, "maindoc", "UBL-CreditNote-2.1.xsd"));
        set.Compile();
        return set;
    }

    internal static IEnumerable<Finding> Validate(XDocument document)
    {
        if (SchemaFolder is null) return [];
        lock (Gate) _set ??= Load(SchemaFolder);
        return Validate(document, _set);
    }

    public static IReadOnlyList<Finding> Validate(XDocument document, XmlSchemaSet set)
    {
        var findings = new List<Finding>();
        document.Validate(set, (_, e) =>
        {
            if (findings.Count < 20)
                findings.Add(new Finding("UBL-XSD", e.Severity == XmlSeverityType.Error ? FindingSeverity.Fatal : FindingSeverity.Warning,
                    "UBL 2.1 schema: " + e.Message, $"line {e.Exception?.LineNumber}, position {e.Exception?.LinePosition}"));
        });
        return findings;
    }
}
