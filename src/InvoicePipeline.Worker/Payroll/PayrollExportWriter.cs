using InvoicePipeline.Payroll;

namespace InvoicePipeline.Worker.Payroll;

/// <summary>A line of the payroll export: what the payroll system pays. No person id: the payroll system knows the employee.</summary>
public sealed record PayrollExportRow(
    string EmployeeId, string PayCode, decimal? Quantity, decimal? Rate, decimal Amount, PayrollPeriod Period, string CostCentre,
    string TransactionId, PayrollPeriod? CorrectsPeriod, decimal? CorrectsRate)
{
    public static PayrollExportRow From(PayrollTransaction tx, PayrollOutcome outcome) =>
        new(outcome.EmployeeId ?? throw new ArgumentException("only accepted transactions are exported", nameof(outcome)),
            tx.PayCode, tx.Quantity, outcome.Rate, outcome.Amount ?? 0m, outcome.Period, outcome.CostCentre ?? "",
            tx.TransactionId, tx.CorrectsPeriod, outcome.CorrectedRate);
}

/// <summary>
/// The payroll export file of one period for the payroll system: the seven columns the issue names, then the
/// transaction id and the correction columns so the payroll system can trace each line back.
/// </summary>
public static class PayrollExportWriter
{
    public static readonly IReadOnlyList<string> Columns =
        ["employee_id", "pay_code", "quantity", "rate", "amount", "period", "cost_centre", "transaction_id", "corrects_period", "corrects_rate"];

    public static string FileName(PayrollPeriod period) => $"payroll-export-{period}.csv";

    /// <summary>Writes the rows of <paramref name="period"/> (the included rows of its cut-off); rows of other periods are an error.</summary>
    public static void Write(TextWriter writer, PayrollPeriod period, IEnumerable<PayrollExportRow> rows)
    {
        using var csv = PayrollCsv.Writer(writer);
        csv.WriteHeader([.. Columns]);
        foreach (var r in rows)
        {
            if (r.Period != period)
                throw new ArgumentException($"transaction {r.TransactionId} belongs to {r.Period}, not {period}", nameof(rows));
            csv.WriteField(r.EmployeeId);
            csv.WriteField(r.PayCode);
            PayrollCsv.Number(csv, r.Quantity);
            PayrollCsv.Number(csv, r.Rate);
            PayrollCsv.Number(csv, r.Amount);
            csv.WriteField(r.Period.ToString());
            csv.WriteField(r.CostCentre);
            csv.WriteField(r.TransactionId);
            csv.WriteField(r.CorrectsPeriod?.ToString() ?? "");
            PayrollCsv.Number(csv, r.CorrectsRate);
            csv.EndRecord();
        }
        csv.Flush();
    }
}
