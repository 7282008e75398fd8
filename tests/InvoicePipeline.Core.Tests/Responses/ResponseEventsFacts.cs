using InvoicePipeline.Invoices;
using InvoicePipeline.Responses;

namespace InvoicePipeline.Core.Tests.Responses;

public sealed class ResponseEventsFacts
{
    private static readonly DateOnly Received = new(2026, 12, 1);
    private static readonly ResponseStatus[] All =
        [ResponseStatus.Acknowledged, ResponseStatus.UnderQuery, ResponseStatus.Rejected, ResponseStatus.Accepted, ResponseStatus.Paid];

    [Fact]
    public void ByDefault_OnlyRejectionsAndPaymentsAreSent()
    {
        Assert.Equal([ResponseStatus.Rejected, ResponseStatus.Paid], ResponseEvents.DefaultSend);
        Assert.Empty(ResponseEvents.Due(new ResponseFacts(InvoiceStatus.Posted, [], null, Received), ResponseEvents.DefaultSend));
        var paid = Assert.Single(ResponseEvents.Due(new ResponseFacts(InvoiceStatus.Paid, [], null, Received, PaidOn: new DateOnly(2026, 12, 9)), ResponseEvents.DefaultSend));
        Assert.Equal(("paid", ResponseStatus.Paid, new DateOnly(2026, 12, 9)), (paid.EventKey, paid.Status, paid.EffectiveDate));
    }

    [Fact]
    public void APaidInvoice_HasEarnedEveryEventOnTheWay_EachUnderItsOwnKey()
    {
        var due = ResponseEvents.Due(new ResponseFacts(InvoiceStatus.Paid, [], null, Received, AttestedOn: Received.AddDays(2)), All);
        Assert.Equal(["received", "accepted", "paid"], due.Select(d => d.EventKey));
        Assert.All(due, d => Assert.Equal(ResponseEvents.EventKey(d.Status), d.EventKey));
    }

    [Fact]
    public void ARejection_CarriesTheAccountantsReason_AndAReviewOnlyTheCentreCanMendSendsNothing()
    {
        var rejected = Assert.Single(ResponseEvents.Due(new ResponseFacts(InvoiceStatus.Rejected, [], "Wrong authority", Received, RejectedOn: Received.AddDays(1)), All));
        Assert.Equal((ResponseStatus.Rejected, Received.AddDays(1)), (rejected.Status, rejected.EffectiveDate));
        Assert.Contains(rejected.Clarifications, c => c.Code == "OTH" && c.Text == "Wrong authority");
        var internalOnly = ResponseEvents.Due(new ResponseFacts(InvoiceStatus.AwaitingReview, [new RaisedException(ExceptionCode.MissingCoding, "line 1")], null, Received),
            [ResponseStatus.UnderQuery]);
        Assert.Empty(internalOnly);
        var query = ResponseEvents.Due(new ResponseFacts(InvoiceStatus.AwaitingReview, [new RaisedException(ExceptionCode.NoMatch, "no order")], null, Received),
            [ResponseStatus.UnderQuery]);
        Assert.Equal("under-query", Assert.Single(query).EventKey);
    }

    [Fact]
    public void CandidateStatuses_CoverEveryStatusThatCanEarnTheResponse()
    {
        foreach (var send in All)
            foreach (var status in Enum.GetValues<InvoiceStatus>())
            {
                var due = ResponseEvents.Due(new ResponseFacts(status, [new RaisedException(ExceptionCode.NoMatch, "x")], null, Received), [send]);
                if (due.Count > 0) Assert.Contains(status, ResponseEvents.CandidateStatuses(send));
            }
    }
}
