using InvoicePipeline.Invoices;

namespace InvoicePipeline.Duplicates;

/// <summary>What the duplicate check needs of an already-accepted invoice (one row per accepted invoice, stored by the caller).</summary>
public sealed record InvoiceKey(string SupplierId, string NormalisedNumber, decimal Total, string Currency, DateOnly IssueDate, string? Reference = null)
{
    public static InvoiceKey For(string supplierId, Invoice invoice, string? reference = null) =>
        new(supplierId, InvoiceNumber.Normalise(invoice.Number), invoice.Totals.Payable, invoice.Currency, invoice.IssueDate, reference);
}

/// <summary>
/// DUPLICATE: same supplier and normalised number as an accepted invoice. SUSPECTED_DUPLICATE: same supplier,
/// currency and total, issue dates within 7 days, different number. The caller passes the supplier's accepted keys.
/// (Identical bytes are caught earlier, at intake, by the SHA-256 of the file.)
/// </summary>
public static class DuplicateCheck
{
    public const int SuspectWindowDays = 7;

    public static InvoiceIssue? Check(InvoiceKey candidate, IEnumerable<InvoiceKey> accepted)
    {
        InvoiceKey? suspect = null;
        foreach (var a in accepted)
        {
            if (!string.Equals(a.SupplierId, candidate.SupplierId, StringComparison.Ordinal)) continue;
            if (string.Equals(a.NormalisedNumber, candidate.NormalisedNumber, StringComparison.Ordinal))
                return new InvoiceIssue(ExceptionCode.Duplicate,
                    $"Invoice number {candidate.NormalisedNumber} from supplier {candidate.SupplierId} was already accepted{Ref(a)}.");
            if (suspect is null && a.Total == candidate.Total && string.Equals(a.Currency, candidate.Currency, StringComparison.Ordinal)
                && Math.Abs(a.IssueDate.DayNumber - candidate.IssueDate.DayNumber) <= SuspectWindowDays)
                suspect = a;
        }
        return suspect is null ? null : new InvoiceIssue(ExceptionCode.SuspectedDuplicate,
            $"Same supplier {candidate.SupplierId} and total {candidate.Total} {candidate.Currency} as invoice {suspect.NormalisedNumber} of {suspect.IssueDate:yyyy-MM-dd}{Ref(suspect)}, issued within {SuspectWindowDays} days.");
    }

    private static string Ref(InvoiceKey k) => k.Reference is null ? "" : $" ({k.Reference})";
}
