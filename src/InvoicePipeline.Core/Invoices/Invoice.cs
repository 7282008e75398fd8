namespace InvoicePipeline.Invoices;

/// <summary>What a document is: a UBL Invoice, a UBL CreditNote, or a scanned paper invoice.</summary>
public enum DocumentKind
{
    Invoice,
    CreditNote,
    Scanned,
}

/// <summary>
/// A supplier invoice as read from any source (Peppol UBL, OIOUBL, Svefaktura, OCR), in one model.
/// Amounts are as stated by the sender, in the document currency, never re-rounded here.
/// Credit notes keep the positive amounts the document states; <see cref="Sign"/> says how to book them.
/// </summary>
public sealed class Invoice
{
    public DocumentKind Kind { get; init; }
    /// <summary>The syntax the document came in: "UBL-2.1", "OIOUBL-2.1", "OIOUBL-2.02", "Svefaktura-1.0", "Scan".</summary>
    public string Syntax { get; init; } = "UBL-2.1";
    public string? CustomizationId { get; init; }
    public string? ProfileId { get; init; }
    public string Number { get; init; } = "";
    public string? TypeCode { get; init; }
    public DateOnly IssueDate { get; init; }
    public DateOnly? DueDate { get; init; }
    public DateOnly? TaxPointDate { get; init; }
    public string Currency { get; init; } = "SEK";
    public string? TaxCurrency { get; init; }
    public string? Note { get; init; }
    public string? BuyerReference { get; init; }
    public string? OrderReference { get; init; }
    public string? SalesOrderReference { get; init; }
    public string? ContractReference { get; init; }
    public string? ProjectReference { get; init; }
    public string? DespatchReference { get; init; }
    public string? ReceiptReference { get; init; }
    /// <summary>Invoices a credit note (or corrective invoice) refers to (BG-3).</summary>
    public IReadOnlyList<string> BillingReferences { get; init; } = [];
    /// <summary>The buyer's accounting string (BT-19), a coding hint.</summary>
    public string? AccountingCost { get; init; }
    public DatePeriod? Period { get; init; }
    public Party Seller { get; init; } = new();
    public Party Buyer { get; init; } = new();
    public Party? Payee { get; init; }
    /// <summary>The seller's tax representative (BG-11), whose VAT id may stand in for the seller's.</summary>
    public Party? TaxRepresentative { get; init; }
    /// <summary>Deliver-to country (BT-80), used by the intra-community rules.</summary>
    public string? DeliveryCountry { get; init; }
    /// <summary>Actual delivery date (BT-72).</summary>
    public DateOnly? DeliveryDate { get; init; }
    public IReadOnlyList<PaymentInstruction> PaymentMeans { get; init; } = [];
    public string? PaymentTerms { get; init; }
    public IReadOnlyList<AllowanceCharge> AllowanceCharges { get; init; } = [];
    public IReadOnlyList<VatBreakdown> VatBreakdown { get; init; } = [];
    public MonetaryTotals Totals { get; init; } = new();
    public IReadOnlyList<InvoiceLine> Lines { get; init; } = [];
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    public bool IsCreditNote => Sign < 0;

    /// <summary>+1 for an invoice, -1 for a credit note (<see cref="DocumentSign"/>): multiply stated amounts by this when booking.</summary>
    public int Sign => DocumentSign.Of(Kind, TypeCode);

    /// <summary>All payee accounts the document names (payment means), normalised.</summary>
    public IEnumerable<PaymentAccount> PayeeAccounts =>
        PaymentMeans.Where(p => p.Account is not null).Select(p => p.Account!);

    /// <summary>The structured payment reference (OCR number / remittance id), if any.</summary>
    public string? PaymentReference => PaymentMeans.Select(p => p.PaymentId).FirstOrDefault(id => !string.IsNullOrWhiteSpace(id));
}

public sealed record DatePeriod(DateOnly? Start, DateOnly? End);

public sealed record SchemedId(string Value, string? Scheme)
{
    public override string ToString() => Scheme is null ? Value : $"{Scheme}:{Value}";
}

public sealed class Party
{
    public string? Name { get; init; }
    public string? TradingName { get; init; }
    /// <summary>Electronic address (BT-34/BT-49), e.g. 0007:5567321707.</summary>
    public SchemedId? EndpointId { get; init; }
    public IReadOnlyList<SchemedId> Identifiers { get; init; } = [];
    /// <summary>Legal registration id (BT-30/BT-47), e.g. the Swedish organisation number.</summary>
    public SchemedId? LegalId { get; init; }
    public string? VatId { get; init; }
    public string? TaxRegistrationId { get; init; }
    /// <summary>Registration name (BT-27/BT-44).</summary>
    public string? LegalName { get; init; }
    public string? CountryCode { get; init; }
    public string? City { get; init; }
    public string? PostalCode { get; init; }
    public string? Street { get; init; }
}

public enum AccountKind
{
    Iban,
    Bankgiro,
    Plusgiro,
    Other,
}

/// <summary>A payee account: the number is normalised (no spaces or hyphens, upper case).</summary>
public sealed record PaymentAccount(AccountKind Kind, string Number, string? Bic = null)
{
    public override string ToString() => $"{Kind}:{Number}";
}

public sealed record PaymentInstruction(string? MeansCode, string? PaymentId, PaymentAccount? Account);

public sealed record AllowanceCharge(
    bool IsCharge,
    decimal Amount,
    decimal? BaseAmount,
    decimal? Percent,
    string? ReasonCode,
    string? Reason,
    string? VatCategory,
    decimal? VatRate);

public sealed record VatBreakdown(
    string Category,
    decimal? Rate,
    decimal TaxableAmount,
    decimal TaxAmount,
    string? ExemptionReasonCode = null,
    string? ExemptionReason = null);

public sealed class MonetaryTotals
{
    /// <summary>False when the document has no monetary totals at all (a fragment), so totals rules do not fire.</summary>
    public bool Stated { get; init; } = true;
    public decimal LineExtension { get; init; }
    public decimal? AllowanceTotal { get; init; }
    public decimal? ChargeTotal { get; init; }
    public decimal TaxExclusive { get; init; }
    /// <summary>Total VAT in the document currency (BT-110).</summary>
    public decimal? TaxTotal { get; init; }
    /// <summary>Total VAT in the tax currency when it differs (BT-111).</summary>
    public decimal? TaxTotalInTaxCurrency { get; init; }
    public decimal TaxInclusive { get; init; }
    public decimal? Prepaid { get; init; }
    public decimal? PayableRounding { get; init; }
    public decimal Payable { get; init; }
}

public sealed class InvoiceLine
{
    public string Id { get; init; } = "";
    public decimal Quantity { get; init; }
    public string? UnitCode { get; init; }
    /// <summary>Net line amount (BT-131), after line allowances and charges.</summary>
    public decimal NetAmount { get; init; }
    public decimal? UnitPrice { get; init; }
    public decimal? BaseQuantity { get; init; }
    public string? ItemName { get; init; }
    public string? Description { get; init; }
    public string? SellersItemId { get; init; }
    public string? BuyersItemId { get; init; }
    public SchemedId? StandardItemId { get; init; }
    public string? OrderLineReference { get; init; }
    public string? AccountingCost { get; init; }
    public string? VatCategory { get; init; }
    public decimal? VatRate { get; init; }
    public DatePeriod? Period { get; init; }
    public IReadOnlyList<AllowanceCharge> AllowanceCharges { get; init; } = [];

    /// <summary>The price of one unit: price amount divided by its base quantity.</summary>
    public decimal? EffectiveUnitPrice =>
        UnitPrice is null ? null : BaseQuantity is > 0 ? UnitPrice / BaseQuantity : UnitPrice;
}

/// <summary>An attached document. Large content is not held: <see cref="Content"/> is null past the limit.</summary>
public sealed record Attachment(string? Id, string? FileName, string? MimeCode, long Size, byte[]? Content, string? ExternalUri = null);
