using InvoicePipeline.MasterData;

namespace InvoicePipeline.Payroll;

/// <summary>The price of a transaction: the rate used (stored with it), the amount, and for a correction the rate it corrects.</summary>
public sealed record PayrollPrice(decimal? Rate, decimal Amount, decimal? CorrectedRate);

/// <summary>
/// Prices transactions from rate tables. Overtime, unsocial hours and allowances are pay codes with rates, not code here.
/// </summary>
public static class PayrollPricer
{
    /// <summary>
    /// The rate valid on <paramref name="date"/> (valid_from and valid_to inclusive): the pay group's own rate before the
    /// general one (empty pay_group); among several valid rows of the same kind, the latest valid_from wins.
    /// </summary>
    /// <param name="rates">The pay code's rates, latest valid_from first (as <see cref="PayrollMasterData.RatesFor"/> gives them).</param>
    public static PayRate? FindRate(IReadOnlyList<PayRate> rates, string? payGroup, DateOnly date)
    {
        PayRate? general = null;
        foreach (var r in rates)
        {
            if (date < r.ValidFrom || (r.ValidTo is { } to && date > to)) continue;
            if (string.IsNullOrEmpty(r.PayGroup)) general ??= r;
            else if (payGroup is not null && string.Equals(r.PayGroup, payGroup, StringComparison.OrdinalIgnoreCase)) return r;
        }
        return general;
    }

    /// <summary>
    /// amount = quantity × rate for hour, day and piece codes; the stated amount for amount codes. A correction pays
    /// the delta quantity × (rate − corrected rate). The product is rounded here, once, with <see cref="Money.Round"/>.
    /// Returns null when a needed input is missing (the validator reports it first).
    /// </summary>
    public static PayrollPrice? Price(PayCode code, PayrollTransaction tx, PayRate? rate)
    {
        if (code.Unit == PayUnit.Amount)
            return tx.Amount is { } stated ? new PayrollPrice(null, Money.Round(stated), null) : null;
        if (rate is null || tx.Quantity is not { } quantity) return null;
        if (!tx.IsCorrection) return new PayrollPrice(rate.Rate, Money.Round(quantity * rate.Rate), null);
        if (tx.CorrectsRate is not { } old) return null;
        return new PayrollPrice(rate.Rate, Money.Round(quantity * (rate.Rate - old)), old);
    }
}
