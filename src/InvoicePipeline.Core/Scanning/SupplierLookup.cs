using InvoicePipeline.MasterData;

namespace InvoicePipeline.Scanning;

/// <summary>
/// Finds a register supplier by one key read from a scan: <paramref name="field"/> is <see cref="ScanField.OrgNo"/>,
/// <see cref="ScanField.VatId"/>, <see cref="ScanField.Bankgiro"/>, <see cref="ScanField.Plusgiro"/> or
/// <see cref="ScanField.Iban"/>; <paramref name="value"/> is normalised (digits only, or upper case without spaces).
/// </summary>
public delegate Supplier? SupplierLookup(string field, string value);

public static class SupplierLookups
{
    public static SupplierLookup None { get; } = (_, _) => null;

    /// <summary>A lookup over an in-memory register, matching normalised keys.</summary>
    public static SupplierLookup Over(IEnumerable<Supplier> suppliers)
    {
        var list = suppliers.ToList();
        return (field, value) => list.FirstOrDefault(s => field switch
        {
            ScanField.OrgNo => Identifiers.OrganisationNumber.Normalise(s.OrgNo) == value || Identifiers.AccountNumber.Normalise(s.OrgNo ?? "") == value,
            ScanField.VatId => Identifiers.AccountNumber.Normalise(s.VatId ?? "") == value,
            ScanField.Bankgiro => Identifiers.AccountNumber.Normalise(s.Bankgiro ?? "") == value,
            ScanField.Plusgiro => Identifiers.AccountNumber.Normalise(s.Plusgiro ?? "") == value,
            ScanField.Iban => Identifiers.AccountNumber.Normalise(s.Iban ?? "") == value,
            _ => false,
        });
    }
}
