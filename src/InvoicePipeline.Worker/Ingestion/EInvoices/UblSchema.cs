using System.Xml;
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

    internal static IEnumerable<Finding> Validate(ReadOnlyMemory<byte> document)
    {
        if (SchemaFolder is null) return [];
        lock (Gate) _set ??= Load(SchemaFolder);
        return Validate(document, _set);
    }

    /// <summary>The document's bytes through a validating XmlReader (no DTD, no resolver); at most 20 findings.</summary>
    public static IReadOnlyList<Finding> Validate(ReadOnlyMemory<byte> document, XmlSchemaSet set)
    {
        var findings = new List<Finding>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (findings.Count < 20)
                findings.Add(new Finding("UBL-XSD", e.Severity == XmlSeverityType.Error ? FindingSeverity.Fatal : FindingSeverity.Warning,
                    "UBL 2.1 schema: " + e.Message, $"line {e.Exception?.LineNumber}, position {e.Exception?.LinePosition}"));
        };
        try
        {
            using var reader = XmlReader.Create(new ReadOnlyMemoryStream(document), settings);
            while (reader.Read()) { }
        }
        catch (XmlException)
        {
            // Not well-formed: the reader has already said so, and a document that far is never read past the loader.
        }
        return findings;
    }
}
