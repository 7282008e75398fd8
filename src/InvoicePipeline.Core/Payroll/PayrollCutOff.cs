namespace InvoicePipeline.Payroll;

/// <summary>A row left out of a period at cut-off and moved to the next one, for the carry-over report.</summary>
public sealed record PayrollCarried<T>(T Row, PayrollPeriod From, PayrollPeriod To);

public sealed record PayrollCutOffResult<T>(IReadOnlyList<T> Included, IReadOnlyList<PayrollCarried<T>> Carried);

/// <summary>
/// Closing a period: attested rows of the period (or carried into it earlier) go to its payroll; rows still awaiting
/// attestation are carried to the next period and reported — they never hold back the rest. Rejected, duplicate and
/// posted rows and rows of later periods are neither.
/// </summary>
public static class PayrollCutOff
{
    public static PayrollCutOffResult<T> Close<T>(
        IEnumerable<T> rows, PayrollPeriod closing, Func<T, PayrollPeriod> periodOf, Func<T, PayrollStatus> statusOf)
    {
        var included = new List<T>();
        var carried = new List<PayrollCarried<T>>();
        foreach (var row in rows)
        {
            var period = periodOf(row);
            if (period > closing) continue;
            switch (statusOf(row))
            {
                case PayrollStatus.Attested:
                    included.Add(row);
                    break;
                case PayrollStatus.AwaitingAttestation:
                case PayrollStatus.Received:
                    carried.Add(new PayrollCarried<T>(row, period, closing.Next()));
                    break;
            }
        }
        return new PayrollCutOffResult<T>(included, carried);
    }
}
