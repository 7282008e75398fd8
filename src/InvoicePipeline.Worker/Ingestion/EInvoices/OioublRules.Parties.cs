using InvoicePipeline.Validation;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>OIOUBL parties: the supplier and customer must be there with their endpoint; identifiers by scheme.</summary>
internal static partial class OioublRules
{
    private static void CheckParties(XmlRuleContext x)
    {
        var r = x.Root;
        if (r.El("AccountingSupplierParty") is { } supplier)
        {
            if (supplier.Els("Party").Count != 1) x.Fatal(Id(x, "F-INV030", "F-CRN027"), "AccountingSupplierParty must hold one Party.", supplier);
            if (supplier.El("Party") is { } sp)
            {
                if (sp.El("EndpointID").Text() is null) x.Fatal(Id(x, "F-INV031", "F-CRN028"), "The supplier's EndpointID must have a value.", sp);
                if (sp.Els("PartyLegalEntity").Count != 1) x.Fatal(Id(x, "F-INV034", "F-CRN031"), "The supplier must have one PartyLegalEntity.", sp);
            }
        }
        if (r.El("AccountingCustomerParty") is { } customer)
        {
            if (customer.Els("Party").Count != 1) x.Fatal(Id(x, "F-INV043", "F-CRN039"), "AccountingCustomerParty must hold one Party.", customer);
            if (customer.El("Party") is { } cp)
            {
                if (cp.El("EndpointID").Text() is null) x.Fatal(Id(x, "F-INV044", "F-CRN040"), "The customer's EndpointID must have a value.", cp);
                if (cp.Els("Contact").Count != 1) x.Fatal(Id(x, "F-INV046", "F-CRN042"), "The customer must have one Contact.", cp);
                if (cp.Els("PartyLegalEntity").Count > 1) x.Fatal(Id(x, "F-INV045", "F-CRN164"), "The customer may have no more than one PartyLegalEntity.", cp);
                foreach (var contact in cp.Els("Contact"))
                    if (contact.El("ID").Text() is null) x.Fatal(Id(x, "F-INV051", "F-CRN047"), "The customer's Contact/ID must have a value.", contact);
            }
        }
        foreach (var party in Parties(x)) CheckParty(x, party);
        foreach (var pts in r.El("TaxRepresentativeParty").Els("PartyTaxScheme")) CheckPartyTaxScheme(x, pts);
    }

    /// <summary>The party contexts the artefact checks (the CreditNote artefact checks fewer than the Invoice one).</summary>
    private static IEnumerable<UblElement> Parties(XmlRuleContext x)
    {
        var r = x.Root;
        foreach (var s in r.Els("Signature"))
            foreach (var p in s.Els("SignatoryParty")) yield return p;
        foreach (var p in r.El("AccountingSupplierParty").Els("Party")) yield return p;
        foreach (var p in r.El("AccountingCustomerParty").Els("Party")) yield return p;
        foreach (var p in r.Els("PayeeParty")) yield return p;
        if (!x.IsCreditNote)
        {
            foreach (var p in r.El("BuyerCustomerParty").Els("Party")) yield return p;
            foreach (var p in r.El("SellerSupplierParty").Els("Party")) yield return p;
            foreach (var d in r.Els("Delivery"))
                foreach (var p in d.Els("DeliveryParty")) yield return p;
        }
        foreach (var line in r.Els(x.LineName))
            foreach (var d in line.Els("Delivery"))
                foreach (var p in d.Els("DeliveryParty")) yield return p;
    }

    private static void CheckParty(XmlRuleContext x, UblElement party)
    {
        var ids = party.Els("PartyIdentification");
        var names = party.Els("PartyName");
        if ((ids.Count == 0 || ids.Any(i => i.El("ID")?.Value.Length == 0)) && (names.Count == 0 || names.Any(n => n.El("Name")?.Value.Length == 0)))
            x.Fatal("F-LIB022", "PartyName/Name is required when there is no PartyIdentification/ID.", party);
        if (party.El("EndpointID") is { } endpoint)
        {
            var scheme = endpoint.AttributeValue("schemeID") ?? "";
            var v = endpoint.Value;
            if (!CodeLists.OioublEndpointSchemes.Contains(scheme)) x.Fatal("F-LIB179", $"EndpointID schemeID '{scheme}' is not in the code list.", party);
            if (scheme == "DK:CVR" && !IsDkNumber(v)) x.Fatal("F-LIB180", $"A DK:CVR EndpointID must look like 'DK12345678' (found '{v}').", party);
            if (scheme == "GLN" && v.Length != 13) x.Fatal("F-LIB181", $"A GLN EndpointID must have 13 characters (found '{v}').", party);
            if (scheme == "EAN" && v.Length != 13) x.Fatal("F-LIB216", $"An EAN EndpointID must have 13 characters (found '{v}').", party);
        }
        foreach (var pi in party.Els("PartyIdentification"))
        {
            var id = pi.El("ID");
            var scheme = id?.AttributeValue("schemeID");
            var v = id?.Value ?? "";
            if (scheme is null || !CodeLists.OioublPartyIdSchemes.Contains(scheme)) x.Fatal("F-LIB183", $"PartyIdentification/ID schemeID '{scheme}' is not in the code list.", pi);
            if (scheme == "DK:CVR" && !IsDkNumber(v)) x.Fatal("F-LIB184", $"A DK:CVR party identifier must look like 'DK12345678' (found '{v}').", pi);
            if (scheme == "GLN" && v.Length != 13) x.Fatal("F-LIB185", $"A GLN party identifier must have 13 characters (found '{v}').", pi);
        }
        foreach (var pts in party.Els("PartyTaxScheme")) CheckPartyTaxScheme(x, pts);
        foreach (var legal in party.Els("PartyLegalEntity"))
        {
            var company = legal.El("CompanyID");
            var scheme = company?.AttributeValue("schemeID");
            if (company.Text() is null) x.Fatal("F-LIB187", "PartyLegalEntity/CompanyID must have a value.", legal);
            if (scheme is not ("DK:CVR" or "DK:CPR" or "ZZZ")) x.Fatal("F-LIB189", $"PartyLegalEntity/CompanyID schemeID '{scheme}' must be DK:CVR, DK:CPR or ZZZ.", legal);
            if (scheme == "DK:CVR" && !IsDkNumber(company!.Text() ?? "")) x.Fatal("F-LIB190", $"A DK:CVR CompanyID must look like 'DK12345678' (found '{company.Text()}').", legal);
        }
    }

    private static void CheckPartyTaxScheme(XmlRuleContext x, UblElement pts)
    {
        var company = pts.El("CompanyID");
        var scheme = company?.AttributeValue("schemeID");
        if (company.Text() is null) x.Fatal("F-LIB193", "PartyTaxScheme/CompanyID must have a value.", pts);
        if (scheme is not ("DK:SE" or "ZZZ")) x.Fatal("F-LIB195", $"PartyTaxScheme/CompanyID schemeID '{scheme}' must be DK:SE or ZZZ.", pts);
        if (scheme == "DK:SE" && !IsDkNumber(company!.Text() ?? "")) x.Fatal("F-LIB196", $"A DK:SE CompanyID must look like 'DK12345678' (found '{company.Text()}').", pts);
    }

    /// <summary>As the artefact checks CVR and SE numbers: ten characters starting with 'DK'.</summary>
    private static bool IsDkNumber(string v) => v.Length == 10 && v.StartsWith("DK", StringComparison.Ordinal);
}
