namespace InvoicePipeline.Payments;

/// <summary>What a bank says of a payment, a batch of payments (PmtInf) or a whole payment file.</summary>
public enum BankStatus
{
    /// <summary>pain.002 ACTC/ACCP/ACWC/PDNG and similar: taken in, not yet paid.</summary>
    Accepted,

    /// <summary>pain.002 ACSC, or a booked debit in camt.054: the money left the account.</summary>
    Booked,

    /// <summary>pain.002 RJCT, or a returned payment in camt.054: not paid.</summary>
    Rejected,
}

/// <summary>
/// One statement of a bank return file, at the level the bank chose: the original message (a group status), one of
/// its payment-information blocks, or one transaction (by end-to-end id). Amount, booking date and the bank's own
/// reference come with bookings.
/// </summary>
public sealed record BankReturnEntry(
    string Source,
    string? OriginalMessageId,
    string? OriginalPaymentInfoId,
    string? EndToEndId,
    BankStatus Status,
    string? ReasonCode = null,
    string? ReasonText = null,
    decimal? Amount = null,
    string? Currency = null,
    DateOnly? BookingDate = null,
    string? BankReference = null);

/// <summary>A payment as it left in a released payment file: the ids the bank will quote back and what was paid.</summary>
public sealed record SentPayment(long InvoiceId, string MessageId, string PaymentInfoId, string EndToEndId, decimal Amount, string Currency);

/// <summary>What the bank's word does to one invoice.</summary>
public sealed record BankOutcome(long InvoiceId, BankStatus Status, string Source, string? ReasonCode, string? ReasonText, DateOnly? BookingDate, string? BankReference);

/// <summary>A statement that names no payment we sent, or names one with a different amount or currency: reported, never ignored.</summary>
public sealed record UnmatchedBankEntry(BankReturnEntry Entry, string Why);

public sealed record BankReturnResult(IReadOnlyList<BankOutcome> Outcomes, IReadOnlyList<UnmatchedBankEntry> Unmatched);

/// <summary>
/// Matches bank returns to the payments that were sent. The most specific statement wins: a transaction's status over
/// its payment-information block's, that over the whole file's (a file accepted as a group with one transaction
/// rejected is a partial rejection). A booking must agree with the payment's amount and currency; a statement whose
/// references name nothing we sent is unmatched.
/// </summary>
public static class BankReturns
{
    public static BankReturnResult Match(IReadOnlyList<BankReturnEntry> entries, IReadOnlyList<SentPayment> sent)
    {
        var byEndToEnd = sent.ToDictionary(p => p.EndToEndId, StringComparer.Ordinal);
        var outcomes = new Dictionary<long, (int Level, BankOutcome Outcome)>();
        var unmatched = new List<UnmatchedBankEntry>();

        void Put(SentPayment p, int level, BankReturnEntry e)
        {
            var outcome = new BankOutcome(p.InvoiceId, e.Status, e.Source, e.ReasonCode, e.ReasonText, e.BookingDate, e.BankReference);
            if (!outcomes.TryGetValue(p.InvoiceId, out var held) || level > held.Level || (level == held.Level && Rank(e.Status) > Rank(held.Outcome.Status)))
                outcomes[p.InvoiceId] = (level, outcome);
        }

        foreach (var e in entries)
        {
            if (!string.IsNullOrEmpty(e.EndToEndId))
            {
                if (!byEndToEnd.TryGetValue(e.EndToEndId, out var p))
                {
                    unmatched.Add(new UnmatchedBankEntry(e, $"end-to-end id {e.EndToEndId} names no payment that was sent"));
                    continue;
                }
                if (e.Status == BankStatus.Booked && e.Amount is { } amount && (amount != p.Amount || !string.Equals(e.Currency ?? p.Currency, p.Currency, StringComparison.Ordinal)))
                {
                    unmatched.Add(new UnmatchedBankEntry(e, $"end-to-end id {e.EndToEndId}: the bank booked {amount:0.00} {e.Currency}, the payment was {p.Amount:0.00} {p.Currency}"));
                    continue;
                }
                Put(p, 3, e);
                continue;
            }
            if (!string.IsNullOrEmpty(e.OriginalPaymentInfoId))
            {
                var block = sent.Where(p => string.Equals(p.PaymentInfoId, e.OriginalPaymentInfoId, StringComparison.Ordinal)).ToList();
                if (block.Count == 0) unmatched.Add(new UnmatchedBankEntry(e, $"payment information {e.OriginalPaymentInfoId} names no payment that was sent"));
                foreach (var p in block) Put(p, 2, e);
                continue;
            }
            if (!string.IsNullOrEmpty(e.OriginalMessageId))
            {
                var file = sent.Where(p => string.Equals(p.MessageId, e.OriginalMessageId, StringComparison.Ordinal)).ToList();
                if (file.Count == 0) unmatched.Add(new UnmatchedBankEntry(e, $"message {e.OriginalMessageId} names no payment file that was sent"));
                foreach (var p in file) Put(p, 1, e);
                continue;
            }
            unmatched.Add(new UnmatchedBankEntry(e, "the statement carries no reference to a payment"));
        }
        return new BankReturnResult(outcomes.Values.Select(v => v.Outcome).OrderBy(o => o.InvoiceId).ToList(), unmatched);
    }

    // At the same level, a rejection or a booking says more than an acceptance.
    private static int Rank(BankStatus s) => s switch
    {
        BankStatus.Accepted => 0,
        BankStatus.Booked => 1,
        _ => 2,
    };

    /// <summary>The ISO 20022 payment status codes (ExternalPaymentTransactionStatus1Code / TransactionGroupStatus).</summary>
    public static BankStatus? FromPain002Code(string code) => code switch
    {
        "RJCT" => BankStatus.Rejected,
        "ACSC" => BankStatus.Booked,
        "ACCP" or "ACTC" or "ACWC" or "ACSP" or "PDNG" or "RCVD" or "ACCC" => BankStatus.Accepted,
        // PART (partially accepted) says nothing of any one transaction: the transactions' own statuses do.
        _ => null,
    };
}
