using Microsoft.Extensions.Logging;

namespace InvoicePipeline.Worker.Hosting;

/// <summary>
/// What operators watch, in one place, each with a fixed event id (listed in the README's operations section) so an
/// alert or a log query can name it: 1xxx runs, 2xxx intake, 3xxx chunks and scans, 4xxx posting, 5xxx master data,
/// 6xxx reports. Ids, counts and codes only: never personal identity numbers, bank accounts or document contents.
/// </summary>
internal static partial class LogMessages
{
    [LoggerMessage(1001, LogLevel.Information, "Run {RunId} started: posting date {PostingDate}, {Files} input file(s)")]
    public static partial void RunStarted(this ILogger log, string runId, DateOnly postingDate, int files);

    [LoggerMessage(1002, LogLevel.Information, "Run {RunId} resumed from {State}")]
    public static partial void RunResumed(this ILogger log, string runId, string state);

    [LoggerMessage(1003, LogLevel.Information, "Run {RunId} finished in {Duration}: {Documents} document(s), {Posted} posted")]
    public static partial void RunFinished(this ILogger log, string runId, TimeSpan duration, int documents, int posted);

    [LoggerMessage(1004, LogLevel.Warning, "Job {Job} of run {RunId} retried (attempt {Attempt}) after: {Reason}")]
    public static partial void JobRetried(this ILogger log, string job, string runId, int attempt, string reason);

    [LoggerMessage(1005, LogLevel.Error, "Job {Job} of run {RunId} failed for good: {Reason}")]
    public static partial void JobFailed(this ILogger log, string job, string runId, string reason);

    [LoggerMessage(2001, LogLevel.Information, "Intake stored {Documents} document(s) in {Chunks} chunk(s); {AlreadySeen} already seen")]
    public static partial void IntakeStored(this ILogger log, int documents, int chunks, int alreadySeen);

    [LoggerMessage(2002, LogLevel.Warning, "File {File} rejected: {Code} {Reason}")]
    public static partial void FileRejected(this ILogger log, string file, string code, string reason);

    [LoggerMessage(3001, LogLevel.Information, "Chunk {Chunk} processed {Documents} document(s) in {Ms} ms (read {ReadMs}, load {LoadMs}, decide {DecideMs}, save {SaveMs})")]
    public static partial void ChunkProcessed(this ILogger log, int chunk, int documents, long ms, long readMs, long loadMs, long decideMs, long saveMs);

    [LoggerMessage(3002, LogLevel.Warning, "Chunk {Chunk} of run {RunId} retried (attempt {Attempt}) after: {Reason}")]
    public static partial void ChunkRetried(this ILogger log, int chunk, string runId, int attempt, string reason);

    [LoggerMessage(3003, LogLevel.Warning, "Scan {File}: OCR attempt timed out after {Timeout}")]
    public static partial void ScanTimedOut(this ILogger log, string file, TimeSpan timeout);

    [LoggerMessage(4001, LogLevel.Information, "Posted {Vouchers} voucher(s) with {Lines} line(s), {Refused} refused (read and build {Read} + {Build}, write {Write}, writer waited {Waited})")]
    public static partial void PostingFinished(this ILogger log, int vouchers, int lines, int refused, TimeSpan read, TimeSpan build, TimeSpan write, TimeSpan waited);

    [LoggerMessage(4002, LogLevel.Warning, "Invoice {InvoiceId} not posted: {Code} {Reason}")]
    public static partial void PostingRefused(this ILogger log, long invoiceId, string code, string reason);

    [LoggerMessage(4003, LogLevel.Information, "Posting chunk {Low}–{High} read again: {Reason}")]
    public static partial void StaleChunkReRead(this ILogger log, long low, long high, string reason);

    [LoggerMessage(5001, LogLevel.Information, "Master-data file {File} applied: {Inserted} inserted, {Updated} updated")]
    public static partial void MasterDataApplied(this ILogger log, string file, int inserted, int updated);

    [LoggerMessage(5002, LogLevel.Warning, "Master-data file {File} not applied: {Errors} error(s)")]
    public static partial void MasterDataRejected(this ILogger log, string file, int errors);

    [LoggerMessage(6001, LogLevel.Information, "Run {RunId} report written to {Path}")]
    public static partial void ReportWritten(this ILogger log, string runId, string path);

    [LoggerMessage(6002, LogLevel.Information, "KPI report for {Month} written: {Files}")]
    public static partial void KpiReportWritten(this ILogger log, string month, string files);

    [LoggerMessage(8101, LogLevel.Information, "Supplier responses: {Written} written to {Outbox}, {NotSendable} not sendable (kept with the reason)")]
    public static partial void SupplierResponsesWritten(this ILogger log, int written, int notSendable, string outbox);

    [LoggerMessage(8201, LogLevel.Information, "Bank file {File} ({Kind}) read: {Confirmed} confirmed, {Rejected} rejected or returned, {Accepted} accepted")]
    public static partial void BankFileRead(this ILogger log, string file, string kind, int confirmed, int rejected, int accepted);

    [LoggerMessage(8202, LogLevel.Warning, "Bank file {File}: {What}")]
    public static partial void BankEntryUnmatched(this ILogger log, string file, string what);

    [LoggerMessage(8203, LogLevel.Error, "Bank file {File} could not be read: {Error}")]
    public static partial void BankFileUnreadable(this ILogger log, string file, string error);

    [LoggerMessage(8204, LogLevel.Warning, "Invoice {InvoiceId}: the bank rejected or returned its payment: {Reason}")]
    public static partial void PaymentReturned(this ILogger log, long invoiceId, string reason);
}
