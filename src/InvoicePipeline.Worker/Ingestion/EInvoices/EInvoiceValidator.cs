using InvoicePipeline.Invoices;
using InvoicePipeline.Validation;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// Runs the rule sets that apply to the document (chosen by CustomizationID): XML-level rules here, model-level
/// rules (calculations, VAT categories) from Core.
/// </summary>
internal static class EInvoiceValidator
{
    public static void Validate(UblElement root, Invoice invoice, List<Finding> findings)
    {
        var sets = RuleSetSelector.Select(invoice.Syntax, invoice.CustomizationId);
        var x = new XmlRuleContext(root, findings);
        if (sets.HasFlag(RuleSets.En16931))
        {
            En16931XmlRules.Check(x);
            CalculationRules.Check(invoice, findings);
            VatCategoryRules.Check(invoice, findings);
        }
        if (sets.HasFlag(RuleSets.Peppol)) PeppolXmlRules.Check(x);
        if (sets.HasFlag(RuleSets.Oioubl)) OioublRules.Check(x);
        if (sets.HasFlag(RuleSets.Svefaktura)) SvefakturaRules.Check(x);
    }
}
