using InvoicePipeline.Payroll;
using InvoicePipeline.Worker.Csv;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Travel;

/// <summary>A row of travel.csv: one per claim line read.</summary>
public sealed record TravelReportRow(
    string File, int Line, string ClaimId, string EmployeeId, string LineType, PayrollStatus Status, string Exceptions,
    decimal? Amount, decimal? TaxFree, decimal? Taxable, string? Organisation);

/// <summary>Writes the run report's travel.csv, columns exactly as data-formats.md names them.</summary>
public static class TravelReportWriter
{
    public static readonly IReadOnlyList<string> Columns =
        ["file", "line", "claim_id", "employee_id", "line_type", "status", "exceptions", "amount", "tax_free", "taxable", "organisation"];

    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<TravelReportRow> rows, CancellationToken ct)
    {
        using var csv = PayrollCsv.Writer(writer);
        csv.WriteHeader([.. Columns]);
        await foreach (var r in rows.WithCancellation(ct))
        {
            csv.WriteField(r.File);
            csv.WriteField(r.Line, "");
            csv.WriteField(r.ClaimId);
            csv.WriteField(r.EmployeeId);
            csv.WriteField(r.LineType);
            csv.WriteField(r.Status.ToString());
            csv.WriteField(r.Exceptions);
            csv.WriteAmount(r.Amount);
            csv.WriteAmount(r.TaxFree);
            csv.WriteAmount(r.Taxable);
            csv.WriteField(r.Organisation ?? "");
            csv.EndRecord();
        }
        csv.Flush();
    }

    /// <summary>The run's claim lines, streamed from the database in file and line order.</summary>
    public static async Task WriteRunAsync(PipelineDbContext db, string runId, string path, CancellationToken ct)
    {
        var rows = db.TravelClaims.AsNoTracking().Where(e => e.RunId == runId).OrderBy(e => e.File).ThenBy(e => e.Line)
            .Select(e => new { e.File, e.Line, e.ClaimId, e.EmployeeId, e.LineType, e.Status, e.Exceptions, e.Amount, e.TaxFree, e.Taxable }).AsAsyncEnumerable();
        await using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        // The organisation column stays empty until customer organisations (issue 16) key the claims.
        await WriteAsync(writer, rows.Select(e => new TravelReportRow(e.File, e.Line, e.ClaimId, e.EmployeeId, e.LineType.ToString().ToLowerInvariant(), e.Status,
            e.Exceptions, e.Amount, e.TaxFree, e.Taxable, null)), ct);
    }
}
