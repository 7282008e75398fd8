using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Organisations;

/// <summary>Which organisation a document belongs to, and why (the reason of UNKNOWN_BUYER when none).</summary>
public sealed record Registration(Organisation? Organisation, string Explanation)
{
    public bool IsKnown => Organisation is not null;
    public string? OrganisationId => Organisation?.OrganisationId;
}

/// <summary>
/// Arrival registration (organisations.md): the buyer's electronic address decides; else its legal or VAT id, with
/// the buyer reference where several organisations share the number; a scan by its inbox folder or the printed buyer
/// number; a payroll file by its folder or column. No organisation, more than one, or an inactive one: unknown buyer.
/// </summary>
public static class ArrivalRegistration
{
    /// <summary>An e-invoice (Peppol UBL, OIOUBL, Svefaktura: the mapper fills the same buyer party from each).</summary>
    public static Registration ForInvoice(Party buyer, string? buyerReference, OrganisationDirectory organisations)
    {
        if (organisations.IsImplicitSingle) return Single(organisations);

        // 1. The electronic address (BT-49). Svefaktura has none and names the buyer's GLN as a party identification.
        var addresses = new List<string>();
        if (buyer.EndpointId is { } endpoint && ElectronicAddress.Normalise(endpoint.Scheme, endpoint.Value) is { } e) addresses.Add(e);
        foreach (var id in buyer.Identifiers)
            if (ElectronicAddress.Normalise(id.Scheme, id.Value) is { } a) addresses.Add(a);
        foreach (var address in addresses)
        {
            var named = organisations.ByAddress(address);
            if (named.Count > 0) return Decide(named, $"buyer electronic address {address}", buyerReference);
        }

        // 2. The legal registration id (BT-47) or VAT id (BT-48).
        var numbers = new[] { buyer.LegalId?.Value, buyer.VatId, buyer.TaxRegistrationId }
            .Concat(buyer.Identifiers.Select(i => i.Value))
            .Select(OrganisationDirectory.NormaliseOrgNo).OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (var number in numbers)
        {
            var named = organisations.ByOrgNo(number);
            if (named.Count > 0) return Decide(named, $"buyer organisation number {number}", buyerReference);
        }

        var said = addresses.Count > 0 ? $"electronic address {string.Join(", ", addresses)}" : "no electronic address";
        return new(null, $"The buyer party ({said}, legal id {buyer.LegalId?.Value ?? "none"}, VAT id {buyer.VatId ?? "none"}) names none of the centre's organisations.");
    }

    /// <summary>A scanned invoice: the inbox folder the scanning partner sorted it into, else the printed buyer number.</summary>
    public static Registration ForScan(string? folder, string? printedBuyerOrgNo, string? buyerReference, OrganisationDirectory organisations)
    {
        if (organisations.IsImplicitSingle) return Single(organisations);
        if (!string.IsNullOrWhiteSpace(folder))
        {
            var byFolder = organisations.Find(folder);
            return byFolder is null
                ? new(null, $"The scan's folder scanned/{folder}/ is not one of the centre's organisations.")
                : Decide([byFolder], $"scan folder scanned/{folder}/", null);
        }
        if (OrganisationDirectory.NormaliseOrgNo(printedBuyerOrgNo) is { } number)
        {
            var named = organisations.ByOrgNo(number);
            if (named.Count > 0) return Decide(named, $"printed buyer organisation number {number}", buyerReference);
            return new(null, $"The printed buyer organisation number {number} is none of the centre's organisations.");
        }
        return new(null, "The scan was not in an organisation's folder and no buyer organisation number was read from it.");
    }

    /// <summary>A payroll row: the inbox folder payroll/&lt;id&gt;/ or the row's organisation_id column (they must agree).</summary>
    public static Registration ForPayroll(string? folder, string? column, OrganisationDirectory organisations)
    {
        if (organisations.IsImplicitSingle && string.IsNullOrWhiteSpace(folder) && string.IsNullOrWhiteSpace(column))
            return Single(organisations);
        if (!string.IsNullOrWhiteSpace(folder) && !string.IsNullOrWhiteSpace(column)
            && !string.Equals(folder.Trim(), column.Trim(), StringComparison.OrdinalIgnoreCase))
            return new(null, $"The row's organisation_id {column} differs from its folder payroll/{folder}/.");
        var id = string.IsNullOrWhiteSpace(folder) ? column : folder;
        if (string.IsNullOrWhiteSpace(id))
            return new(null, "The payroll file is in no organisation's folder and the row has no organisation_id.");
        var o = organisations.Find(id);
        return o is null
            ? new(null, $"Organisation {id.Trim()} is not one of the centre's organisations.")
            : Decide([o], string.IsNullOrWhiteSpace(folder) ? $"organisation_id {id.Trim()}" : $"payroll folder payroll/{folder}/", null);
    }

    /// <summary>The organisation a person assigns (AssignOrganisation): it must exist and be active.</summary>
    public static Registration ByAssignment(string organisationId, OrganisationDirectory organisations)
    {
        var o = organisations.Find(organisationId);
        return o is null
            ? new(null, $"Organisation {organisationId} is not one of the centre's organisations.")
            : Decide([o], $"assigned to {o.OrganisationId}", null);
    }

    private static Registration Single(OrganisationDirectory organisations) =>
        new(organisations.All[0], "the installation's one organisation");

    private static Registration Decide(IReadOnlyList<Organisation> named, string by, string? buyerReference)
    {
        var candidates = named;
        if (named.Count > 1)
        {
            var reference = buyerReference?.Trim();
            candidates = string.IsNullOrEmpty(reference)
                ? []
                : [.. named.Where(o => o.BuyerReferences.Any(r => string.Equals(r.Trim(), reference, StringComparison.OrdinalIgnoreCase)))];
            if (candidates.Count != 1)
            {
                var ids = string.Join(", ", named.Select(o => o.OrganisationId));
                return new(null, string.IsNullOrEmpty(reference)
                    ? $"The {by} names {named.Count} organisations ({ids}) and the invoice has no buyer reference to tell them apart."
                    : $"The {by} names {named.Count} organisations ({ids}) and the buyer reference '{reference}' names {(candidates.Count == 0 ? "none" : "more than one")} of them.");
            }
            by += $" and buyer reference {reference}";
        }
        var o = candidates[0];
        return o.Active
            ? new(o, $"{o.OrganisationId} by {by}")
            : new(null, $"The {by} names {o.OrganisationId}, which is inactive and receives nothing new.");
    }
}
