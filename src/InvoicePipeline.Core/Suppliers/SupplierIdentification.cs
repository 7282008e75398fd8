using InvoicePipeline.Identifiers;
using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Suppliers;

/// <summary>The supplier found for an invoice (or null) and the exceptions identification raised.</summary>
public sealed record SupplierDecision(Supplier? Supplier, string? MatchedBy, IReadOnlyList<InvoiceIssue> Issues);

/// <summary>
/// Finds the invoice's seller in the supplier register by Peppol id, organisation number or VAT id, all normalised,
/// then checks the supplier is not blocked and that the payee account is one registered for it (the classic fraud:
/// a genuine supplier's invoice with a changed bank account). Build once per batch, look up per invoice.
/// </summary>
public sealed class SupplierIdentification
{
    private readonly Dictionary<string, Supplier> _byKey = new(StringComparer.Ordinal);

    public SupplierIdentification(IEnumerable<Supplier> register)
    {
        foreach (var s in register)
            foreach (var key in Keys(s))
                _byKey.TryAdd(key, s);
    }

    public SupplierDecision Identify(Invoice invoice)
    {
        var (supplier, by) = Find(invoice.Seller);
        if (supplier is null)
        {
            var seller = invoice.Seller;
            var ids = string.Join(", ", new[] { seller.EndpointId?.ToString(), seller.LegalId?.Value, seller.VatId }.Where(v => v is not null));
            return new(null, null, [new(ExceptionCode.UnknownSupplier, $"No supplier in the register matches the seller '{seller.LegalName ?? seller.Name}' ({(ids.Length == 0 ? "no identifiers" : ids)}).")]);
        }
        var issues = new List<InvoiceIssue>();
        if (supplier.Blocked)
            issues.Add(new(ExceptionCode.SupplierBlocked, $"Supplier {supplier.SupplierId} ({supplier.Name}) is blocked in the register."));
        var registered = supplier.Accounts().Select(a => a.Number).ToHashSet(StringComparer.Ordinal);
        foreach (var account in invoice.PayeeAccounts)
            if (!registered.Contains(AccountNumber.Normalise(account.Number)))
                issues.Add(new(ExceptionCode.BankAccountMismatch,
                    $"Payee account {account} is not registered for supplier {supplier.SupplierId} (registered: {(registered.Count == 0 ? "none" : string.Join(", ", supplier.Accounts()))})."));
        return new(supplier, by, issues);
    }

    private (Supplier?, string?) Find(Party seller)
    {
        foreach (var (kind, key) in Keys(seller))
            if (_byKey.TryGetValue(key, out var s)) return (s, kind);
        return (null, null);
    }

    private static IEnumerable<string> Keys(Supplier s)
    {
        if (PeppolKey(s.PeppolId) is { } p) yield return p;
        if (OrgKey(s.OrgNo, s.Country) is { } o) yield return o;
        if (VatKey(s.VatId) is { } v) yield return v;
        // A Swedish VAT number carries the organisation number, so either side may be missing.
        if (s.VatId is not null && OrgKey(s.VatId, s.Country) is { } ov) yield return ov;
    }

    private static IEnumerable<(string Kind, string Key)> Keys(Party seller)
    {
        if (seller.EndpointId is { Scheme: not null } e && PeppolKey($"{e.Scheme}:{e.Value}") is { } p) yield return ("Peppol id", p);
        foreach (var id in seller.Identifiers.Where(i => i.Scheme is not null))
            if (PeppolKey($"{id.Scheme}:{id.Value}") is { } pi) yield return ("Peppol id", pi);
        if (OrgKey(seller.LegalId?.Value, seller.CountryCode) is { } o) yield return ("organisation number", o);
        if (VatKey(seller.VatId) is { } v) yield return ("VAT id", v);
        if (OrgKey(seller.VatId, seller.CountryCode) is { } ov) yield return ("organisation number", ov);
        if (seller.EndpointId is { Scheme: "0007" or "0184" or "0192" or "9955" } ep && OrgKey(ep.Value, seller.CountryCode) is { } oe) yield return ("organisation number", oe);
    }

    /// <summary>"iso6523-actorid-upis::0007:556036-0793" → "peppol:0007:5560360793".</summary>
    public static string? PeppolKey(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        var s = AccountNumber.Normalise(id);
        var scheme = s.LastIndexOf("::", StringComparison.Ordinal);
        if (scheme >= 0) s = s[(scheme + 2)..];
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 || colon == s.Length - 1 ? null : "peppol:" + s;
    }

    /// <summary>
    /// Organisation numbers: Swedish ones reduced to ten digits (SE prefix, 01 suffix, hyphens, spaces, Peppol
    /// prefix removed); Danish CVR to eight digits (DK prefix removed); others kept as normalised text.
    /// </summary>
    public static string? OrgKey(string? value, string? country = null)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (OrganisationNumber.Normalise(value) is { } se && (country is null or "SE" || value.Contains("SE", StringComparison.OrdinalIgnoreCase)))
            return "org:SE:" + se;
        var s = AccountNumber.Normalise(value);
        var colon = s.LastIndexOf(':');
        if (colon >= 0) s = s[(colon + 1)..];
        if (s.StartsWith("DK", StringComparison.Ordinal) && s.Length == 10) return "org:DK:" + s[2..];
        if (country == "DK" && s.Length == 8 && s.All(char.IsAsciiDigit)) return "org:DK:" + s;
        return null;
    }

    /// <summary>VAT ids: upper case without spaces, hyphens or dots, Greek "GR" written as "EL".</summary>
    public static string? VatKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = AccountNumber.Normalise(value);
        if (s.Length < 4 || !char.IsAsciiLetter(s[0]) || !char.IsAsciiLetter(s[1])) return null;
        if (s.StartsWith("GR", StringComparison.Ordinal)) s = "EL" + s[2..];
        return "vat:" + s;
    }
}
