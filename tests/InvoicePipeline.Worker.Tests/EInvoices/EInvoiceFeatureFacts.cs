using System.Globalization;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Ingestion.EInvoices;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.EInvoices;

/// <summary>The reader's output against FEATURES.tsv (an independent XPath extraction) for every file listed there.</summary>
public sealed class EInvoiceFeatureFacts
{
    [Fact]
    public void Read_ProducesTheIndependentlyExtractedFields_ForEveryFile()
    {
        var folder = SharedSamples.PathTo("samples", "einvoice");
        var mismatches = new List<string>();
        var rows = Tsv.Read(Path.Combine(folder, "FEATURES.tsv"));
        foreach (var row in rows)
        {
            var result = EInvoiceReader.Read(File.ReadAllBytes(Path.Combine(folder, row["file"])), row["file"]);
            var inv = result.Invoice;
            if (inv is null) { mismatches.Add($"{row["file"]}: not read ({result.Rejection})"); continue; }
            foreach (var (column, actual) in Actual(inv))
            {
                var expected = row[column];
                if (!Same(column, expected, actual)) mismatches.Add($"{row["file"]}: {column} expected '{expected}', got '{actual}'");
            }
        }
        Assert.True(rows.Count > 80);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static IEnumerable<(string, string)> Actual(Invoice inv)
    {
        var oioubl = inv.Syntax.StartsWith("OIOUBL", StringComparison.Ordinal);
        yield return ("doc", inv.Kind.ToString());
        yield return ("customization", inv.CustomizationId ?? "");
        yield return ("type_code", inv.TypeCode ?? "");
        yield return ("id", inv.Number);
        yield return ("issue_date", Date(inv.IssueDate));
        yield return ("due_date", inv.DueDate is { } d ? Date(d) : "");
        yield return ("currency", inv.Currency);
        yield return ("tax_currency", inv.TaxCurrency ?? "");
        yield return ("buyer_ref", inv.BuyerReference ?? "");
        yield return ("order_ref", inv.OrderReference ?? "");
        yield return ("contract_ref", inv.ContractReference ?? "");
        yield return ("project_ref", inv.ProjectReference ?? "");
        yield return ("billing_ref", inv.BillingReferences.Count > 0 ? inv.BillingReferences[0] : "");
        yield return ("accounting_cost", inv.AccountingCost ?? "");
        yield return ("invoice_period", inv.Period is { } p ? $"{(p.Start is { } s ? Date(s) : "")}..{(p.End is { } e ? Date(e) : "")}" : "");
        yield return ("seller_endpoint", inv.Seller.EndpointId?.ToString() ?? "");
        yield return ("seller_vat", inv.Seller.VatId ?? "");
        yield return ("seller_legal_id", inv.Seller.LegalId?.Value ?? "");
        yield return ("seller_country", inv.Seller.CountryCode ?? "");
        yield return ("payment_means", string.Join(',', inv.PaymentMeans.Select(m => m.MeansCode)));
        yield return ("payee_accounts", string.Join(',', inv.PayeeAccounts.Select(a => a.Number)));
        yield return ("lines", inv.Lines.Count.ToString(CultureInfo.InvariantCulture));
        yield return ("lines_with_order_line_ref", inv.Lines.Count(l => l.OrderLineReference is not null).ToString(CultureInfo.InvariantCulture));
        yield return ("lines_with_seller_item_id", inv.Lines.Count(l => l.SellersItemId is not null).ToString(CultureInfo.InvariantCulture));
        yield return ("lines_with_period", inv.Lines.Count(l => l.Period is not null).ToString(CultureInfo.InvariantCulture));
        yield return ("doc_allowance_charges", inv.AllowanceCharges.Count.ToString(CultureInfo.InvariantCulture));
        yield return ("vat_breakdown", string.Join(' ', inv.VatBreakdown.Select(b => $"{b.Category}:{b.Rate?.ToString(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal)));
        // OIOUBL states the VAT total in TaxExclusiveAmount; the model keeps it as TaxTotal (see UblMapper).
        yield return ("tax_exclusive", Amount(oioubl ? inv.Totals.TaxTotal : inv.Totals.TaxExclusive));
        yield return ("tax_inclusive", Amount(inv.Totals.TaxInclusive));
        yield return ("prepaid", inv.Totals.Prepaid is { } pp ? Amount(pp) : "");
        yield return ("payable", Amount(inv.Totals.Payable));
        yield return ("attachments", inv.Attachments.Count(a => a.ExternalUri is null).ToString(CultureInfo.InvariantCulture));
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Amounts and rates compare as numbers (the TSV keeps the document's spelling); accounts without spaces.</summary>
    private static bool Same(string column, string expected, string actual) => column switch
    {
        "tax_exclusive" or "tax_inclusive" or "prepaid" or "payable" =>
            expected.Length == 0 ? actual.Length == 0 : actual.Length > 0 && decimal.Parse(expected, CultureInfo.InvariantCulture) == decimal.Parse(actual, CultureInfo.InvariantCulture),
        "vat_breakdown" => Normalise(expected) == Normalise(actual),
        "payee_accounts" => string.Equals(expected.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), actual, StringComparison.Ordinal),
        _ => string.Equals(expected, actual, StringComparison.Ordinal),
    };

    private static string Normalise(string breakdown) => string.Join(' ', breakdown.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split(':') is [var c, var r] && decimal.TryParse(r, CultureInfo.InvariantCulture, out var d) ? $"{c}:{d.Normalize()}" : p)
        .Order(StringComparer.Ordinal));
}

file static class DecimalExtensions
{
    public static string Normalize(this decimal d) => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
