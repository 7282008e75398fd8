namespace InvoicePipeline.Posting;

/// <summary>A priced payroll transaction ready for posting: the pay code's account and the amount in the ledger currency.</summary>
public sealed record PricedPayrollLine(
    string TransactionId,
    string EmployeeId,
    string PayCode,
    string Account,
    string CostCentre,
    decimal Amount,
    string? Project = null);

/// <summary>
/// The payroll voucher: the cost per cost centre (and project) on each pay code's account (e.g. 7210 Löner till
/// tjänstemän), against the payroll liability account (e.g. 2821 Löneskulder). Individual employees are not on the
/// voucher: the ledger needs cost per cost centre, and personal data stays in the payroll system.
/// Amounts are summed at full precision and rounded once per line in <see cref="VoucherBuilder.ToLedger"/>; the
/// liability is the sum of the rounded lines, so the voucher balances by construction.
/// </summary>
public static class PayrollVoucherBuilder
{
    public static Voucher ForBatch(string batchReference, IReadOnlyList<PricedPayrollLine> lines, DateOnly postingDate, PostingOptions options, string? text = null)
    {
        if (lines.Count == 0)
            throw new PostingRefusedException("NO_LINES", $"Payroll batch {batchReference} has no priced lines.");
        var voucherText = text ?? $"Lön {batchReference}";
        var costs = lines
            .GroupBy(l => (l.Account, l.CostCentre, l.Project))
            .OrderBy(g => g.Key.Account, StringComparer.Ordinal)
            .ThenBy(g => g.Key.CostCentre, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Project, StringComparer.Ordinal)
            .Select(g => new VoucherLine(g.Key.Account, VoucherBuilder.ToLedger(g.Sum(l => l.Amount), 1m), g.Key.CostCentre, g.Key.Project, voucherText, batchReference))
            .ToList();
        var liability = -costs.Sum(l => l.Amount);
        costs.Add(new VoucherLine(options.PayrollLiabilityAccount, liability, Text: voucherText, Reference: batchReference));
        return Voucher.Create(options.PayrollSeries, postingDate, voucherText, costs, batchReference);
    }
}
