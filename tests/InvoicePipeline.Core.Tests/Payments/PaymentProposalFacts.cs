using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;
using InvoicePipeline.Payments;

namespace InvoicePipeline.Tests.Payments;

public sealed class PaymentProposalFacts
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly Supplier A = new() { SupplierId = "A", Name = "A AB", Bankgiro = "5050-1055" };
    private static readonly Supplier B = new() { SupplierId = "B", Name = "B AB", Plusgiro = "12345-5", Iban = "DK5000400440116243" };

    private static PayableInvoice Inv(long id, string supplier = "A", decimal amount = 100m, int dueInDays = 0, string currency = "SEK") =>
        new(id, supplier, "F" + id, Today.AddDays(-20), Today.AddDays(dueInDays), amount, currency, "1234567897", 1000 + id);

    private static Dictionary<string, Supplier> Register(params Supplier[] s) => s.ToDictionary(x => x.SupplierId);

    [Fact]
    public void Propose_PaysDueInvoices_ToTheRegisteredAccount_NeverTwice()
    {
        var plan = PaymentProposal.Propose([Inv(1), Inv(2, dueInDays: 5), Inv(3, dueInDays: 30)], Register(A), [], new HashSet<long> { 2 }, Today.AddDays(10), Today);
        var p = Assert.Single(plan.Payments);
        Assert.Equal(1, p.Invoice.InvoiceId);
        Assert.Equal(new PaymentAccount(AccountKind.Bankgiro, "50501055"), p.Account);
        Assert.Equal(Today, p.ExecutionDate);
        Assert.Empty(plan.Withheld);
    }

    [Fact]
    public void Propose_WithholdsAChangedAccountInQuarantine_UntilVerified_NeverEndingByTime()
    {
        var fresh = new AccountChange("A", "50501055", new DateTimeOffset(Today.AddDays(-3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null);
        var plan = PaymentProposal.Propose([Inv(1)], Register(A), [fresh], new HashSet<long>(), Today, Today);
        Assert.Empty(plan.Payments);
        Assert.Contains("quarantine", Assert.Single(plan.Withheld).Reason, StringComparison.Ordinal);

        Assert.Single(PaymentProposal.Propose([Inv(1)], Register(A), [fresh with { VerifiedBy = "fiona" }], new HashSet<long>(), Today, Today).Payments);
        // Issue 18: the quarantine used to end by itself after 14 days; a year later the account is still not paid.
        var old = fresh with { ChangedAt = fresh.ChangedAt.AddDays(-365) };
        Assert.Empty(PaymentProposal.Propose([Inv(1)], Register(A), [old], new HashSet<long>(), Today, Today).Payments);
        // Another number of the same supplier verified does not clear this one.
        Assert.Empty(PaymentProposal.Propose([Inv(1)], Register(A), [old, old with { NewNumber = "99999999", VerifiedBy = "fiona" }], new HashSet<long>(), Today, Today).Payments);
    }

    [Fact]
    public void Release_NeedsASecondFinanceUser_AndVerification_SomeoneWhoDidNotImportTheAccount()
    {
        var finance = new HashSet<string> { PaymentRelease.FinanceRole };
        Assert.Null(PaymentRelease.RefuseRelease(PaymentFileState.Proposed, "fiona", "frank", finance));
        Assert.Contains("another finance user", PaymentRelease.RefuseRelease(PaymentFileState.Proposed, "fiona", "FIONA", finance), StringComparison.Ordinal);
        Assert.Contains("only finance", PaymentRelease.RefuseRelease(PaymentFileState.Proposed, "fiona", "bo", new HashSet<string> { "approver" }), StringComparison.Ordinal);
        Assert.NotNull(PaymentRelease.RefuseRelease(PaymentFileState.Released, "fiona", "frank", finance));
        Assert.NotNull(PaymentRelease.RefuseRelease(PaymentFileState.Cancelled, "fiona", "frank", finance));

        var change = new AccountChange("A", "50501055", DateTimeOffset.UnixEpoch, null, "fiona");
        Assert.Contains("another finance user must verify", PaymentRelease.RefuseVerification(change, "fiona", finance), StringComparison.Ordinal);
        Assert.Null(PaymentRelease.RefuseVerification(change, "frank", finance));
        Assert.NotNull(PaymentRelease.RefuseVerification(change, "bo", new HashSet<string> { "approver" }));
    }

    [Fact]
    public void Propose_FlagsAnAccountSharedByTwoSuppliers_AndBlockedOnes_AndCreditNotes()
    {
        var twin = new Supplier { SupplierId = "T", Name = "Twin AB", Bankgiro = "50501055" };
        var blocked = new Supplier { SupplierId = "X", Name = "X AB", Bankgiro = "1234566", Blocked = true };
        var plan = PaymentProposal.Propose([Inv(1), Inv(2, "X"), Inv(3, amount: -50m)], Register(A, twin, blocked), [], new HashSet<long>(), Today, Today);
        Assert.Empty(plan.Payments);
        Assert.Collection(plan.Withheld.OrderBy(w => w.Invoice.InvoiceId),
            w => Assert.Contains("several suppliers", w.Reason, StringComparison.Ordinal),
            w => Assert.Contains("blocked", w.Reason, StringComparison.Ordinal),
            w => Assert.Contains("credit note", w.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void PreferredAccount_IsBankgiroThenPlusgiroForSek_AndIbanForForeignCurrency()
    {
        Assert.Equal(AccountKind.Plusgiro, PaymentProposal.PreferredAccount(B, "SEK")!.Kind);
        Assert.Equal(AccountKind.Iban, PaymentProposal.PreferredAccount(B, "EUR")!.Kind);
        Assert.Null(PaymentProposal.PreferredAccount(A, "EUR"));
    }
}
