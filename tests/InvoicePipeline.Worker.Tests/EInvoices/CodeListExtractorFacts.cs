using InvoicePipeline.Validation;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.EInvoices;

public sealed class CodeListExtractorFacts
{
    private static string GeneratedFile => Path.Combine(RepositoryRoot.Find(), "src", "InvoicePipeline.Core", "Validation", "CodeLists.g.cs");

    [Fact]
    public void GeneratedCodeLists_MatchTheOfficialXslt()
    {
        var lists = CodeListExtractor.Extract(SharedSamples.PathTo("samples", "einvoice-validation"));
        var source = CodeListExtractor.ToCSharp(lists);
        if (string.Equals(Environment.GetEnvironmentVariable("REGENERATE_CODELISTS"), "1", StringComparison.Ordinal))
            File.WriteAllText(GeneratedFile, source);
        Assert.Equal(source, File.ReadAllText(GeneratedFile));
    }

    [Fact]
    public void CodeLists_HoldTheCodesTheRulesUse()
    {
        Assert.Contains("SEK", (IReadOnlySet<string>)CodeLists.Currencies);
        Assert.Contains("0007", (IReadOnlySet<string>)CodeLists.EasSchemes);
        Assert.Contains("AE", (IReadOnlySet<string>)CodeLists.VatCategories);
        Assert.Contains("C62", (IReadOnlySet<string>)CodeLists.UnitCodes);
        Assert.DoesNotContain("XXX1", (IReadOnlySet<string>)CodeLists.Currencies);
        Assert.Contains("381", (IReadOnlySet<string>)CodeLists.CreditNoteTypeCodes);
        Assert.DoesNotContain("381", (IReadOnlySet<string>)CodeLists.InvoiceTypeCodes);
    }
}
