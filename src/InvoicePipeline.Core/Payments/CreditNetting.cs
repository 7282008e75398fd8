namespace InvoicePipeline.Payments;

/// <summary>A credit (a credit note or a negative invoice, signed payable below zero) that is not netted now, and why.</summary>
public sealed record WaitingCredit(PayableInvoice Credit, string Reason);

/// <summary>
/// Nets a supplier's credits against the same supplier's payable invoices of a proposal, per currency (the proposal is one
/// organisation's). Each credit is settled whole against one invoice: the invoice with the largest amount still to pay
/// that stays above zero after it (ties: the earliest due, then the lowest id), so a transfer is never negative or zero
/// and a credit is never split. A credit that no invoice of the proposal can take (larger than what is due) waits for
/// the supplier's next invoice, with the reason. Credits are taken oldest first.
/// </summary>
public static class CreditNetting
{
    public static (IReadOnlyList<ProposedPayment> Payments, IReadOnlyList<WaitingCredit> Waiting) Apply(
        IReadOnlyList<ProposedPayment> payments, IEnumerable<PayableInvoice> credits)
    {
        var result = payments.ToList();
        var waiting = new List<WaitingCredit>();
        foreach (var credit in credits.OrderBy(c => c.InvoiceId))
        {
            if (credit.Payable >= 0) throw new ArgumentException($"invoice {credit.InvoiceId} is not a credit (payable {credit.Payable})", nameof(credits));
            var best = -1;
            for (var i = 0; i < result.Count; i++)
            {
                var p = result[i];
                if (!string.Equals(p.Invoice.SupplierId, credit.SupplierId, StringComparison.Ordinal)
                    || !string.Equals(p.Invoice.Currency, credit.Currency, StringComparison.Ordinal)
                    || p.Amount + credit.Payable <= 0m) continue;
                if (best < 0 || p.Amount > result[best].Amount
                    || p.Amount == result[best].Amount && (p.ExecutionDate, p.Invoice.InvoiceId).CompareTo((result[best].ExecutionDate, result[best].Invoice.InvoiceId)) < 0)
                    best = i;
            }
            if (best < 0)
            {
                var due = result.Where(p => p.Invoice.SupplierId == credit.SupplierId && p.Invoice.Currency == credit.Currency).Select(p => p.Amount).DefaultIfEmpty(0m).Max();
                waiting.Add(new(credit, due == 0m
                    ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"credit {-credit.Payable:0.00} {credit.Currency} waits: nothing of supplier {credit.SupplierId} in {credit.Currency} is due to net it against")
                    : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"credit {-credit.Payable:0.00} {credit.Currency} waits: larger than what is due on any invoice of supplier {credit.SupplierId} (at most {due:0.00} {credit.Currency}); it is netted against a later invoice")));
                continue;
            }
            result[best] = result[best] with { Credits = [.. result[best].Credits, credit] };
        }
        return (result, waiting);
    }
}
