using InvoicePipeline.Invoices;

namespace InvoicePipeline.Responses;

/// <summary>
/// What is known of an invoice when deciding which responses are due: its effective status (Posted when attested with a
/// voucher), the exceptions raised, the accountant's reason for a rejection, and when each status was reached.
/// </summary>
public sealed record ResponseFacts(
    InvoiceStatus Status,
    IReadOnlyList<RaisedException> Exceptions,
    string? RejectionReason,
    DateOnly ReceivedOn,
    DateOnly? RejectedOn = null,
    DateOnly? AttestedOn = null,
    DateOnly? PaidOn = null);

/// <summary>
/// Which responses an invoice has earned, one per event (received, under-query, rejected, accepted, paid), limited to
/// the statuses the centre sends (Pipeline:Responses:Send). Pure; the job stores each under its event key, so an event
/// is answered once whatever happens later.
/// </summary>
public static class ResponseEvents
{
    /// <summary>The default of Pipeline:Responses:Send: many centres tell suppliers only of rejections and payments.</summary>
    public static readonly IReadOnlyList<ResponseStatus> DefaultSend = [ResponseStatus.Rejected, ResponseStatus.Paid];

    /// <summary>The invoice statuses (stored) under which a response of this status can be due: what the job selects by.</summary>
    public static IReadOnlyList<InvoiceStatus> CandidateStatuses(ResponseStatus status) => status switch
    {
        ResponseStatus.Acknowledged => Enum.GetValues<InvoiceStatus>().Where(s => s != InvoiceStatus.Rejected).ToList(),
        ResponseStatus.UnderQuery => [InvoiceStatus.AwaitingReview, InvoiceStatus.OnHold],
        ResponseStatus.Rejected => [InvoiceStatus.Rejected, InvoiceStatus.Duplicate],
        ResponseStatus.Accepted => [InvoiceStatus.Attested, InvoiceStatus.Posted, InvoiceStatus.Paid],
        ResponseStatus.Paid => [InvoiceStatus.Paid],
        _ => [],
    };

    /// <summary>The event key a response of this status is stored under (one response per invoice and key).</summary>
    public static string EventKey(ResponseStatus status) => status switch
    {
        ResponseStatus.Acknowledged => "received",
        ResponseStatus.UnderQuery => "under-query",
        ResponseStatus.Rejected => "rejected",
        ResponseStatus.Accepted => "accepted",
        ResponseStatus.Paid => "paid",
        ResponseStatus.InProcess => "in-process",
        ResponseStatus.ConditionallyAccepted => "conditionally-accepted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The responses due for the invoice among <paramref name="send"/>, in flow order.</summary>
    public static IReadOnlyList<SupplierResponse> Due(ResponseFacts facts, IReadOnlyCollection<ResponseStatus> send)
    {
        var due = new List<SupplierResponse>();
        var s = facts.Status;
        if (send.Contains(ResponseStatus.Acknowledged) && s != InvoiceStatus.Rejected)
            due.Add(SupplierResponses.Received(facts.ReceivedOn));
        if (send.Contains(ResponseStatus.UnderQuery) && s is InvoiceStatus.AwaitingReview or InvoiceStatus.OnHold
            && SupplierResponses.UnderReview(facts.ReceivedOn, facts.Exceptions) is { } query)
            due.Add(query);
        if (send.Contains(ResponseStatus.Rejected) && s is InvoiceStatus.Rejected or InvoiceStatus.Duplicate)
            due.Add(SupplierResponses.Rejected(facts.RejectedOn ?? facts.ReceivedOn, facts.Exceptions, facts.RejectionReason));
        if (send.Contains(ResponseStatus.Accepted) && s is InvoiceStatus.Attested or InvoiceStatus.Posted or InvoiceStatus.Paid)
            due.Add(SupplierResponses.Accepted(facts.AttestedOn ?? facts.ReceivedOn));
        if (send.Contains(ResponseStatus.Paid) && s == InvoiceStatus.Paid)
            due.Add(SupplierResponses.Paid(facts.PaidOn ?? facts.AttestedOn ?? facts.ReceivedOn));
        return due;
    }
}
