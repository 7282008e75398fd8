namespace InvoicePipeline.Posting;

/// <summary>
/// One line of a voucher, in the ledger currency. <see cref="Amount"/> is signed the way SIE and the ledger
/// sign it: positive is debit, negative is credit. Amounts are already rounded (see <see cref="VoucherBuilder"/>).
/// </summary>
public sealed record VoucherLine(
    string Account,
    decimal Amount,
    string? CostCentre = null,
    string? Project = null,
    string? Text = null,
    string? Reference = null)
{
    public decimal Debit => Amount > 0 ? Amount : 0m;
    public decimal Credit => Amount < 0 ? -Amount : 0m;
}

/// <summary>
/// A balanced voucher (verifikation). It can only be created through <see cref="Create"/>, which refuses a
/// voucher whose lines do not sum to exactly zero or carry unrounded amounts: an unbalanced voucher never exists,
/// so it can never be written.
/// </summary>
public sealed class Voucher
{
    private Voucher(string series, int? number, DateOnly date, string text, string? sourceReference, IReadOnlyList<VoucherLine> lines)
    {
        Series = series;
        Number = number;
        Date = date;
        Text = text;
        SourceReference = sourceReference;
        Lines = lines;
    }

    public string Series { get; }
    /// <summary>Null until <see cref="VoucherNumbering"/> assigns the gapless number of its series and fiscal year.</summary>
    public int? Number { get; }
    public DateOnly Date { get; }
    public string Text { get; }
    /// <summary>What the voucher books: the invoice id, or the payroll batch id. At most one voucher per source.</summary>
    public string? SourceReference { get; }
    public IReadOnlyList<VoucherLine> Lines { get; }

    public decimal DebitTotal => Lines.Sum(l => l.Debit);

    public static Voucher Create(string series, DateOnly date, string text, IEnumerable<VoucherLine> lines, string? sourceReference = null, int? number = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(series);
        var list = new List<VoucherLine>(lines.TryGetNonEnumeratedCount(out var count) ? count : 4);
        foreach (var line in lines)
            if (line.Amount != 0m) list.Add(line);
        if (list.Count < 2)
            throw new UnbalancedVoucherException($"Voucher '{text}' needs at least two non-zero lines, has {list.Count}.");
        var sum = 0m;
        foreach (var line in list)
        {
            if (string.IsNullOrWhiteSpace(line.Account))
                throw new UnbalancedVoucherException($"Voucher '{text}' has a line without an account.");
            if (Money.Round(line.Amount) != line.Amount)
                throw new UnbalancedVoucherException($"Voucher '{text}' has an unrounded amount {line.Amount} on account {line.Account}.");
            sum += line.Amount;
        }
        if (sum != 0m)
            throw new UnbalancedVoucherException($"Voucher '{text}' does not balance: lines sum to {sum}.");
        return new Voucher(series, number, date, text, sourceReference, list.ToArray());
    }

    /// <summary>The same voucher with its number assigned.</summary>
    public Voucher WithNumber(int number) =>
        number > 0 ? new Voucher(Series, number, Date, Text, SourceReference, Lines)
                   : throw new ArgumentOutOfRangeException(nameof(number), number, "Voucher numbers start at 1.");
}

/// <summary>Thrown instead of producing a voucher that does not balance.</summary>
public sealed class UnbalancedVoucherException(string message) : InvalidOperationException(message);

/// <summary>Thrown when an invoice cannot be posted at all (no exchange rate, no coded lines); <see cref="Code"/> is an ExceptionCode.</summary>
public sealed class PostingRefusedException(string code, string message) : InvalidOperationException(message)
{
    public string Code { get; } = code;
}
