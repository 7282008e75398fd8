using InvoicePipeline.Worker.Ingestion;
using System.Globalization;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Tests.Support;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Tests.EndToEnd;

/// <summary>The same end-to-end suite on each storage: the embedded default and a real PostgreSQL.</summary>
public abstract class NightlyRunFacts(DatabaseProvider provider)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_PostsCleanInvoices_RaisesExceptions_AndRejectsBrokenFiles()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await PipelineHost.StartAsync(db);
        var outcome = await host.RunAsync(Samples.Inbox, Samples.MasterData, Path.Combine(db.Folder, "out"));

        Assert.Null(outcome.Run.Error);
        var s = outcome.Summary!;
        Assert.Equal(Directory.GetFiles(Path.Combine(Samples.Inbox, "einvoices")).Length, s.Documents.Einvoices);
        Assert.True(s.Invoices.Posted > 0, "some invoices post cleanly");
        Assert.True(s.Invoices.AwaitingReview > 0, "some invoices need a person");
        Assert.True(s.Invoices.Rejected >= 3, "malformed, hostile and non-invoice XML are rejected");
        Assert.Equal(s.Invoices.Posted, s.Posting.Vouchers);
        Assert.Equal(1, s.Exceptions[ExceptionCode.Duplicate]);

        await using var ctx = db.Open();
        var malformed = await ctx.Invoices.Include(i => i.Issues)
            .SingleAsync(i => ctx.Documents.Any(d => d.Id == i.DocumentId && d.FileName.EndsWith("17-malformed.xml")), Ct);
        Assert.Equal(InvoiceStatus.Rejected, malformed.Status);
        Assert.Contains("17-malformed.xml", malformed.Issues.Single().Reason, StringComparison.Ordinal);
        Assert.Contains("line", malformed.Issues.Single().Reason, StringComparison.Ordinal);

        // The report exists and has one row per document.
        var csv = await File.ReadAllLinesAsync(Path.Combine(outcome.Run.ReportPath!, "documents.csv"), Ct);
        Assert.Equal("file,sha256,kind,supplier_id,invoice_number,issue_date,currency,total_incl_vat,status,match,match_ref,exceptions,voucher,organisation,duplicate_of", csv[0]);
        // The duplicate names the earlier invoice it duplicates; the credit note is a creditnote with its total as a number.
        var original = await ctx.Invoices.AsNoTracking().SingleAsync(i => ctx.Documents.Any(d => d.Id == i.DocumentId && d.FileName.EndsWith("01-kontorsvaror-PO-1001.xml")), Ct);
        Assert.EndsWith($",{original.Id}", csv.Single(r => r.Contains("14-duplicate-of-01.xml", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(",creditnote,", csv.Single(r => r.Contains("15-creditnote-PO-1004.xml", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(csv, r => r.Contains(",'", StringComparison.Ordinal) && r.Contains(",'-", StringComparison.Ordinal));
        Assert.Equal(s.Documents.Einvoices + s.Documents.Scanned, csv.Length - 1);
        // The sample centre: three organisations, each invoice registered by its buyer, vouchers gapless per organisation.
        string Row(string file) => csv.Single(r => r.Contains(file, StringComparison.Ordinal));
        Assert.EndsWith(",A1,SSC,", Row("01-kontorsvaror-PO-1001.xml"), StringComparison.Ordinal);
        Assert.EndsWith(",Posted,order,PO-1001,,A1,KAMK,", Row("29-kamk-same-number-as-01-PO-1001.xml"), StringComparison.Ordinal); // same number, same supplier id, other organisation: no duplicate
        Assert.EndsWith(",DKK,2375.00,Posted,order,DK-PO-7001,,A1,DK-SA,", Row("30-dk-sa-kontor-DKK-DK-PO-7001.xml"), StringComparison.Ordinal);
        Assert.EndsWith(",,F2026-1199,2026-11-05,SEK,3743.75,AwaitingReview,none,,UNKNOWN_BUYER,,,", Row("31-unknown-buyer.xml"), StringComparison.Ordinal);
        Assert.Equal(["DK-SA", "KAMK", "SSC"], s.Organisations.Keys);
        Assert.Equal(s.Invoices.Posted, s.Organisations.Values.Sum(o => o.Posted));
        Assert.Equal((1, 2375.00m, "DKK"), (s.Organisations["DK-SA"].Posted, s.Organisations["DK-SA"].PostedAmount, s.Organisations["DK-SA"].Currency));
        Assert.True(File.Exists(Path.Combine(outcome.Run.ReportPath!, "summary.json")));
    }

    [Fact]
    public async Task Run_ReadsScannedInvoices_AndSendsTheDoubtfulOneToReview()
    {
        if (provider == DatabaseProvider.Postgres) return; // OCR is storage-independent; once is enough
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await PipelineHost.StartAsync(db);
        var outcome = await host.RunAsync(Samples.FullInbox, Samples.MasterData, Path.Combine(db.Folder, "out"));
        var scans = Directory.GetFiles(Path.Combine(Samples.FullInbox, "scanned"), "*", SearchOption.AllDirectories).Length;
        Assert.Equal(scans, outcome.Summary!.Documents.Scanned);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(outcome.Run.ReportPath!, "documents.csv"), Ct)).Where(r => r.StartsWith("scanned/", StringComparison.Ordinal)).ToList();
        Assert.Equal(scans, rows.Count);
        Assert.All(rows, r => Assert.Contains(",scanned,", r, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("low-confidence", StringComparison.Ordinal) && r.Contains("LOW_CONFIDENCE", StringComparison.Ordinal) && r.Contains("AwaitingReview", StringComparison.Ordinal));
        Assert.True(rows.Count(r => r.Contains(",Posted,", StringComparison.Ordinal)) >= scans - 1, "the clear scans match their orders and post");
        await using var ctx = db.Open();
        var stored = await ctx.Documents.AsNoTracking().Where(d => d.Channel == DocumentChannel.Scanned).Select(d => d.Content.Length).ToListAsync(Ct);
        Assert.All(stored, n => Assert.True(n > 1000, "the original image is kept"));
        // The demo shows every exception code of outcomes.md.
        foreach (var code in ExceptionCode.All) Assert.True(outcome.Summary.Exceptions.ContainsKey(code), $"the demo raises no {code}");

        // The reviewer corrects the doubtful VAT (printed 1,973.50 on a 7,350.00 net at 25 %); the checks run again.
        var doubtful = await ctx.Invoices.AsNoTracking().SingleAsync(i => i.InvoiceNumber == "2026105", Ct);
        Assert.Contains(ExceptionCode.LowConfidence, doubtful.Exceptions, StringComparison.Ordinal);
        Assert.Equal(0, await Worker.Cli.Cli.RunAsync(["invoice", "act", "--user", "david.ekonom", "--invoice", $"{doubtful.Id}", "--action", "CorrectScan",
            "--reason", "Vat=1837.50; Total=9187.50", "--db", db.ConnectionString]));
        var corrected = await ctx.Invoices.AsNoTracking().SingleAsync(i => i.Id == doubtful.Id, Ct);
        Assert.Equal(1837.50m, corrected.VatTotal);
        Assert.DoesNotContain(ExceptionCode.LowConfidence, corrected.Exceptions, StringComparison.Ordinal);
        Assert.Contains("\"corrections\":{\"Vat\":\"1837.50\"", corrected.DocumentJson, StringComparison.Ordinal);
        Assert.Contains(await ctx.History.AsNoTracking().Where(h => h.SubjectId == doubtful.Id).ToListAsync(Ct), h => h.Action == "correctscan" && h.Actor == "david.ekonom");
    }

    [Fact]
    public async Task Run_ProcessesPayrollFiles_RowByRow_AndWritesPayrollCsv()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await PipelineHost.StartAsync(db);
        var outcome = await host.RunAsync(Samples.Inbox, Samples.MasterData, Path.Combine(db.Folder, "out"));

        var p = outcome.Summary!.Payroll;
        var rows = (await File.ReadAllLinesAsync(Path.Combine(outcome.Run.ReportPath!, "payroll.csv"), Ct)).Skip(1).ToList();
        var expectedRows = Directory.GetFiles(Path.Combine(Samples.Inbox, "payroll"), "*", SearchOption.AllDirectories).Sum(f => File.ReadAllLines(f).Skip(1).Count(l => l.Length > 0));
        Assert.Equal(expectedRows, p.Transactions);
        Assert.Equal(expectedRows, rows.Count);
        Assert.True(p.Rejected > 0 && p.AwaitingAttestation > 0, "the sample files hold good and bad rows; bad rows do not stop the file");
        Assert.Equal(p.Transactions, p.Accepted + p.Rejected);
        // Every payroll exception code of outcomes.md shows up in the report of the sample files.
        foreach (var code in InvoicePipeline.Payroll.PayrollExceptionCode.All)
            Assert.Contains(rows, r => r.Contains(code, StringComparison.Ordinal));
        // No personal identity number reaches the report.
        Assert.DoesNotContain(rows, r => System.Text.RegularExpressions.Regex.IsMatch(r, @"\d{6}[-+]\d{4}"));
    }

    [Fact]
    public async Task Vouchers_BalanceToTheOre_AndEveryPostedInvoiceHasExactlyOne()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await PipelineHost.StartAsync(db);
        await host.RunAsync(Samples.Inbox, Samples.MasterData, Path.Combine(db.Folder, "out"));

        await using var ctx = db.Open();
        var lines = await ctx.VoucherLines.AsNoTracking().ToListAsync(Ct);
        Assert.NotEmpty(lines);
        foreach (var voucher in lines.GroupBy(l => l.VoucherId))
        {
            Assert.Equal(0m, voucher.Sum(l => l.Amount));
            Assert.All(voucher, l => Assert.Equal(l.Amount, Math.Round(l.Amount, 2)));
        }
        var posted = await ctx.Invoices.AsNoTracking().WithStatus(ctx, InvoiceStatus.Posted).ToListAsync(Ct);
        var vouchers = await ctx.Vouchers.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(posted.Count, vouchers.Count);
        Assert.All(posted, i => Assert.Single(vouchers, v => v.InvoiceId == i.Id));
        // Numbers are gapless from 1, per organisation (and series and fiscal year).
        foreach (var ledger in vouchers.GroupBy(v => (v.OrganisationId, v.Series, v.FiscalYear)))
            Assert.Equal(Enumerable.Range(1, ledger.Count()), ledger.Select(v => v.Number).Order());
        // The foreign-currency invoice is booked in SEK at the issue date's rate.
        var eur = posted.Single(i => i.Currency == "EUR");
        var ap = lines.Single(l => l.VoucherId == vouchers.Single(v => v.InvoiceId == eur.Id).Id && l.Account == "2440");
        Assert.Equal(-Math.Round(eur.TotalInclVat * 11.4710m, 2, MidpointRounding.AwayFromZero), ap.Amount);
    }

    [Fact]
    public async Task SecondRun_OverTheSameInbox_PostsNothingTwice_AndReportsItAsAlreadySeen()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await PipelineHost.StartAsync(db);
        var first = await host.RunAsync(Samples.Inbox, Samples.MasterData, Path.Combine(db.Folder, "out"));
        var again = await host.RunAsync(Samples.Inbox, null, Path.Combine(db.Folder, "out"));
        Assert.True(again.AlreadyCompleted, "the same inputs on the same day are not run again by accident");

        var forced = await host.RunAsync(Samples.Inbox, null, Path.Combine(db.Folder, "out"), again: true);
        Assert.NotEqual(first.Run.Id, forced.Run.Id);
        Assert.Equal(0, forced.Summary!.Documents.Received);
        Assert.Equal(first.Summary!.Documents.Received, forced.Summary.Documents.AlreadySeen);
        Assert.Equal(0, forced.Summary.Posting.Vouchers);

        await using var ctx = db.Open();
        Assert.Equal(first.Summary.Posting.Vouchers, await ctx.Vouchers.CountAsync(Ct));
    }

    [Fact]
    public async Task InterruptedRun_ResumesToTheSameEndState()
    {
        // Reference: the same inbox in one go.
        await using var reference = await TestDatabase.CreateAsync(provider);
        await using (var host = await PipelineHost.StartAsync(reference, SmallChunks))
            await host.RunAsync(Samples.Inbox, Samples.MasterData, Path.Combine(reference.Folder, "out"));

        await using var db = await TestDatabase.CreateAsync(provider);
        string runId;
        await using (var host = await PipelineHost.StartAsync(db, SmallChunks))
        {
            // Import and start the run without waiting for it.
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<MasterDataImporter>().ImportAsync(Samples.MasterData, Ct);
            var start = await scope.ServiceProvider.GetRequiredService<RunStarter>().StartOrResumeAsync(Samples.Inbox, Path.Combine(db.Folder, "out"), false, Ct);
            runId = start.Run.Id;
            // "Kill" the worker as soon as the first chunk is committed: the host goes away with its in-memory queue.
            await using var probe = db.Open();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!await probe.RunChunks.AnyAsync(c => c.RunId == runId && c.Done, Ct) && DateTime.UtcNow < deadline) await Task.Delay(5, Ct);
        }
        await using (var ctx = db.Open())
        {
            var run = await ctx.Runs.SingleAsync(r => r.Id == runId, Ct);
            Assert.NotEqual(RunState.Completed, run.State);
        }

        await using (var host = await PipelineHost.StartAsync(db, SmallChunks))
        {
            var resumed = await host.RunAsync(Samples.Inbox, null, Path.Combine(db.Folder, "out"));
            Assert.True(resumed.Resumed);
            Assert.Equal(runId, resumed.Run.Id);
            Assert.Equal(RunState.Completed, resumed.Run.State);
        }

        Assert.Equal(await EndStateAsync(reference), await EndStateAsync(db));
    }

    private static readonly Dictionary<string, string?> SmallChunks = new() { ["Pipeline:Intake:ChunkSize"] = "3" };

    /// <summary>Per file: status, exceptions, voucher total; plus the voucher count. Ids and times differ, outcomes must not.</summary>
    private async Task<string> EndStateAsync(TestDatabase db)
    {
        await using var ctx = db.Open();
        var rows = await (from d in ctx.Documents
                          join i in ctx.Invoices on d.Id equals i.DocumentId
                          join v in ctx.Vouchers on (long?)i.Id equals v.InvoiceId into vg
                          from v in vg.DefaultIfEmpty()
                          select new { d.FileName, i.Status, i.Exceptions, VoucherId = v == null ? (long?)null : v.Id }).ToListAsync(Ct);
        var lines = await ctx.VoucherLines.AsNoTracking().ToListAsync(Ct);
        var state = rows.OrderBy(r => r.FileName, StringComparer.Ordinal).Select(r =>
            $"{r.FileName}|{InvoiceStates.Effective(r.Status, r.VoucherId is not null)}|{r.Exceptions}|{lines.Where(l => l.VoucherId == r.VoucherId && l.Amount > 0).Sum(l => l.Amount).ToString(CultureInfo.InvariantCulture)}");
        return string.Join('\n', state) + $"\nvouchers={await ctx.Vouchers.CountAsync(Ct)}";
    }
}

public sealed class SqliteNightlyRunFacts() : NightlyRunFacts(DatabaseProvider.Sqlite);

public sealed class PostgresNightlyRunFacts() : NightlyRunFacts(DatabaseProvider.Postgres);
