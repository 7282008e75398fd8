using InvoicePipeline.Payroll;
using InvoicePipeline.Worker.Csv;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Payroll;

/// <summary>
/// Reads a chunk's payroll files, validates and prices every row against the employments, pay codes and rates,
/// and stores them in bulk. A bad row is rejected with its reason; the rest of the file goes on. A file whose
/// header lacks a required column is rejected whole, with the column named. Rows are written in batches of
/// <see cref="BatchSize"/> as they are read, so a million-row file never sits in memory as entities.
/// </summary>
public static class PayrollIntake
{
    /// <param name="organisations">
    /// The centre's organisations: each file belongs to the one whose folder it is in (<c>payroll/&lt;organisation_id&gt;/</c>)
    /// and is validated and priced against that organisation's employments, pay codes and rates only; a file no
    /// organisation receives is rejected with the reason. Null: one organisation's master data, as before.
    /// </param>
    public static async Task<int> ProcessAsync(PipelineDbContext db, IReadOnlyList<ReceivedDocument> files, string runId, CancellationToken ct, int batchSize = BatchSize,
        int maxRecordBytes = CsvBytes.DefaultMaxRecordBytes, InvoicePipeline.Organisations.OrganisationDirectory? organisations = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (files.Count == 0) return 0;
        var registered = files.ToDictionary(f => f.Id, f => organisations is null ? null : InvoicePipeline.Organisations.ArrivalRegistration.ForPayroll(
            Ingestion.Inbox.OrganisationFolder(f.FileName), null, organisations));
        var masters = new Dictionary<string, PayrollMasterData>(StringComparer.Ordinal);
        foreach (var org in registered.Values.Select(r => r?.OrganisationId).OfType<string>().Distinct(StringComparer.Ordinal))
            masters[org] = await PayrollDesk.LoadMasterAsync(db, org, ct);
        var master = organisations is null ? await PayrollDesk.LoadMasterAsync(db, ct) : null;
        var accepted = new PayrollDuplicateKeys();
        var acceptedStatuses = new[] { PayrollStatus.AwaitingAttestation, PayrollStatus.Attested, PayrollStatus.Posted };
        await foreach (var e in db.PayrollEntries.AsNoTracking().Where(e => acceptedStatuses.Contains(e.Status) && e.EmployeeId != null)
                           .Select(e => new { e.TransactionId, e.EmployeeId, e.PayCode, e.WorkDate, e.Quantity, e.CorrectsPeriod, e.CorrectedRate })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            accepted.Add(e.TransactionId, e.EmployeeId!, e.PayCode, e.WorkDate, e.Quantity ?? 0,
                e.CorrectsPeriod is null ? null : PayrollPeriod.Parse(e.CorrectsPeriod), e.CorrectedRate);
        }

        // Reading, validating and pricing the next batch runs while the database copies the previous one, so memory stays
        // flat with file size (the duplicate keys of accepted rows are all that grows) and the CPU-bound half overlaps the write.
        var written = 0;
        await ReadAhead.ConsumeAsync(Rows(files, runId, f => registered[f.Id], org => org is null ? master! : masters[org], accepted, maxRecordBytes)
            .Chunk(batchSize).ToAsyncEnumerable(), async batch =>
        {
            await BulkWriter.InsertAsync(db, batch, ct, keepIdentity: false);
            written += batch.Length;
        }, ct);
        return written;
    }

    /// <summary>
    /// Every row of the files, validated and priced, as it is read. A header error rejects the file whole (one row
    /// naming the column); rows already read stay, as a bad row never stops the rest.
    /// </summary>
    private static IEnumerable<PayrollEntry> Rows(IReadOnlyList<ReceivedDocument> files, string runId, Func<ReceivedDocument, InvoicePipeline.Organisations.Registration?> registrationOf,
        Func<string?, PayrollMasterData> masterOf, PayrollDuplicateKeys accepted, int maxRecordBytes)
    {
        foreach (var file in files.OrderBy(f => f.Id))
        {
            var registration = registrationOf(file);
            if (registration is { IsKnown: false })
            {
                yield return FileRejected(file, runId, 0, $"{file.FileName}: {registration.Explanation}");
                continue;
            }
            var organisation = registration?.OrganisationId;
            var master = masterOf(organisation);
            if (file.Content.Length == 0 && file.Size > 0)
            {
                // Over the intake's size limit the original was not stored: reject the file with the reason.
                yield return FileRejected(file, runId, 0, $"{file.FileName}: {file.Size} bytes is over the intake's size limit for payroll files (Pipeline:Intake:MaxPayrollFileBytes)");
                continue;
            }
            // Whole or not at all: bytes that are not UTF-8, a record over the maximum (an unterminated quote) or a last
            // line without its newline (a file cut off) reject the file before any of its rows is accepted.
            if (CsvBytes.Check(file.Content, file.FileName, maxRecordBytes, requireFinalNewline: true) is { } bad)
            {
                yield return FileRejected(file, runId, (int)bad.Line, $"{file.FileName}, line {bad.Line}: {bad.Reason}");
                continue;
            }
            using var stream = new MemoryStream(file.Content, writable: false);
            using var rows = PayrollFileReader.Read(stream, file.FileName, importedBy: "system").GetEnumerator();
            while (true)
            {
                PayrollEntry? rejected = null;
                try
                {
                    if (!rows.MoveNext()) break;
                }
                catch (PayrollFileFormatException ex)
                {
                    rejected = FileRejected(file, runId, ex.Line, ex.Message);
                }
                if (rejected is not null)
                {
                    yield return rejected;
                    break;
                }
                var tx = rows.Current;
                var entry = Entry(file, runId, tx, PayrollValidator.Validate(tx, master, accepted));
                if (organisation is not null) entry.OrganisationId = organisation;
                yield return entry;
            }
        }
    }

    /// <summary>Rows per bulk write: large enough for COPY to run at full speed, small enough to keep memory flat.</summary>
    public const int BatchSize = 20_000;

    private static PayrollEntry Entry(ReceivedDocument file, string runId, PayrollTransaction tx, PayrollOutcome o) => new()
    {
        DocumentId = file.Id, RunId = runId, File = file.FileName, Line = tx.Line, TransactionId = tx.TransactionId,
        EmployeeId = o.EmployeeId ?? tx.EmployeeId, PayCode = tx.PayCode, WorkDate = tx.WorkDate, Quantity = tx.Quantity,
        Rate = o.Rate, CorrectedRate = o.CorrectedRate ?? tx.CorrectsRate, Amount = o.Amount, Period = o.Period.ToString(),
        CorrectsPeriod = tx.CorrectsPeriod?.ToString(), CostCentre = o.CostCentre, Account = o.Account, Status = o.Status,
        Exceptions = o.ExceptionCodes, Reasons = o.Exceptions.Count == 0 ? null : string.Join("; ", o.Exceptions.Select(x => $"{x.Code} ({x.Column}): {x.Reason}")),
        ReportedBy = tx.ReportedBy, ImportedBy = tx.ImportedBy, Reference = tx.Reference,
    };

    private static PayrollEntry FileRejected(ReceivedDocument file, string runId, int line, string reason) => new()
    {
        DocumentId = file.Id, RunId = runId, File = file.FileName, Line = line, TransactionId = "", PayCode = "",
        Status = PayrollStatus.Rejected, Exceptions = "", Reasons = reason,
    };
}
