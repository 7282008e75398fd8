using InvoicePipeline.Payments;

namespace InvoicePipeline.Core.Tests.Payments;

public sealed class BankReturnsFacts
{
    private static readonly SentPayment A = new(1, "MSG-1", "MSG-1-1", "INV-1", 1250.00m, "SEK");
    private static readonly SentPayment B = new(2, "MSG-1", "MSG-1-1", "INV-2", 300.00m, "SEK");
    private static readonly SentPayment C = new(3, "MSG-1", "MSG-1-2", "INV-3", 99.50m, "EUR");
    private static readonly SentPayment[] Sent = [A, B, C];

    [Fact]
    public void Match_AFileAcceptedAsAGroupWithOneTransactionRejected_RejectsOnlyThatTransaction()
    {
        var result = BankReturns.Match(
        [
            new("f.xml", "MSG-1", null, null, BankStatus.Accepted),
            new("f.xml", "MSG-1", "MSG-1-1", "INV-2", BankStatus.Rejected, "AC04", "Closed account number"),
        ], Sent);

        Assert.Empty(result.Unmatched);
        Assert.Equal([(1L, BankStatus.Accepted), (2L, BankStatus.Rejected), (3L, BankStatus.Accepted)], result.Outcomes.Select(o => (o.InvoiceId, o.Status)));
        var rejected = result.Outcomes.Single(o => o.InvoiceId == 2);
        Assert.Equal("AC04", rejected.ReasonCode);
        Assert.Equal("Closed account number", rejected.ReasonText);
    }

    [Fact]
    public void Match_ARejectedPaymentInformationBlock_RejectsEveryPaymentOfTheBlockOnly()
    {
        var result = BankReturns.Match([new("f.xml", "MSG-1", "MSG-1-1", null, BankStatus.Rejected, "NARR", "CAP invalid")], Sent);
        Assert.Equal([1L, 2L], result.Outcomes.Select(o => o.InvoiceId));
        Assert.All(result.Outcomes, o => Assert.Equal(BankStatus.Rejected, o.Status));
    }

    [Fact]
    public void Match_AWholeFileRejected_RejectsEveryPaymentOfTheFile()
    {
        var result = BankReturns.Match([new("f.xml", "MSG-1", null, null, BankStatus.Rejected, "DU01")], Sent);
        Assert.Equal(3, result.Outcomes.Count(o => o.Status == BankStatus.Rejected && o.ReasonCode == "DU01"));
    }

    [Fact]
    public void Match_ABookingWithTheSameAmount_ConfirmsThePaymentWithDateAndReference()
    {
        var result = BankReturns.Match([new("c.xml", null, null, "INV-3", BankStatus.Booked, Amount: 99.50m, Currency: "EUR", BookingDate: new DateOnly(2026, 12, 8), BankReference: "BANKREF-9")], Sent);
        var o = Assert.Single(result.Outcomes);
        Assert.Equal((3L, BankStatus.Booked, new DateOnly(2026, 12, 8), "BANKREF-9"), (o.InvoiceId, o.Status, o.BookingDate!.Value, o.BankReference));
    }

    [Fact]
    public void Match_ABookingOfAnotherAmount_IsUnmatchedWithBothAmounts()
    {
        var result = BankReturns.Match([new("c.xml", null, null, "INV-1", BankStatus.Booked, Amount: 1205.00m, Currency: "SEK")], Sent);
        Assert.Empty(result.Outcomes);
        var u = Assert.Single(result.Unmatched);
        Assert.Contains("1205.00", u.Why, StringComparison.Ordinal);
        Assert.Contains("1250.00", u.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_AnUnknownReference_IsReportedNeverIgnored()
    {
        var result = BankReturns.Match(
        [
            new("c.xml", null, null, "INV-404", BankStatus.Booked, Amount: 1m),
            new("p.xml", "MSG-9", null, null, BankStatus.Accepted),
            new("p.xml", "MSG-1", "MSG-1-7", null, BankStatus.Rejected),
            new("c.xml", null, null, null, BankStatus.Booked, Amount: 5m),
        ], Sent);
        Assert.Empty(result.Outcomes);
        Assert.Equal(4, result.Unmatched.Count);
        Assert.Contains("INV-404", result.Unmatched[0].Why, StringComparison.Ordinal);
        Assert.Contains("MSG-9", result.Unmatched[1].Why, StringComparison.Ordinal);
        Assert.Contains("MSG-1-7", result.Unmatched[2].Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RJCT", BankStatus.Rejected)]
    [InlineData("ACSC", BankStatus.Booked)]
    [InlineData("ACCP", BankStatus.Accepted)]
    [InlineData("ACTC", BankStatus.Accepted)]
    [InlineData("PDNG", BankStatus.Accepted)]
    public void FromPain002Code_MapsTheIsoStatus(string code, BankStatus expected) => Assert.Equal(expected, BankReturns.FromPain002Code(code));

    [Fact]
    public void FromPain002Code_PartiallyAcceptedSaysNothingOfAnyOnePayment() => Assert.Null(BankReturns.FromPain002Code("PART"));
}
