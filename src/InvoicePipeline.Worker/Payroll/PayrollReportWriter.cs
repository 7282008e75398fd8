using InvoicePipeline.Worker.Csv;
using InvoicePipeline.Payroll;

namespace InvoicePipeline.Worker.Payroll;

/// <summary>A row of payroll.csv: one per transaction row read.</summary>
public sealed record PayrollReportRow(
    string File, int Line, string TransactionId, string? EmployeeId, string PayCode, PayrollStatus Status, string Exceptions, decimal? Amount,
    string? Organisation = null)
{
    /// <summary>The employee id only: the report never shows a person id, so a row with only a person id shows the
    /// resolved employee (empty when none was found).</summary>
    public static PayrollReportRow From(PayrollTransaction tx, PayrollOutcome outcome) =>
        new(tx.File, tx.Line, tx.TransactionId, outcome.EmployeeId ?? tx.EmployeeId, tx.PayCode, outcome.Status, outcome.ExceptionCodes, outcome.Amount);
}

/// <summary>Writes payroll.csv of the run report (cli.md), columns exactly as the contract names them.</summary>
public static class PayrollReportWriter
{
    public static readonly IReadOnlyList<string> Columns =
        ["file", "line", "transaction_id", "employee_id", "pay_code", "status", "exceptions", "amount", "organisation"];

    public static void Write(TextWriter writer, IEnumerable<PayrollReportRow> rows)
    {
        using var csv = PayrollCsv.Writer(writer);
        csv.WriteHeader([.. Columns]);
        foreach (var r in rows) WriteRow(csv, r);
        csv.Flush();
    }

    /// <summary>The same file from rows streamed out of the database: memory stays flat however many rows a run has.</summary>
    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<PayrollReportRow> rows, CancellationToken ct)
    {
        using var csv = PayrollCsv.Writer(writer);
        csv.WriteHeader([.. Columns]);
        await foreach (var r in rows.WithCancellation(ct)) WriteRow(csv, r);
        csv.Flush();
    }

    private static void WriteRow(CsvHelper.CsvWriter csv, PayrollReportRow r)
    {
        csv.WriteField(r.File);
        csv.WriteField(r.Line, "");
        csv.WriteField(r.TransactionId);
        csv.WriteField(r.EmployeeId ?? "");
        csv.WriteField(r.PayCode);
        csv.WriteField(r.Status.ToString());
        csv.WriteField(r.Exceptions);
        csv.WriteAmount(r.Amount);
        csv.WriteField(r.Organisation ?? "");
        csv.EndRecord();
    }
}
