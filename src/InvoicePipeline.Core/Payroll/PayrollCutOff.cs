namespace InvoicePipeline.Payroll;

/// <summary>A row left out of a period at cut-off and moved to the next one, for the carry-over report.</summary>
public sealed record PayrollCarried<T>(T Row, PayrollPeriod From, PayrollPeriod To);

public sealed record PayrollCutOffResult<T>(IReadOnlyList<T> Included, IReadOnlyList<PayrollCarried<T>> Carried);

/// <summary>
/// Closing a period: attested rows of the period (or carried into it earlier) go to its payroll; rows still awaiting
/// attestation are carried to the next period and reported — they never hold back the rest. Rejected, duplicate and
/// posted rows and rows of later periods are neither. <c>payroll post</c> asks the same three questions of the
/// database (<see cref="Included"/>, <see cref="Carried"/>, <see cref="InScope"/>) so that a million rows are not
/// loaded to be sorted in memory.
/// </summary>
public static class PayrollCutOff
{
    /// <summary>Statuses that go into the closing period's payroll.</summary>
    public static readonly IReadOnlyList<PayrollStatus> Included = [PayrollStatus.Attested];

    /// <summary>Statuses that are carried to the next period.</summary>
    public static readonly IReadOnlyList<PayrollStatus> Carried = [PayrollStatus.AwaitingAttestation, PayrollStatus.Received];

    /// <summary>Rows of the closing period and earlier ones are its business; later periods are untouched.</summary>
    public static bool InScope(PayrollPeriod period, PayrollPeriod closing) => period <= closing;

    public static PayrollCutOffResult<T> Close<T>(
        IEnumerable<T> rows, PayrollPeriod closing, Func<T, PayrollPeriod> periodOf, Func<T, PayrollStatus> statusOf)
    {
        var included = new List<T>();
        var carried = new List<PayrollCarried<T>>();
        foreach (var row in rows)
        {
            var period = periodOf(row);
            if (!InScope(period, closing)) continue;
            var status = statusOf(row);
            if (Included.Contains(status)) included.Add(row);
            else if (Carried.Contains(status)) carried.Add(new PayrollCarried<T>(row, period, closing.Next()));
        }
        return new PayrollCutOffResult<T>(included, carried);
    }
}
