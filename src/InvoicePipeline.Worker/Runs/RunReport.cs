using InvoicePipeline.Worker.Csv;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Ingestion;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Runs;

/// <summary>The run report of cli.md: summary.json and documents.csv under &lt;out&gt;/&lt;run-id&gt;/.</summary>
public sealed class RunSummary
{
    public string RunId { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DocumentCounts Documents { get; set; } = new();
    public InvoiceCounts Invoices { get; set; } = new();
    public SortedDictionary<string, int> Exceptions { get; set; } = new(StringComparer.Ordinal);
    public PostingFigures Posting { get; set; } = new();
    public PayrollCounts Payroll { get; set; } = new();
    /// <summary>Travel claim lines of the run (absent when no travel file was received).</summary>
    public TravelCounts? Travel { get; set; }
    /// <summary>The bank return files this run read from &lt;inbox&gt;/bank/ (absent when none came).</summary>
    public BankFigures? Bank { get; set; }

    /// <summary>Per customer organisation, beside the totals (organisations.md); an unknown buyer's invoice is in none.</summary>
    public SortedDictionary<string, OrganisationCounts> Organisations { get; set; } = new(StringComparer.Ordinal);
    public string? ReportPath { get; set; }

    public sealed class OrganisationCounts
    {
        public int Received { get; set; }
        public int Accepted { get; set; }
        public int Rejected { get; set; }
        public int Duplicates { get; set; }
        public int AwaitingReview { get; set; }
        public int AwaitingAttestation { get; set; }
        public int Posted { get; set; }
        public int OnHold { get; set; }
        /// <summary>What the run posted to the organisation's payables, in its ledger currency.</summary>
        public decimal PostedAmount { get; set; }
        public string Currency { get; set; } = "";
    }

    public sealed class BankFigures
    {
        public int Files { get; set; }
        public int Confirmed { get; set; }
        public int Rejected { get; set; }
        public int Accepted { get; set; }
        /// <summary>Statements that matched no payment or contradicted one, each with its file: reported, never ignored.</summary>
        public List<string> Unmatched { get; set; } = [];
        /// <summary>Files that could not be read, with file, line and what.</summary>
        public List<string> Errors { get; set; } = [];
    }

    public sealed class DocumentCounts
    {
        public int Received { get; set; }
        public int Einvoices { get; set; }
        public int Scanned { get; set; }
        public int PayrollFiles { get; set; }
        public int TravelFiles { get; set; }
        /// <summary>Files whose bytes were received before: recognised by SHA-256 and not processed again.</summary>
        public int AlreadySeen { get; set; }
        /// <summary>Of <see cref="Received"/>: stored, unprocessed documents of earlier runs that did not complete, taken over by this run.</summary>
        public int Adopted { get; set; }
        /// <summary>Inbox files not taken this run: symbolic links, files still arriving (each named in the log).</summary>
        public int NotTaken { get; set; }
    }

    public sealed class InvoiceCounts
    {
        public int Accepted { get; set; }
        public int Rejected { get; set; }
        public int Duplicates { get; set; }
        public int MatchedOrder { get; set; }
        public int MatchedSubscription { get; set; }
        public int Unmatched { get; set; }
        public int AwaitingReview { get; set; }
        public int AwaitingAttestation { get; set; }
        public int Posted { get; set; }
        public int OnHold { get; set; }
    }

    public sealed class PostingFigures
    {
        public int Vouchers { get; set; }
        /// <summary>Accounts payable credited by this run's vouchers, in the ledger currency.</summary>
        public decimal Amount { get; set; }
        public string Currency { get; set; } = "SEK";
    }

    public sealed class PayrollCounts
    {
        public int Transactions { get; set; }
        public int Accepted { get; set; }
        public int Rejected { get; set; }
        public int AwaitingAttestation { get; set; }
        public int Posted { get; set; }
    }

    public sealed class TravelCounts
    {
        public int Claims { get; set; }
        public int Lines { get; set; }
        public int Accepted { get; set; }
        public int Rejected { get; set; }
        public int AwaitingAttestation { get; set; }
        public int Posted { get; set; }
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

public static class RunReport
{
    /// <summary>Comma, LF, invariant; cells that a spreadsheet would run as a formula are escaped (supplier text is untrusted).</summary>
    private static readonly CsvWriterOptions ReportCsv = new()
    {
        Separator = ',',
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
        Injection = CsvInjection.Escape,
    };

    public static async Task<RunSummary> BuildAsync(PipelineDbContext db, PipelineRun run, PostingOptions posting, CancellationToken ct)
    {
        // Counted in the database (GROUP BY), so a run of a million documents costs a few rows here, not a million.
        var docs = await db.Documents.AsNoTracking().Where(d => d.RunId == run.Id)
            .GroupBy(d => d.Channel).Select(g => new { Channel = g.Key, Count = g.Count() }).ToListAsync(ct);
        // Posted is read from the ledger (InvoiceStates): an attested invoice with a voucher.
        var grouped = await (from i in db.Invoices.AsNoTracking()
                             where i.RunId == run.Id
                             join v in db.Vouchers.AsNoTracking() on (long?)i.Id equals v.InvoiceId into vg
                             from v in vg.DefaultIfEmpty()
                             group i by new { i.OrganisationId, i.Status, i.Match, i.Exceptions, Voucher = v != null } into g
                             select new { g.Key.OrganisationId, g.Key.Status, g.Key.Match, g.Key.Exceptions, g.Key.Voucher, Count = g.Count() }).ToListAsync(ct);
        var invoices = grouped.Select(g => new { g.OrganisationId, Status = InvoiceStates.Effective(g.Status, g.Voucher), g.Match, g.Exceptions, g.Count }).ToList();
        // Summed as it streams (SQLite cannot sum decimals exactly in SQL), per organisation: each on its own payables
        // account and in its own ledger currency; the total is of the organisations that keep the configured currency.
        var ledgers = (await db.Organisations.AsNoTracking().Select(o => new { o.OrganisationId, o.PayableAccount, o.LedgerCurrency }).ToListAsync(ct))
            .ToDictionary(o => o.OrganisationId, o => (Payable: o.PayableAccount ?? posting.PayableAccount, o.LedgerCurrency), StringComparer.Ordinal);
        var payableBy = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var payable = 0m;
        await foreach (var line in (from l in db.VoucherLines.AsNoTracking()
                                    join v in db.Vouchers.AsNoTracking() on l.VoucherId equals v.Id
                                    where v.RunId == run.Id && v.InvoiceId != null
                                    select new { v.OrganisationId, l.Account, l.Amount }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var (account, currency) = ledgers.GetValueOrDefault(line.OrganisationId, (posting.PayableAccount, posting.LedgerCurrency));
            if (line.Account != account) continue;
            payableBy[line.OrganisationId] = payableBy.GetValueOrDefault(line.OrganisationId) + line.Amount;
            if (string.Equals(currency, posting.LedgerCurrency, StringComparison.Ordinal)) payable += line.Amount;
        }
        var s = new RunSummary
        {
            RunId = run.Id, StartedAt = run.StartedAt, FinishedAt = run.FinishedAt,
            Documents =
            {
                Received = docs.Sum(d => d.Count), Einvoices = docs.Where(d => d.Channel == DocumentChannel.EInvoices).Sum(d => d.Count),
                Scanned = docs.Where(d => d.Channel == DocumentChannel.Scanned).Sum(d => d.Count),
                PayrollFiles = docs.Where(d => d.Channel == DocumentChannel.Payroll).Sum(d => d.Count), AlreadySeen = run.AlreadySeen,
                TravelFiles = docs.Where(d => d.Channel == DocumentChannel.Travel).Sum(d => d.Count),
                Adopted = run.Adopted, NotTaken = run.NotTaken,
            },
            Posting = { Vouchers = await db.Vouchers.CountAsync(v => v.RunId == run.Id, ct), Amount = -payable, Currency = posting.LedgerCurrency },
        };
        var bank = await db.BankReturnFiles.AsNoTracking().Where(f => f.RunId == run.Id).OrderBy(f => f.Id).ToListAsync(ct);
        if (bank.Count > 0)
        {
            s.Bank = new RunSummary.BankFigures
            {
                Files = bank.Count, Confirmed = bank.Sum(f => f.Confirmed), Rejected = bank.Sum(f => f.Rejected), Accepted = bank.Sum(f => f.Accepted),
                Unmatched = bank.SelectMany(f => f.Unmatched.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(u => $"{f.FileName}: {u}")).ToList(),
                Errors = bank.Where(f => f.Error is not null).Select(f => f.Error!).ToList(),
            };
        }
        var payroll = await db.PayrollEntries.AsNoTracking().Where(e => e.RunId == run.Id)
            .GroupBy(e => e.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Payroll(params InvoicePipeline.Payroll.PayrollStatus[] statuses) => payroll.Where(p => statuses.Contains(p.Status)).Sum(p => p.Count);
        s.Payroll.Transactions = payroll.Sum(p => p.Count);
        s.Payroll.Rejected = Payroll(InvoicePipeline.Payroll.PayrollStatus.Rejected, InvoicePipeline.Payroll.PayrollStatus.Duplicate);
        s.Payroll.Accepted = s.Payroll.Transactions - s.Payroll.Rejected;
        s.Payroll.AwaitingAttestation = Payroll(InvoicePipeline.Payroll.PayrollStatus.AwaitingAttestation);
        s.Payroll.Posted = Payroll(InvoicePipeline.Payroll.PayrollStatus.Posted);
        if (s.Documents.TravelFiles > 0) s.Travel = await TravelCountsAsync(db, run.Id, ct);
        var c = s.Invoices;
        foreach (var i in invoices)
        {
            var n = i.Count;
            var accepted = i.Status is not (InvoiceStatus.Rejected or InvoiceStatus.Duplicate);
            if (accepted) c.Accepted += n;
            if (i.Status == InvoiceStatus.Rejected) c.Rejected += n;
            if (i.Status == InvoiceStatus.Duplicate) c.Duplicates += n;
            if (accepted && i.Match == MatchKind.Order) c.MatchedOrder += n;
            else if (accepted && i.Match == MatchKind.Subscription) c.MatchedSubscription += n;
            else if (accepted) c.Unmatched += n;
            if (i.Status == InvoiceStatus.AwaitingReview) c.AwaitingReview += n;
            if (i.Status == InvoiceStatus.AwaitingAttestation) c.AwaitingAttestation += n;
            if (i.Status is InvoiceStatus.Posted or InvoiceStatus.Paid) c.Posted += n;
            if (i.Status == InvoiceStatus.OnHold) c.OnHold += n;
            foreach (var code in i.Exceptions.Split(';', StringSplitOptions.RemoveEmptyEntries))
                s.Exceptions[code] = s.Exceptions.GetValueOrDefault(code) + n;
            if (i.OrganisationId is not { } organisation) continue; // unknown buyer: in the totals, in no organisation
            if (!s.Organisations.TryGetValue(organisation, out var o)) s.Organisations[organisation] = o = new();
            o.Received += n;
            if (accepted) o.Accepted += n;
            if (i.Status == InvoiceStatus.Rejected) o.Rejected += n;
            if (i.Status == InvoiceStatus.Duplicate) o.Duplicates += n;
            if (i.Status == InvoiceStatus.AwaitingReview) o.AwaitingReview += n;
            if (i.Status == InvoiceStatus.AwaitingAttestation) o.AwaitingAttestation += n;
            if (i.Status is InvoiceStatus.Posted or InvoiceStatus.Paid) o.Posted += n;
            if (i.Status == InvoiceStatus.OnHold) o.OnHold += n;
        }
        foreach (var (organisation, o) in s.Organisations)
        {
            o.PostedAmount = -payableBy.GetValueOrDefault(organisation);
            o.Currency = ledgers.TryGetValue(organisation, out var l) ? l.LedgerCurrency : posting.LedgerCurrency;
        }
        return s;
    }

    public static async Task<string> WriteAsync(PipelineDbContext db, PipelineRun run, RunSummary summary, CancellationToken ct)
    {
        var dir = Path.Combine(run.OutDir, run.Id);
        Directory.CreateDirectory(dir);
        summary.ReportPath = dir;
        await NewFiles.WriteAsync(Path.Combine(dir, "summary.json"), async json =>
        {
            await JsonSerializer.SerializeAsync(json, summary, RunSummary.JsonOptions, ct);
            return true;
        }, ct);
        await WriteDocumentsAsync(db, run, Path.Combine(dir, "documents.csv"), ct);
        if (summary.Documents.PayrollFiles > 0) await WritePayrollAsync(db, run, Path.Combine(dir, "payroll.csv"), ct);
        if (summary.Documents.TravelFiles > 0) await Travel.TravelReportWriter.WriteRunAsync(db, run.Id, Path.Combine(dir, "travel.csv"), ct);
        return dir;
    }

    private static async Task<RunSummary.TravelCounts> TravelCountsAsync(PipelineDbContext db, string runId, CancellationToken ct)
    {
        var lines = await db.TravelClaims.AsNoTracking().Where(e => e.RunId == runId)
            .GroupBy(e => e.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(InvoicePipeline.Payroll.PayrollStatus status) => lines.Where(l => l.Status == status).Sum(l => l.Count);
        var t = new RunSummary.TravelCounts
        {
            Claims = await db.TravelClaims.AsNoTracking().Where(e => e.RunId == runId && e.ClaimId != "").Select(e => e.ClaimId).Distinct().CountAsync(ct),
            Lines = lines.Sum(l => l.Count), Rejected = Count(InvoicePipeline.Payroll.PayrollStatus.Rejected),
            AwaitingAttestation = Count(InvoicePipeline.Payroll.PayrollStatus.AwaitingAttestation), Posted = Count(InvoicePipeline.Payroll.PayrollStatus.Posted),
        };
        t.Accepted = t.Lines - t.Rejected;
        return t;
    }

    /// <summary>payroll.csv: one row per transaction row read (employee ids only, never person ids).</summary>
    private static async Task WritePayrollAsync(PipelineDbContext db, PipelineRun run, string path, CancellationToken ct)
    {
        var rows = db.PayrollEntries.AsNoTracking().Where(e => e.RunId == run.Id).OrderBy(e => e.File).ThenBy(e => e.Line)
            .Select(e => new { e.File, e.Line, e.TransactionId, e.EmployeeId, e.PayCode, e.Status, e.Exceptions, e.Amount, e.OrganisationId }).AsAsyncEnumerable();
        await NewFiles.WriteTextAsync(path, async writer =>
        {
            await Payroll.PayrollReportWriter.WriteAsync(writer, rows.Select(e => new Payroll.PayrollReportRow(e.File, e.Line, e.TransactionId, e.EmployeeId, e.PayCode,
                e.Status, e.Exceptions, e.Amount, e.OrganisationId)), ct);
            return true;
        }, ct);
    }

    private static Task WriteDocumentsAsync(PipelineDbContext db, PipelineRun run, string path, CancellationToken ct) =>
        NewFiles.WriteTextAsync(path, async writer =>
        {
            await WriteDocumentsAsync(db, run, writer, ct);
            return true;
        }, ct);

    private static async Task WriteDocumentsAsync(PipelineDbContext db, PipelineRun run, TextWriter writer, CancellationToken ct)
    {
        using var csv = CsvWriter.Create(writer, ReportCsv, true);
        foreach (var h in new[] { "file", "sha256", "kind", "supplier_id", "invoice_number", "issue_date", "currency", "total_incl_vat", "status", "match", "match_ref",
                     "exceptions", "voucher", "organisation", "duplicate_of" })
            csv.WriteField(h);
        csv.EndRecord();
        var rows = from d in db.Documents.AsNoTracking()
                   where d.RunId == run.Id && d.Channel != DocumentChannel.Payroll && d.Channel != DocumentChannel.Travel
                   join i in db.Invoices.AsNoTracking() on d.Id equals i.DocumentId into g
                   from i in g.DefaultIfEmpty()
                   join v in db.Vouchers.AsNoTracking() on (long?)i.Id equals v.InvoiceId into vg
                   from v in vg.DefaultIfEmpty()
                   orderby d.FileName
                   // Only the columns of the report: the stored document (DocumentJson) stays in the database.
                   select new
                   {
                       d.FileName, d.Sha256, d.Channel, Found = i != null, Kind = (DocumentKind?)i.Kind, Sign = (int?)i.Sign, i.SupplierId, i.InvoiceNumber,
                       i.IssueDate, i.Currency, Total = (decimal?)i.TotalInclVat, Status = (InvoiceStatus?)i.Status, Match = (MatchKind?)i.Match, i.MatchRef,
                       i.Exceptions, Series = v == null ? null : v.Series, Number = v == null ? (int?)null : v.Number,
                       DuplicateOf = i == null ? null : i.DuplicateOf, OrganisationId = i == null ? null : i.OrganisationId,
                   };
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var unread = !r.Found || r.Status == InvoiceStatus.Rejected && string.IsNullOrEmpty(r.InvoiceNumber);
            csv.WriteField(r.FileName);
            csv.WriteField(r.Sha256);
            csv.WriteField(r.Channel == DocumentChannel.Scanned && r.Sign > 0 ? "scanned" : DocumentSign.Describe(r.Kind ?? DocumentKind.Invoice, r.Sign ?? 1));
            csv.WriteField(r.Found ? r.SupplierId : null);
            csv.WriteField(r.Found ? r.InvoiceNumber : null);
            csv.WriteField(r.IssueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(unread ? null : r.Currency);
            csv.WriteAmount(unread ? null : r.Total);
            csv.WriteField(r.Status is { } status ? InvoiceStates.Effective(status, r.Number is not null).ToString() : nameof(InvoiceStatus.Received));
            csv.WriteField((r.Found ? r.Match ?? MatchKind.None : MatchKind.None).Name());
            csv.WriteField(r.MatchRef);
            csv.WriteField(r.Exceptions);
            csv.WriteField(r.Number is null ? null : $"{r.Series}{r.Number}");
            // Empty for UNKNOWN_BUYER (organisations.md), and so is supplier_id: suppliers are identified within an organisation.
            csv.WriteField(r.Found ? r.OrganisationId : null);
            csv.WriteNumber(r.DuplicateOf);
            csv.EndRecord();
        }
    }
}
