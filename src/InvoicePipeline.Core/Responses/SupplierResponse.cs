using InvoicePipeline.Invoices;

namespace InvoicePipeline.Responses;

/// <summary>
/// What the buyer tells the supplier about an invoice: the Peppol Invoice Response 3 status codes (UNCL4343 subset,
/// code list UNCL4343-T111). OIOUBL 2.1 senders get the subset their ApplicationResponse can say.
/// </summary>
public enum ResponseStatus
{
    /// <summary>AB: a readable invoice was received.</summary>
    Acknowledged,

    /// <summary>IP: processing has started.</summary>
    InProcess,

    /// <summary>UQ: processing is halted until the supplier answers a query.</summary>
    UnderQuery,

    /// <summary>CA: accepted under the conditions stated.</summary>
    ConditionallyAccepted,

    /// <summary>RE: will not be processed; the supplier must act (correct, re-issue or credit).</summary>
    Rejected,

    /// <summary>AP: approved for payment.</summary>
    Accepted,

    /// <summary>PD: payment initiated.</summary>
    Paid,
}

/// <summary>
/// One clarification of a response: an OPStatusReason code (why) or an OPStatusAction code (what the supplier should
/// do), with a text and, where a field is at fault, the business term and the value found (cac:Condition).
/// </summary>
public sealed record ResponseClarification(string ListId, string Code, string? Text = null, string? Attribute = null, string? Value = null)
{
    public const string ReasonList = "OPStatusReason";
    public const string ActionList = "OPStatusAction";

    public static ResponseClarification Reason(string code, string? text = null, string? attribute = null, string? value = null) =>
        new(ReasonList, code, text, attribute, value);

    public static ResponseClarification Action(string code, string? text = null) => new(ActionList, code, text);
}

/// <summary>A response to send: the event it answers (one response per invoice and event, never two), its status and why.</summary>
public sealed record SupplierResponse(string EventKey, ResponseStatus Status, DateOnly EffectiveDate, IReadOnlyList<ResponseClarification> Clarifications)
{
    public static string Code(ResponseStatus status) => status switch
    {
        ResponseStatus.Acknowledged => "AB",
        ResponseStatus.InProcess => "IP",
        ResponseStatus.UnderQuery => "UQ",
        ResponseStatus.ConditionallyAccepted => "CA",
        ResponseStatus.Rejected => "RE",
        ResponseStatus.Accepted => "AP",
        ResponseStatus.Paid => "PD",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string code, out ResponseStatus status)
    {
        foreach (var s in Enum.GetValues<ResponseStatus>())
        {
            if (string.Equals(Code(s), code, StringComparison.OrdinalIgnoreCase) || string.Equals(s.ToString(), code, StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }
        status = default;
        return false;
    }
}

/// <summary>An exception on an invoice as the supplier response sees it: its code and the human reason (rule id, line, expected vs found).</summary>
public sealed record RaisedException(string Code, string Reason);

/// <summary>
/// The rules for telling suppliers what became of their invoices. Pure: the job around it stores what was sent and
/// writes the files. Rejections name the status reason codes and the rule ids or the accountant's reason; exceptions
/// that only the supplier can mend put the invoice under query; exceptions that are the centre's own work (coding,
/// approvers, exchange rates, scan reading, which customer) are never sent.
/// </summary>
public static class SupplierResponses
{
    /// <summary>The OPStatusReason code for an exception code, or null where the exception is internal and never told.</summary>
    public static string? ReasonCode(string exceptionCode) => exceptionCode switch
    {
        ExceptionCode.RuleViolation => "LEG",
        ExceptionCode.InvalidDocument => "OTH",
        ExceptionCode.Duplicate => "OTH",
        ExceptionCode.NoMatch => "REF",
        ExceptionCode.PriceVariance or ExceptionCode.SubscriptionVariance => "PRI",
        ExceptionCode.QuantityVariance => "QTY",
        ExceptionCode.NotReceived => "DEL",
        ExceptionCode.CurrencyMismatch => "FIN",
        ExceptionCode.BankAccountMismatch => "PAY",
        ExceptionCode.SubscriptionPeriodInvoiced => "UNR",
        ExceptionCode.UnknownSupplier => "UNR",
        _ => null,
    };

    /// <summary>The OPStatusAction asked of the supplier for a reason code.</summary>
    private static string ActionFor(string exceptionCode) => exceptionCode switch
    {
        ExceptionCode.RuleViolation or ExceptionCode.InvalidDocument => "NIN",
        ExceptionCode.Duplicate or ExceptionCode.SubscriptionPeriodInvoiced => "NOA",
        ExceptionCode.PriceVariance or ExceptionCode.QuantityVariance or ExceptionCode.SubscriptionVariance => "CNP",
        _ => "PIN",
    };

    /// <summary>Received and readable (status Received or later, not rejected at the door).</summary>
    public static SupplierResponse Received(DateOnly date) => new("received", ResponseStatus.Acknowledged, date, []);

    /// <summary>
    /// The invoice was rejected (INVALID_DOCUMENT, RULE_VIOLATION, DUPLICATE) or rejected by an accountant. Every
    /// exception that can be told is a clarification with its reason text; an accountant's reason without an
    /// exception code is OTH with the text.
    /// </summary>
    public static SupplierResponse Rejected(DateOnly date, IReadOnlyList<RaisedException> exceptions, string? accountantReason = null)
    {
        var clarifications = new List<ResponseClarification>();
        foreach (var e in exceptions)
        {
            if (ReasonCode(e.Code) is { } code) clarifications.Add(ResponseClarification.Reason(code, Text(e)));
        }
        if (!string.IsNullOrWhiteSpace(accountantReason)) clarifications.Add(ResponseClarification.Reason("OTH", accountantReason.Trim()));
        if (clarifications.Count == 0) clarifications.Add(ResponseClarification.Reason("OTH", "Rejected by the buyer"));
        var action = exceptions.Select(e => e.Code).FirstOrDefault(c => ReasonCode(c) is not null) is { } first ? ActionFor(first) : "NIN";
        clarifications.Add(ResponseClarification.Action(action));
        return new SupplierResponse("rejected", ResponseStatus.Rejected, date, clarifications);
    }

    /// <summary>
    /// An invoice waiting for review: under query when at least one exception needs the supplier's answer (a missing
    /// order reference, a price or quantity off the order, an unregistered payee account); null when every exception
    /// is the centre's own work, so nothing is sent.
    /// </summary>
    public static SupplierResponse? UnderReview(DateOnly date, IReadOnlyList<RaisedException> exceptions)
    {
        var told = exceptions.Where(e => ReasonCode(e.Code) is not null && e.Code is not ExceptionCode.Duplicate).ToList();
        if (told.Count == 0) return null;
        var clarifications = told.Select(e => ResponseClarification.Reason(ReasonCode(e.Code)!, Text(e))).ToList();
        clarifications.Add(ResponseClarification.Action(ActionFor(told[0].Code)));
        return new SupplierResponse("under-query", ResponseStatus.UnderQuery, date, clarifications);
    }

    /// <summary>Attested: approved for payment.</summary>
    public static SupplierResponse Accepted(DateOnly date) => new("accepted", ResponseStatus.Accepted, date, []);

    /// <summary>Paid: the payment was released (or confirmed by the bank, where bank returns are read).</summary>
    public static SupplierResponse Paid(DateOnly date) => new("paid", ResponseStatus.Paid, date, []);

    private static string Text(RaisedException e) => string.IsNullOrWhiteSpace(e.Reason) ? e.Code : $"{e.Code}: {e.Reason.Trim()}";
}
