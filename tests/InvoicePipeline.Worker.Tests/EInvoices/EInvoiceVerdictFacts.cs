using InvoicePipeline.Worker.Ingestion.EInvoices;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.EInvoices;

/// <summary>
/// Our verdict (fatal or not) against the official artefacts' verdict in VALIDATION_RESULTS.tsv, for every file.
/// The official verdict for a file is read with the same rule-set selection we use: CEN + Peppol for Peppol BIS
/// documents, CEN only for other EN 16931 CIUS, OIOUBL 2.1 rules for OIOUBL, plus the UBL 2.1 XSD.
/// </summary>
public sealed class EInvoiceVerdictFacts
{
    [Fact]
    public void Read_AgreesWithTheOfficialVerdict_OnEveryFile()
    {
        var folder = SharedSamples.PathTo("samples", "einvoice");
        var options = new EInvoiceReaderOptions { ValidateSchema = true };
        UblSchema.SchemaFolder = SharedSamples.PathTo("samples", "einvoice-validation", "ubl-2.1-xsd");
        var disagreements = new List<string>();
        var rows = Tsv.Read(Path.Combine(folder, "VALIDATION_RESULTS.tsv"));
        foreach (var row in rows)
        {
            var expectedFatal = OfficialFatal(row);
            var result = EInvoiceReader.Read(File.ReadAllBytes(Path.Combine(folder, row["file"])), row["file"], options);
            var fatal = result.Rejection is not null;
            if (fatal != expectedFatal)
                disagreements.Add($"{row["file"]}: expected {(expectedFatal ? "fatal" : "not fatal")}, got {result.Rejection?.Reason ?? "accepted"}");
        }
        Assert.True(rows.Count > 80);
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    private static bool OfficialFatal(Dictionary<string, string> row)
    {
        static bool Has(string cell) => cell.Contains('/', StringComparison.Ordinal) && !cell.StartsWith("0F", StringComparison.Ordinal);
        if (row["xsd_ubl21"] == "INVALID") return true;
        var customization = row["customization"];
        if (customization.StartsWith("OIOUBL", StringComparison.Ordinal)) return Has(row["oioubl21"]);
        if (customization.Contains("urn:fdc:peppol.eu:2017:poacc:billing:3.0", StringComparison.Ordinal))
            return Has(row["cen_3.0.19"]) || Has(row["peppol_3.0.19"]);
        return Has(row["cen_3.0.19"]);
    }
}
