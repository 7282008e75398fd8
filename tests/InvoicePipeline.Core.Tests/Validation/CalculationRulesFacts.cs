using InvoicePipeline.Invoices;
using InvoicePipeline.Validation;

namespace InvoicePipeline.Tests.Validation;

public sealed class CalculationRulesFacts
{
    private static Invoice Sample(decimal payable = 125m, decimal vatAmount = 25m) => new()
    {
        Kind = DocumentKind.Invoice,
        DueDate = new DateOnly(2026, 4, 1),
        Lines = [new InvoiceLine { Id = "1", Quantity = 1, NetAmount = 100m, VatCategory = "S", VatRate = 25m }],
        VatBreakdown = [new VatBreakdown("S", 25m, 100m, vatAmount)],
        Totals = new MonetaryTotals { LineExtension = 100m, TaxExclusive = 100m, TaxTotal = 25m, TaxInclusive = 125m, Payable = payable },
        Seller = new Party { VatId = "SE556036079301" },
    };

    private static List<Finding> Run(Invoice inv)
    {
        var findings = new List<Finding>();
        CalculationRules.Check(inv, findings);
        VatCategoryRules.Check(inv, findings);
        return findings;
    }

    [Fact]
    public void Check_FindsNothing_ForAConsistentInvoice() => Assert.Empty(Run(Sample()));

    [Fact]
    public void Check_RaisesBrCo16_WhenAmountDueDoesNotAddUp() =>
        Assert.Contains(Run(Sample(payable: 126m)), f => f.RuleId == "BR-CO-16" && f.IsFatal && f.Location.EndsWith("PayableAmount", StringComparison.Ordinal));

    [Fact]
    public void Check_RaisesBrCo14AndBrS09_WhenTheVatAmountIsWrong()
    {
        var findings = Run(Sample(vatAmount: 30m));
        Assert.Contains(findings, f => f.RuleId == "BR-CO-14");
        Assert.Contains(findings, f => f.RuleId == "BR-S-09");
    }

    [Fact]
    public void Check_RaisesBrS02_WhenStandardRatedWithoutSellerVatId()
    {
        var inv = Sample();
        var noVat = new Invoice { Kind = inv.Kind, DueDate = inv.DueDate, Lines = inv.Lines, VatBreakdown = inv.VatBreakdown, Totals = inv.Totals };
        Assert.Contains(Run(noVat), f => f.RuleId == "BR-S-02");
    }

    [Fact]
    public void Select_PicksPeppolRulesOnlyForPeppolDocuments()
    {
        Assert.Equal(RuleSets.En16931 | RuleSets.Peppol, RuleSetSelector.Select("UBL-2.1", "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"));
        Assert.Equal(RuleSets.En16931, RuleSetSelector.Select("UBL-2.1", "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"));
        Assert.Equal(RuleSets.Oioubl, RuleSetSelector.Select("OIOUBL-2.1", "OIOUBL-2.1"));
    }
}
