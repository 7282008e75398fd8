using System.Globalization;
using InvoicePipeline.Validation;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// The OIOUBL 2.1 schematron fatal rules (F-INV*, F-CRN*, F-LIB*, as numbered by the official artefact 1.17.2) that
/// decide whether a Danish invoice or credit note can be processed: header, parties, payment means and terms,
/// allowances and charges, VAT totals, the legal monetary totals and the lines. The artefact also accepts OIOUBL-2.02.
/// OIOUBL's own semantics: TaxExclusiveAmount is the VAT total. Each rule is checked in the contexts the artefact
/// checks it (they differ between Invoice and CreditNote); see docs/einvoice-validation.md for the list.
/// </summary>
internal static partial class OioublRules
{
    public static void Check(XmlRuleContext x)
    {
        CheckHeader(x);
        CheckAnywhere(x);
        CheckParties(x);
        if (!x.IsCreditNote) CheckPayment(x);
        CheckAllowanceCharges(x);
        CheckTaxTotals(x);
        CheckTaxableAgainstLines(x);
        CheckMonetaryTotals(x);
        CheckLines(x);
    }

    /// <summary>The id the artefact uses for a rule that exists for both documents under different numbers.</summary>
    private static string Id(XmlRuleContext x, string invoice, string creditNote) => x.IsCreditNote ? creditNote : invoice;

    private static void CheckHeader(XmlRuleContext x)
    {
        var r = x.Root;
        if (r.El("UBLVersionID").Text() is not ("2.0" or "2.1"))
            x.Fatal("F-LIB001", "UBLVersionID must be '2.0' or '2.1'.", r.El("UBLVersionID") ?? r);
        if (r.El("CustomizationID").Text() is not ("OIOUBL-2.01" or "OIOUBL-2.02" or "OIOUBL-2.1"))
            x.Fatal("F-LIB002", "CustomizationID must be 'OIOUBL-2.01', 'OIOUBL-2.02' or 'OIOUBL-2.1'.", r.El("CustomizationID") ?? r);
        if (r.El("ProfileID")?.Value is "Procurement-OrdSimR-BilSim-1.0" or "Procurement-OrdAdv-BilSim-1.0"
                or "urn:www.nesubl.eu:profiles:profile7:ver1.0" or "urn:www.nesubl.eu:profiles:profile7:ver2.0"
            && r.El("OrderReference") is null)
            x.Fatal(Id(x, "F-INV002", "F-CRN002"), "An OrderReference is required for this (simple billing) profile.", r);
        if (r.El("InvoiceTypeCode") is { } type)
        {
            var list = type.AttributeValue("listID");
            if (list == "urn:oioubl:codelist:invoicetypecode-1.1" && type.Value is not ("325" or "380" or "393"))
                x.Fatal("F-INV011", $"InvoiceTypeCode '{type.Value}' is not in the invoicetypecode-1.1 list.", type);
            if (list == "urn:oioubl:codelist:invoicetypecode-1.2" && type.Value is not ("325" or "380" or "390" or "393"))
                x.Fatal("F-INV337", $"InvoiceTypeCode '{type.Value}' is not in the invoicetypecode-1.2 list.", type);
        }
        var currency = r.El("DocumentCurrencyCode");
        if (currency is null || currency.Value.Length == 0) x.Fatal(Id(x, "F-INV007", "F-CRN004"), "DocumentCurrencyCode must have a value.", r);
        if (r.El("TaxTotal") is null) x.Fatal(Id(x, "F-INV008", "F-CRN005"), "At least one TaxTotal is required.", r);
        if (r.El("ID").Text() is null) x.Fatal(Id(x, "F-INV009", "F-CRN006"), "The document number (ID) must have a value.", r);
        if (r.El("AccountingCost") is not null && r.El("AccountingCostCode") is not null)
            x.Fatal("F-LIB021", "Use either AccountingCost or AccountingCostCode, not both.", r);
        var periods = r.Els("InvoicePeriod");
        if (periods.Count > 1) x.Fatal(Id(x, "F-INV004", "F-CRN159"), "No more than one InvoicePeriod is allowed.", r);
        foreach (var p in periods) CheckPeriod(x, p);
        if (currency is not null)
        {
            var code = currency.Value;
            if (r.Els(x.LineName).Any(l => l.El("LineExtensionAmount").Attr("currencyID") is { } c && c != code))
                x.Fatal(Id(x, "F-INV012", "F-CRN007"), $"A line's LineExtensionAmount is not in the document currency '{code}'.", currency);
            if (r.El("LegalMonetaryTotal", "LineExtensionAmount").Attr("currencyID") is { } le && le != code)
                x.Fatal(Id(x, "F-INV013", "F-CRN008"), $"LegalMonetaryTotal/LineExtensionAmount is in '{le}', not in the document currency '{code}'.", currency);
            if (r.El("LegalMonetaryTotal", "PayableAmount").Attr("currencyID") is { } pa && pa != code)
                x.Fatal(Id(x, "F-INV014", "F-CRN009"), $"PayableAmount is in '{pa}', not in the document currency '{code}'.", currency);
        }
        CheckTaxCategoriesCorrespond(x);
    }

    /// <summary>F-LIB080: a period's end date is not before its start date (compared as the artefact does: digits only).</summary>
    private static void CheckPeriod(XmlRuleContext x, UblElement period)
    {
        if (period.El("StartDate") is { } s && period.El("EndDate") is { } e && DateNumber(s.Value) is { } start && DateNumber(e.Value) is { } end && end < start)
            x.Fatal("F-LIB080", "The EndDate must be on or after the StartDate.", period);
    }

    private static double? DateNumber(string date) =>
        double.TryParse(date.Replace("-", "", StringComparison.Ordinal).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static readonly string[] ComparedCategories = ["B", "M", "L", "K", "O", "G", "ZeroRated", "StandardRated", "ReverseCharge"];

    /// <summary>F-LIB404: the VAT categories used on the lines and on document allowances/charges are those of the header subtotals.</summary>
    private static void CheckTaxCategoriesCorrespond(XmlRuleContext x)
    {
        var r = x.Root;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in r.Els(x.LineName))
            foreach (var t in line.Els("TaxTotal"))
                foreach (var s in t.Els("TaxSubtotal"))
                    AddCategory(used, s.El("TaxCategory", "ID"));
        foreach (var ac in r.Els("AllowanceCharge")) AddCategory(used, ac.El("TaxCategory", "ID"));
        var header = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in r.Els("TaxTotal"))
            foreach (var s in t.Els("TaxSubtotal"))
                AddCategory(header, s.El("TaxCategory", "ID"));
        if (!used.SetEquals(header))
            x.Fatal("F-LIB404", "The VAT categories of the lines and allowances/charges must correspond to those of the header TaxTotal.", r);
    }

    private static void AddCategory(HashSet<string> set, UblElement? id)
    {
        if (id is not null && ComparedCategories.Contains(id.Value)) set.Add(id.Value);
    }

    /// <summary>Rules whose context can be anywhere in the document, in one pass over the elements.</summary>
    private static void CheckAnywhere(XmlRuleContext x)
    {
        foreach (var e in x.Descendants)
        {
            switch (e.Name.LocalName)
            {
                case "Country" when e.El("IdentificationCode") is { } country:
                    if (!CodeLists.OioublCountries.Contains(country.Text() ?? ""))
                        x.Fatal("F-LIB301", $"Invalid Country/IdentificationCode: '{country.Text()}'.", country);
                    break;
                case "MathematicOperatorCode":
                    if (e.Text() is not ("multiply" or "divide"))
                        x.Fatal("F-LIB310", "Invalid MathematicOperatorCode. Must either be 'multiply' or 'divide'.", e);
                    break;
                // (The CreditNote artefact does not look into allowances/charges on credit note lines.)
                case "TaxCategory" or "ClassifiedTaxCategory" when !(x.IsCreditNote && e.Parent?.Name.LocalName == "AllowanceCharge" && e.Parent.Parent?.Name.LocalName == "CreditNoteLine"):
                    CheckTaxCategory(x, e);
                    break;
            }
        }
    }

    /// <summary>F-LIB074, F-LIB382 for every tax category.</summary>
    private static void CheckTaxCategory(XmlRuleContext x, UblElement category)
    {
        var id = category.El("ID");
        if (id.Text() is null) x.Fatal("F-LIB074", "TaxCategory/ID must have a value.", category);
        if (id?.Value == "StandardRated" && (category.El("Percent") is not { } pct || pct.Value.Length == 0 || pct.Dec() == 0m))
            x.Fatal("F-LIB382", "A StandardRated tax category needs a Percent above 0.", category);
    }

    /// <summary>How many characters follow the first '.' in the element's text (0 without a point or element), as the artefact counts them.</summary>
    private static int Decimals(UblElement? e)
    {
        var v = e?.Value ?? "";
        var dot = v.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : v.Length - dot - 1;
    }

    /// <summary>
    /// A number as the artefact's XPath reads it (xs:double), or null when absent or not a number. The totals are
    /// computed in doubles as the artefact computes them, which also keeps absurd amounts from overflowing.
    /// </summary>
    private static double? Num(UblElement? e) =>
        e is not null && double.TryParse(e.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    /// <summary>An amount as format-number(..., '##.00') prints it: rounded half to even, two decimals.</summary>
    private static double Round2(double d) => Math.Round(d, 2, MidpointRounding.ToEven);

    private static double Sum(IEnumerable<UblElement> elements)
    {
        var sum = 0d;
        foreach (var e in elements) sum += Num(e) ?? 0d;
        return sum;
    }
}
