using InvoicePipeline.Payroll;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Payroll;

/// <summary>
/// Reads a chunk's payroll files, validates and prices every row against the employments, pay codes and rates,
/// and stores them in bulk. A bad row is rejected with its reason; the rest of the file goes on. A file whose
/// header lacks a required column is rejected whole, with the column named.
/// </summary>
public static class PayrollIntake
{
    public static async Task<int> ProcessAsync(PipelineDbContext db, IReadOnlyList<ReceivedDocument> files, string runId, CancellationToken ct)
    {
        if (files.Count == 0) return 0;
        var master = new PayrollMasterData(
            await db.Employees.AsNoTracking().ToListAsync(ct), await db.PayCodes.AsNoTracking().ToListAsync(ct),
            await db.PayRates.AsNoTracking().ToListAsync(ct), await db.CostCentres.AsNoTracking().ToListAsync(ct));
        var accepted = new PayrollDuplicateKeys();
        var acceptedStatuses = new[] { nameof(PayrollStatus.AwaitingAttestation), nameof(PayrollStatus.Attested), nameof(PayrollStatus.Posted) };
        await foreach (var e in db.PayrollEntries.AsNoTracking().Where(e => acceptedStatuses.Contains(e.Status) && e.EmployeeId != null)
                           .Select(e => new { e.TransactionId, e.EmployeeId, e.PayCode, e.WorkDate, e.Quantity, e.CorrectsPeriod, e.CorrectedRate })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            accepted.Add(e.TransactionId, e.EmployeeId!, e.PayCode, e.WorkDate, e.Quantity ?? 0,
                e.CorrectsPeriod is null ? null : PayrollPeriod.Parse(e.CorrectsPeriod), e.CorrectedRate);
        }

        var rows = new List<PayrollEntry>();
        foreach (var file in files.OrderBy(f => f.Id))
        {
            try
            {
                using var stream = new MemoryStream(file.Content, writable: false);
                foreach (var tx in PayrollFileReader.Read(stream, file.FileName, importedBy: "system"))
                {
                    var o = PayrollValidator.Validate(tx, master, accepted);
                    rows.Add(new PayrollEntry
                    {
                        DocumentId = file.Id, RunId = runId, File = file.FileName, Line = tx.Line, TransactionId = tx.TransactionId,
                        EmployeeId = o.EmployeeId ?? tx.EmployeeId, PayCode = tx.PayCode, WorkDate = tx.WorkDate, Quantity = tx.Quantity,
                        Rate = o.Rate, CorrectedRate = o.CorrectedRate ?? tx.CorrectsRate, Amount = o.Amount, Period = o.Period.ToString(),
                        CorrectsPeriod = tx.CorrectsPeriod?.ToString(), CostCentre = o.CostCentre, Account = o.Account, Status = o.Status.ToString(),
                        Exceptions = o.ExceptionCodes, Reasons = o.Exceptions.Count == 0 ? null : string.Join("; ", o.Exceptions.Select(x => $"{x.Code} ({x.Column}): {x.Reason}")),
                        ReportedBy = tx.ReportedBy, ImportedBy = tx.ImportedBy, Reference = tx.Reference,
                    });
                }
            }
            catch (PayrollFileFormatException ex)
            {
                rows.Add(new PayrollEntry
                {
                    DocumentId = file.Id, RunId = runId, File = file.FileName, Line = (int)ex.Line, TransactionId = "", PayCode = "",
                    Status = nameof(PayrollStatus.Rejected), Exceptions = "", Reasons = ex.Message,
                });
            }
        }
        await BulkWriter.InsertAsync(db, rows, ct, keepIdentity: false);
        return rows.Count;
    }
}
