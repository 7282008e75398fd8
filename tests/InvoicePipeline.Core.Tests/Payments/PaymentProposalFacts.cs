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
            w => Assert.Contains("credit 50.00 SEK waits: nothing of supplier A in SEK is due", w.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Propose_NetsACreditNoteAgainstTheSameSuppliersInvoice_InTheSameCurrency()
    {
        var plan = PaymentProposal.Propose([Inv(1, amount: 1000m), Inv(2, amount: 400m, dueInDays: 3), Inv(3, amount: -300m, dueInDays: 60), Inv(4, "B", amount: 500m), Inv(5, amount: -50m, currency: "EUR")],
            Register(A, B), [], new HashSet<long>(), Today.AddDays(5), Today);

        var first = plan.Payments.Single(p => p.Invoice.InvoiceId == 1);
        Assert.Equal(700m, first.Amount);
        Assert.Equal([3L], first.Credits.Select(c => c.InvoiceId));
        Assert.Equal(400m, plan.Payments.Single(p => p.Invoice.InvoiceId == 2).Amount);
        Assert.Equal(500m, plan.Payments.Single(p => p.Invoice.InvoiceId == 4).Amount);
        Assert.All(plan.Payments, p => Assert.True(p.Amount > 0m));
        // The EUR credit has no EUR invoice to net against: it waits, with the reason.
        Assert.Contains("credit 50.00 EUR waits", Assert.Single(plan.Withheld, w => w.Invoice.InvoiceId == 5).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_NeverMakesAZeroOrNegativeTransfer_ACreditLargerThanWhatIsDueWaits()
    {
        var plan = PaymentProposal.Propose([Inv(1, amount: 300m), Inv(2, amount: -300m), Inv(3, amount: -500m)], Register(A), [], new HashSet<long>(), Today, Today);

        var only = Assert.Single(plan.Payments);
        Assert.Equal(300m, only.Amount);
        Assert.Empty(only.Credits);
        Assert.Collection(plan.Withheld.OrderBy(w => w.Invoice.InvoiceId),
            w => Assert.Contains("larger than what is due on any invoice of supplier A (at most 300.00 SEK)", w.Reason, StringComparison.Ordinal),
            w => Assert.Contains("credit 500.00 SEK waits", w.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void CreditNetting_PutsEachCreditOnTheInvoiceWithTheMostLeftToPay()
    {
        var a = new ProposedPayment(Inv(1, amount: 200m), A, new PaymentAccount(AccountKind.Bankgiro, "50501055"), Today);
        var b = new ProposedPayment(Inv(2, amount: 900m), A, new PaymentAccount(AccountKind.Bankgiro, "50501055"), Today);

        var (payments, waiting) = CreditNetting.Apply([a, b], [Inv(7, amount: -600m), Inv(8, amount: -250m)]);

        Assert.Empty(waiting);
        Assert.Equal([200m - 0m, 900m - 600m - 250m], payments.Select(p => p.Amount));
        Assert.Equal(1100m - 850m, payments.Sum(p => p.Amount));
    }

    [Fact]
    public void PreferredAccount_IsBankgiroThenPlusgiroForSek_AndIbanForForeignCurrency()
    {
        Assert.Equal(AccountKind.Plusgiro, PaymentProposal.PreferredAccount(B, "SEK")!.Kind);
        Assert.Equal(AccountKind.Iban, PaymentProposal.PreferredAccount(B, "EUR")!.Kind);
        Assert.Null(PaymentProposal.PreferredAccount(A, "EUR"));
    }
}
