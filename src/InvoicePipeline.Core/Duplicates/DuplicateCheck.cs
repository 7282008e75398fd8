using InvoicePipeline.Invoices;

namespace InvoicePipeline.Duplicates;

/// <summary>
/// What the duplicate check needs of an already-accepted invoice (one row per accepted invoice, stored by the caller).
/// <see cref="Number"/> is the lossless key form (<see cref="InvoiceNumber.Key"/>); <see cref="Sign"/> the document's
/// sign (<see cref="DocumentSign"/>), so a credit note numbered like an invoice is not its duplicate.
/// </summary>
public sealed record InvoiceKey(string SupplierId, string Number, decimal Total, string Currency, DateOnly IssueDate, string? Reference = null, int Sign = 1, long? InvoiceId = null)
{
    public static InvoiceKey For(string supplierId, Invoice invoice, string? reference = null) =>
        new(supplierId, InvoiceNumber.Key(invoice.Number), invoice.Totals.Payable, invoice.Currency, invoice.IssueDate, reference, invoice.Sign);

    /// <summary>The stored, unique key (invoices.DuplicateKey): supplier, kind (I invoice, C credit) and number.</summary>
    public string Stored => StoredKey(SupplierId, Sign, Number);

    public static string StoredKey(string supplierId, int sign, string number) =>
        string.Concat(supplierId, sign < 0 ? "|C|" : "|I|", number);
}

/// <summary>A duplicate finding with the earlier invoice it concerns.</summary>
public sealed record DuplicateFinding(InvoiceIssue Issue, InvoiceKey Earlier);

/// <summary>
/// DUPLICATE: same supplier, same kind (invoice or credit note) and the same number up to case and surrounding spaces
/// as an accepted invoice. SUSPECTED_DUPLICATE: the numbers differ only in separators and leading zeros ("INV-0012",
/// "inv 12"), or same supplier, currency and total with issue dates within 7 days. The caller passes the supplier's
/// accepted keys. (Identical bytes are caught earlier, at intake, by the SHA-256 of the file.)
/// </summary>
public static class DuplicateCheck
{
    public const int SuspectWindowDays = 7;

    public static InvoiceIssue? Check(InvoiceKey candidate, IEnumerable<InvoiceKey> accepted) => Find(candidate, accepted)?.Issue;

    public static DuplicateFinding? Find(InvoiceKey candidate, IEnumerable<InvoiceKey> accepted)
    {
        InvoiceKey? similar = null;
        InvoiceKey? suspect = null;
        var loose = InvoiceNumber.Normalise(candidate.Number);
        foreach (var a in accepted)
        {
            if (!string.Equals(a.SupplierId, candidate.SupplierId, StringComparison.Ordinal)) continue;
            var sameKind = a.Sign < 0 == candidate.Sign < 0;
            if (sameKind && string.Equals(a.Number, candidate.Number, StringComparison.Ordinal))
                return new(new InvoiceIssue(ExceptionCode.Duplicate,
                    $"{What(candidate)} number {candidate.Number} from supplier {candidate.SupplierId} was already accepted{Ref(a)}."), a);
            if (sameKind && similar is null && string.Equals(InvoiceNumber.Normalise(a.Number), loose, StringComparison.Ordinal))
                similar = a;
            if (suspect is null && a.Total == candidate.Total && string.Equals(a.Currency, candidate.Currency, StringComparison.Ordinal)
                && Math.Abs(a.IssueDate.DayNumber - candidate.IssueDate.DayNumber) <= SuspectWindowDays)
                suspect = a;
        }
        if (similar is not null)
            return new(new InvoiceIssue(ExceptionCode.SuspectedDuplicate,
                $"{What(candidate)} number {candidate.Number} from supplier {candidate.SupplierId} differs from the accepted {similar.Number}{Ref(similar)} only in separators or leading zeros."), similar);
        return suspect is null ? null : new(new InvoiceIssue(ExceptionCode.SuspectedDuplicate,
            $"Same supplier {candidate.SupplierId} and total {candidate.Total} {candidate.Currency} as invoice {suspect.Number} of {suspect.IssueDate:yyyy-MM-dd}{Ref(suspect)}, issued within {SuspectWindowDays} days."), suspect);
    }

    private static string What(InvoiceKey k) => k.Sign < 0 ? "Credit note" : "Invoice";

    private static string Ref(InvoiceKey k) => k.Reference is null ? "" : $" ({k.Reference})";
}
