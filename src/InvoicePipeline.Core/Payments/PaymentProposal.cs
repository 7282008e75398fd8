using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Payments;

/// <summary>A posted invoice that may be paid: amounts as the supplier asked for them (payable, invoice currency).</summary>
public sealed record PayableInvoice(long InvoiceId, string SupplierId, string InvoiceNumber, DateOnly IssueDate, DateOnly? DueDate, decimal Payable, string Currency, string? PaymentReference, long? VoucherId);

/// <summary>
/// A new or changed payee account seen by the master-data import (who imported it); nothing is paid to it until a
/// finance user who did not import it has verified this number (<see cref="PaymentRelease.RefuseVerification"/>).
/// </summary>
public sealed record AccountChange(string SupplierId, string NewNumber, DateTimeOffset ChangedAt, string? VerifiedBy, string? ImportedBy = null);

/// <summary>A transfer for one invoice, less the credits netted against it (<see cref="CreditNetting"/>): <see cref="Amount"/> is what is sent, always above zero.</summary>
public sealed record ProposedPayment(PayableInvoice Invoice, Supplier Supplier, PaymentAccount Account, DateOnly ExecutionDate)
{
    /// <summary>Credit notes (negative payables) of the same supplier and currency settled by this transfer.</summary>
    public IReadOnlyList<PayableInvoice> Credits { get; init; } = [];

    public decimal Amount => Invoice.Payable + Credits.Sum(c => c.Payable);
}

public sealed record WithheldPayment(PayableInvoice Invoice, string Reason);

public sealed record PaymentPlan(IReadOnlyList<ProposedPayment> Payments, IReadOnlyList<WithheldPayment> Withheld);

/// <summary>
/// Which posted invoices to pay by a date, and to which account. The account is always the supplier register's,
/// never the one printed on the invoice. An invoice already in a payment file is never proposed again. Payments
/// to a new or changed account not yet verified by finance (no time ends this), to an account shared by two suppliers,
/// or to a blocked supplier are withheld with the reason. Credits (signed payable below zero: credit notes of every
/// syntax, negative invoices) are netted against the same supplier's payable invoices in the same currency
/// (<see cref="CreditNetting"/>); one that cannot be netted waits, with the reason.
/// </summary>
public static class PaymentProposal
{
    public static PaymentPlan Propose(IEnumerable<PayableInvoice> invoices, IReadOnlyDictionary<string, Supplier> suppliers,
        IReadOnlyCollection<AccountChange> changes, IReadOnlySet<long> alreadyPaid, DateOnly dueBy, DateOnly today)
    {
        var payments = new List<ProposedPayment>();
        var withheld = new List<WithheldPayment>();
        var credits = new List<PayableInvoice>();
        var owners = suppliers.Values.SelectMany(s => s.Accounts().Select(a => (a.Number, s.SupplierId)))
            .GroupBy(x => x.Number, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.SupplierId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        foreach (var invoice in invoices.OrderBy(i => i.InvoiceId))
        {
            if (alreadyPaid.Contains(invoice.InvoiceId)) continue;
            if (!suppliers.TryGetValue(invoice.SupplierId, out var supplier))
            {
                withheld.Add(new(invoice, $"supplier {invoice.SupplierId} is not in the register"));
                continue;
            }
            // A credit is netted whenever it is there, whatever its own due date.
            if (invoice.Payable < 0)
            {
                if (!supplier.Blocked) credits.Add(invoice);
                continue;
            }
            var due = invoice.DueDate ?? invoice.IssueDate.AddDays(supplier.PaymentTermsDays ?? 30);
            if (due > dueBy) continue;
            if (invoice.Payable == 0)
            {
                withheld.Add(new(invoice, "nothing to pay: the invoice is fully prepaid"));
                continue;
            }
            if (supplier.Blocked)
            {
                withheld.Add(new(invoice, $"supplier {supplier.SupplierId} is blocked"));
                continue;
            }
            var account = PreferredAccount(supplier, invoice.Currency);
            if (account is null)
            {
                withheld.Add(new(invoice, $"supplier {supplier.SupplierId} has no registered account for {invoice.Currency}"));
                continue;
            }
            var quarantined = changes.FirstOrDefault(c => c.SupplierId == supplier.SupplierId && c.NewNumber == account.Number && c.VerifiedBy is null);
            if (quarantined is not null)
            {
                withheld.Add(new(invoice, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"account {account} of supplier {supplier.SupplierId} came with the import of {quarantined.ChangedAt:yyyy-MM-dd}{(quarantined.ImportedBy is null ? "" : " by " + quarantined.ImportedBy)}: it is in quarantine until a finance user who did not import it verifies this number")));
                continue;
            }
            if (owners.TryGetValue(account.Number, out var sharing) && sharing.Count > 1)
            {
                withheld.Add(new(invoice, $"account {account} is registered for several suppliers ({string.Join(", ", sharing)}): check before paying"));
                continue;
            }
            payments.Add(new(invoice, supplier, account, due < today ? today : due));
        }
        var (netted, waiting) = CreditNetting.Apply(payments, credits);
        withheld.AddRange(waiting.Select(w => new WithheldPayment(w.Credit, w.Reason)));
        return new PaymentPlan(netted, withheld);
    }

    /// <summary>Swedish payments go to bankgiro, then plusgiro; foreign currency to the IBAN.</summary>
    public static PaymentAccount? PreferredAccount(Supplier supplier, string currency)
    {
        var accounts = supplier.Accounts().ToList();
        return currency == "SEK"
            ? accounts.FirstOrDefault(a => a.Kind == AccountKind.Bankgiro) ?? accounts.FirstOrDefault(a => a.Kind == AccountKind.Plusgiro) ?? accounts.FirstOrDefault(a => a.Kind == AccountKind.Iban)
            : accounts.FirstOrDefault(a => a.Kind == AccountKind.Iban);
    }
}
