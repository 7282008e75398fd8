namespace InvoicePipeline.Invoices;

/// <summary>The invoice exception codes of outcomes.md, as the strings the report and the dashboard show.</summary>
public static class ExceptionCode
{
    public const string InvalidDocument = "INVALID_DOCUMENT";
    public const string RuleViolation = "RULE_VIOLATION";
    public const string Duplicate = "DUPLICATE";
    public const string SuspectedDuplicate = "SUSPECTED_DUPLICATE";
    public const string UnknownSupplier = "UNKNOWN_SUPPLIER";
    public const string SupplierBlocked = "SUPPLIER_BLOCKED";
    public const string BankAccountMismatch = "BANK_ACCOUNT_MISMATCH";
    public const string NoMatch = "NO_MATCH";
    public const string CurrencyMismatch = "CURRENCY_MISMATCH";
    public const string PriceVariance = "PRICE_VARIANCE";
    public const string QuantityVariance = "QUANTITY_VARIANCE";
    public const string NotReceived = "NOT_RECEIVED";
    public const string SubscriptionVariance = "SUBSCRIPTION_VARIANCE";
    public const string SubscriptionPeriodInvoiced = "SUBSCRIPTION_PERIOD_INVOICED";
    public const string MissingExchangeRate = "MISSING_EXCHANGE_RATE";
    public const string MissingCoding = "MISSING_CODING";
    public const string NoApprover = "NO_APPROVER";
    public const string LowConfidence = "LOW_CONFIDENCE";
    /// <summary>No organisation, more than one, or an inactive one is named by the buyer party (organisations.md).</summary>
    public const string UnknownBuyer = "UNKNOWN_BUYER";

    public static readonly IReadOnlyList<string> All =
    [
        InvalidDocument, RuleViolation, Duplicate, SuspectedDuplicate, UnknownSupplier, SupplierBlocked,
        BankAccountMismatch, NoMatch, CurrencyMismatch, PriceVariance, QuantityVariance, NotReceived,
        SubscriptionVariance, SubscriptionPeriodInvoiced, MissingExchangeRate, MissingCoding, NoApprover,
        LowConfidence, UnknownBuyer,
    ];

    /// <summary>The status an exception leads to (outcomes.md).</summary>
    public static InvoiceStatus StatusFor(string code) => code switch
    {
        InvalidDocument or RuleViolation => InvoiceStatus.Rejected,
        Duplicate => InvoiceStatus.Duplicate,
        SupplierBlocked => InvoiceStatus.OnHold,
        _ when All.Contains(code) => InvoiceStatus.AwaitingReview,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not an exception code of outcomes.md."),
    };

    /// <summary>Higher is more severe: an invoice carrying several codes takes the most severe one's status.</summary>
    public static int Severity(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Rejected => 4,
        InvoiceStatus.Duplicate => 3,
        InvoiceStatus.OnHold => 2,
        InvoiceStatus.AwaitingReview => 1,
        _ => 0,
    };

    /// <summary>The status of an invoice that carries these exceptions, or null when it carries none.</summary>
    public static InvoiceStatus? MostSevere(IEnumerable<string> codes)
    {
        InvoiceStatus? worst = null;
        foreach (var code in codes)
        {
            var status = StatusFor(code);
            if (worst is null || Severity(status) > Severity(worst.Value))
                worst = status;
        }
        return worst;
    }
}

/// <summary>An exception raised for an invoice: the code, and a reason a person can act on.</summary>
public sealed record InvoiceIssue(string Code, string Reason)
{
    public override string ToString() => $"{Code}: {Reason}";
}
