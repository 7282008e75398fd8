namespace InvoicePipeline.Payroll;

/// <summary>A debit of the voucher: the pay code's account on a cost centre.</summary>
public sealed record PayrollCostLine(string Account, string CostCentre, decimal Amount);

/// <summary>The balanced voucher content of a period's payroll: costs per account and cost centre against the liability.</summary>
public sealed record PayrollCostDistribution(IReadOnlyList<PayrollCostLine> Costs, string LiabilityAccount, decimal Liability)
{
    /// <summary>
    /// Sums already-rounded transaction amounts (so no rounding is needed here and the voucher balances exactly):
    /// one debit per (account, cost centre), ordered, and one credit of the total on the payroll liability account.
    /// Carries no employee or person id: the ledger side is anonymous.
    /// </summary>
    public static PayrollCostDistribution Distribute(IEnumerable<PayrollOutcome> attested, string liabilityAccount)
    {
        var costs = attested
            .Where(o => o.Amount is not null && o.Account is not null)
            .GroupBy(o => (Account: o.Account!, CostCentre: o.CostCentre ?? ""))
            .Select(g => new PayrollCostLine(g.Key.Account, g.Key.CostCentre, g.Sum(o => o.Amount!.Value)))
            .Where(l => l.Amount != 0m)
            .OrderBy(l => l.Account, StringComparer.Ordinal).ThenBy(l => l.CostCentre, StringComparer.Ordinal)
            .ToList();
        return new PayrollCostDistribution(costs, liabilityAccount, costs.Sum(l => l.Amount));
    }
}
