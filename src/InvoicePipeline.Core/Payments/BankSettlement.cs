using InvoicePipeline.Invoices;

namespace InvoicePipeline.Payments;

/// <summary>When an invoice counts as paid: when a second finance user releases its payment file (today's meaning), or only when the bank confirms it.</summary>
public enum PaidOn
{
    /// <summary>Released = paid: the invoices of a released payment file are Paid at once; a bank file, when one comes, can still return a payment.</summary>
    Release,

    /// <summary>Paid only on the bank's word: a released payment stays Posted until a pain.002 ACSC or a camt.054 booking confirms it.</summary>
    Bank,
}

/// <summary>What the bank's word does to one invoice and its payment row.</summary>
public enum SettlementKind
{
    /// <summary>Nothing changes (already recorded).</summary>
    None,

    /// <summary>The bank took the payment in (accepted, not yet booked): kept on the payment, the status stays.</summary>
    Accepted,

    /// <summary>The bank booked the payment: the invoice becomes Paid, booking date and bank reference kept.</summary>
    Paid,

    /// <summary>The bank booked a payment of an invoice that is already Paid (released = paid): booking date and bank reference kept.</summary>
    Confirmed,

    /// <summary>The bank rejected or returned the payment: the invoice is payable again (Posted), the payment row inactive, the bank's reason in the history.</summary>
    BackToPayable,

    /// <summary>The bank's word contradicts what we hold (a booking of a cancelled or rejected payment): reported, nothing changed.</summary>
    Conflict,
}

public sealed record SettlementStep(SettlementKind Kind, InvoiceStatus? To, string Reason);

/// <summary>
/// The rules that turn a matched bank statement (<see cref="BankReturns.Match"/>) into a change of an invoice. Pure: the
/// job around it reads the files, loads the payments and writes the rows. <paramref name="current"/> is the effective
/// status (Posted when attested with a voucher).
/// </summary>
public static class BankSettlement
{
    /// <summary>The status a released payment file gives its invoices.</summary>
    public static InvoiceStatus OnRelease(PaidOn paidOn) => paidOn == PaidOn.Bank ? InvoiceStatus.Posted : InvoiceStatus.Paid;

    public static SettlementStep Decide(BankOutcome outcome, InvoiceStatus current, bool paymentActive, BankStatus? recorded)
    {
        var source = outcome.Source;
        switch (outcome.Status)
        {
            case BankStatus.Booked when !paymentActive:
                return new(SettlementKind.Conflict, null, $"{source}: the bank booked a payment that is cancelled or was returned");
            case BankStatus.Booked when recorded == BankStatus.Booked:
                return new(SettlementKind.None, null, $"{source}: booking already recorded");
            case BankStatus.Booked when current == InvoiceStatus.Paid:
                return new(SettlementKind.Confirmed, null, $"{source}: the bank booked the payment{Booking(outcome)}");
            case BankStatus.Booked when current == InvoiceStatus.Posted:
                return new(SettlementKind.Paid, InvoiceStatus.Paid, $"{source}: the bank booked the payment{Booking(outcome)}");
            case BankStatus.Booked:
                return new(SettlementKind.Conflict, null, $"{source}: the bank booked a payment of an invoice that is {current}");
            case BankStatus.Rejected when !paymentActive:
                return new(SettlementKind.None, null, $"{source}: the payment is no longer active");
            case BankStatus.Rejected:
                // Also after a booking: a camt.054 return (RtrInf) means the money did not stay with the supplier.
                return Back(outcome, current);
            case BankStatus.Accepted when recorded is BankStatus.Accepted or BankStatus.Booked || !paymentActive:
                return new(SettlementKind.None, null, $"{source}: nothing new");
            default:
                return new(SettlementKind.Accepted, null, $"{source}: the bank accepted the payment{Reason(outcome)}");
        }
    }

    private static SettlementStep Back(BankOutcome outcome, InvoiceStatus current) =>
        current is InvoiceStatus.Paid or InvoiceStatus.Posted
            ? new(SettlementKind.BackToPayable, InvoiceStatus.Posted, $"{outcome.Source}: the bank rejected the payment{Reason(outcome)}; payable again")
            : new(SettlementKind.Conflict, null, $"{outcome.Source}: the bank rejected a payment of an invoice that is {current}{Reason(outcome)}");

    /// <summary>The bank's reason as the history and the dashboard show it: code and text.</summary>
    public static string BankReason(BankOutcome outcome) =>
        string.Join(" ", new[] { outcome.ReasonCode, outcome.ReasonText }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static string Reason(BankOutcome outcome) => BankReason(outcome) is { Length: > 0 } r ? $" ({r})" : "";

    private static string Booking(BankOutcome outcome)
    {
        var parts = new List<string>();
        if (outcome.BookingDate is { } d) parts.Add("on " + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(outcome.BankReference)) parts.Add("bank reference " + outcome.BankReference);
        return parts.Count == 0 ? "" : " " + string.Join(", ", parts);
    }
}
