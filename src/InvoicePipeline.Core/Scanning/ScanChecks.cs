using InvoicePipeline.Identifiers;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Scanning;

/// <summary>
/// The cross-checks that raise or lower field confidence: check digits, the supplier register, net + VAT = total
/// with a plausible rate, and dates in order. A money-critical field is only trusted once a check confirms it.
/// </summary>
internal sealed class ScanChecks(Dictionary<string, CapturedField> fields, ScanOptions options)
{
    public Supplier? Supplier { get; private set; }

    public void Run(SupplierLookup lookup)
    {
        CheckDigits();
        FindSupplier(lookup);
        CheckAmounts();
        CheckDates();
        foreach (var name in ScanField.Required)
            if (Get(name)?.Value is null) Doubt(name, "not found");
        // Payments to a bankgiro or plusgiro carry an OCR reference; one not found is more likely missed than absent.
        if (Get(ScanField.OcrReference)?.Value is null && (Get(ScanField.Bankgiro)?.Value ?? Get(ScanField.Plusgiro)?.Value) is not null)
            Doubt(ScanField.OcrReference, "not found, though the invoice is paid to a bankgiro or plusgiro");
        foreach (var f in fields.Values.ToList())
            if (f.Confidence < options.Threshold) Doubt(f.Name, $"read with confidence {f.Confidence:0.00}");
    }

    private void CheckDigits()
    {
        Verify(ScanField.OcrReference, v => OcrReference.IsValid(v), 0.5, "OCR reference check digit fails");
        Verify(ScanField.Bankgiro, AccountNumber.IsValidBankgiro, 0.5, "bankgiro check digit fails");
        Verify(ScanField.Plusgiro, AccountNumber.IsValidPlusgiro, 0.5, "plusgiro check digit fails");
        Verify(ScanField.Iban, AccountNumber.IsValidIban, 0.1, "IBAN check digits (mod 97) fail");
        Verify(ScanField.OrgNo, IdentifierChecks.IsValidOrgNo, 0.5, "organisation number check digit fails");
        Verify(ScanField.VatId, IdentifierChecks.IsValidVatId, 0.5, "VAT id check digit fails");
    }

    private void FindSupplier(SupplierLookup lookup)
    {
        foreach (var key in new[] { ScanField.OrgNo, ScanField.VatId, ScanField.Bankgiro, ScanField.Plusgiro, ScanField.Iban })
        {
            if (Get(key) is not { Value: { } value, IsDoubtful: false }) continue;
            Supplier = lookup(key, value);
            if (Supplier is not null) break;
        }
        if (Supplier is null) return;
        Confirm(ScanField.OrgNo, OrganisationNumberDigits(Supplier.OrgNo), "not the organisation number of supplier " + Supplier.SupplierId);
        Confirm(ScanField.Bankgiro, Supplier.Bankgiro, "not the bankgiro registered for supplier " + Supplier.SupplierId);
        Confirm(ScanField.Plusgiro, Supplier.Plusgiro, "not the plusgiro registered for supplier " + Supplier.SupplierId);
        Confirm(ScanField.Iban, Supplier.Iban, "not the IBAN registered for supplier " + Supplier.SupplierId);
        if (Get(ScanField.Currency)?.Value is null && CurrencyOf(Supplier.Country) is { } currency)
            fields[ScanField.Currency] = new CapturedField(ScanField.Currency, currency, 0.85, FieldSource.Register);
    }

    private void CheckAmounts()
    {
        var net = Amount(ScanField.Net);
        var vat = Amount(ScanField.Vat);
        var total = Amount(ScanField.Total);
        if (net is null || vat is null || total is null)
        {
            foreach (var name in new[] { ScanField.Net, ScanField.Vat, ScanField.Total })
                if (Get(name)?.Value is not null) Doubt(name, "amounts cannot be cross-checked (one is missing)");
            return;
        }
        if (Math.Abs(net.Value + vat.Value - total.Value) > 0.01m)
        {
            foreach (var name in new[] { ScanField.Net, ScanField.Vat, ScanField.Total })
                Doubt(name, "net + VAT does not equal total");
            return;
        }
        if (!PlausibleRate(net.Value, vat.Value))
        {
            Doubt(ScanField.Vat, "VAT rate is not plausible");
            return;
        }
        foreach (var name in new[] { ScanField.Net, ScanField.Vat, ScanField.Total }) Raise(name, 0.1);
    }

    private void CheckDates()
    {
        var issue = ScanFormats.ParseIsoDate(Get(ScanField.IssueDate)?.Value);
        var due = ScanFormats.ParseIsoDate(Get(ScanField.DueDate)?.Value);
        if (issue is null || due is null) return;
        var days = due.Value.DayNumber - issue.Value.DayNumber;
        if (days < 0 || days > options.MaxPaymentDays)
        {
            Doubt(ScanField.IssueDate, "invoice and due date are not in order");
            Doubt(ScanField.DueDate, "invoice and due date are not in order");
        }
        else
        {
            Raise(ScanField.IssueDate, 0.5);
            Raise(ScanField.DueDate, 0.5);
        }
    }

    private bool PlausibleRate(decimal net, decimal vat)
    {
        if (net == 0) return vat == 0;
        var rate = vat * 100m / net;
        return options.VatRates.Any(r => Math.Abs(rate - r) <= 0.1m);
    }

    private void Verify(string name, Func<string, bool> check, double factor, string doubt)
    {
        if (Get(name) is not { Value: { } value }) return;
        if (check(value)) Raise(name, factor);
        else Doubt(name, doubt);
    }

    // The register confirms a field read from the scan, or contradicts it.
    private void Confirm(string name, string? registered, string doubt)
    {
        if (Get(name) is not { Value: { } value } field || string.IsNullOrWhiteSpace(registered)) return;
        if (string.Equals(AccountNumber.Normalise(registered), value, StringComparison.Ordinal))
            fields[name] = field with { Confidence = 1.0 };
        else Doubt(name, doubt);
    }

    private decimal? Amount(string name) =>
        Get(name)?.Value is { } v ? ScanFormats.ParseAmount(v) : null;

    private CapturedField? Get(string name) => fields.GetValueOrDefault(name);

    private void Raise(string name, double factor)
    {
        if (Get(name) is { } f) fields[name] = f with { Confidence = 1 - (1 - f.Confidence) * factor };
    }

    private void Doubt(string name, string reason)
    {
        var f = Get(name) ?? new CapturedField(name, null, 0, FieldSource.Ocr);
        if (!f.IsDoubtful) fields[name] = f with { Doubt = reason };
    }

    private static string? OrganisationNumberDigits(string? orgNo) =>
        orgNo is null ? null : OrganisationNumber.Normalise(orgNo) ?? AccountNumber.Normalise(orgNo);

    private static string? CurrencyOf(string? country) => country switch
    {
        "SE" => "SEK",
        "DK" => "DKK",
        _ => null,
    };
}
