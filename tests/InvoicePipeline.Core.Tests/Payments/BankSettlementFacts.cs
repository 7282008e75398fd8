using InvoicePipeline.Invoices;
using InvoicePipeline.Payments;

namespace InvoicePipeline.Core.Tests.Payments;

public sealed class BankSettlementFacts
{
    private static BankOutcome Booked => new(1, BankStatus.Booked, "bank/camt054.xml", null, null, new DateOnly(2026, 12, 9), "SEB-0001");
    private static BankOutcome Rejected => new(1, BankStatus.Rejected, "bank/pain002.xml", "AC04", "Account closed", null, null);
    private static BankOutcome Accepted => new(1, BankStatus.Accepted, "bank/pain002.xml", null, null, null, null);

    [Fact]
    public void Release_PaysAtOnce_OrLeavesItPostedUntilTheBankConfirms()
    {
        Assert.Equal(InvoiceStatus.Paid, BankSettlement.OnRelease(PaidOn.Release));
        Assert.Equal(InvoiceStatus.Posted, BankSettlement.OnRelease(PaidOn.Bank));
    }

    [Fact]
    public void ABooking_PaysAPostedInvoice_AndConfirmsAPaidOne_WithDateAndReference()
    {
        var paid = BankSettlement.Decide(Booked, InvoiceStatus.Posted, paymentActive: true, recorded: BankStatus.Accepted);
        Assert.Equal((SettlementKind.Paid, InvoiceStatus.Paid), (paid.Kind, paid.To!.Value));
        Assert.Contains("2026-12-09", paid.Reason, StringComparison.Ordinal);
        Assert.Contains("SEB-0001", paid.Reason, StringComparison.Ordinal);
        Assert.Equal(SettlementKind.Confirmed, BankSettlement.Decide(Booked, InvoiceStatus.Paid, true, null).Kind);
        Assert.Equal(SettlementKind.None, BankSettlement.Decide(Booked, InvoiceStatus.Paid, true, BankStatus.Booked).Kind);
    }

    [Fact]
    public void ARejection_PutsTheInvoiceBackToPayable_WithTheBanksReason_WhetherItWasPaidOrNot()
    {
        foreach (var current in new[] { InvoiceStatus.Posted, InvoiceStatus.Paid })
        {
            var step = BankSettlement.Decide(Rejected, current, true, null);
            Assert.Equal((SettlementKind.BackToPayable, InvoiceStatus.Posted), (step.Kind, step.To!.Value));
            Assert.Contains("AC04 Account closed", step.Reason, StringComparison.Ordinal);
        }
        // A return after the booking (camt.054 RtrInf) too.
        Assert.Equal(SettlementKind.BackToPayable, BankSettlement.Decide(Rejected, InvoiceStatus.Paid, true, BankStatus.Booked).Kind);
        Assert.Equal("AC04 Account closed", BankSettlement.BankReason(Rejected));
    }

    [Fact]
    public void WhatContradictsOurRecords_IsAConflict_NeverAQuietChange()
    {
        Assert.Equal(SettlementKind.Conflict, BankSettlement.Decide(Booked, InvoiceStatus.Posted, paymentActive: false, recorded: BankStatus.Rejected).Kind);
        Assert.Equal(SettlementKind.Conflict, BankSettlement.Decide(Booked, InvoiceStatus.AwaitingReview, true, null).Kind);
        Assert.Equal(SettlementKind.None, BankSettlement.Decide(Rejected, InvoiceStatus.Posted, false, BankStatus.Rejected).Kind);
    }

    [Fact]
    public void AnAcceptance_IsKept_AndChangesNoStatus()
    {
        var step = BankSettlement.Decide(Accepted, InvoiceStatus.Posted, true, null);
        Assert.Equal((SettlementKind.Accepted, (InvoiceStatus?)null), (step.Kind, step.To));
        Assert.Equal(SettlementKind.None, BankSettlement.Decide(Accepted, InvoiceStatus.Paid, true, BankStatus.Booked).Kind);
    }
}
