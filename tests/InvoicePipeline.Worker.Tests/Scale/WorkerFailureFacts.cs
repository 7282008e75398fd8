using System.Diagnostics;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Generation;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Runs;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InvoicePipeline.Worker.Tests.Scale;

/// <summary>
/// Several real worker processes on one PostgreSQL: they share a run; one is killed with SIGKILL and restarted; the
/// database restarts under them. Every time: every invoice posted exactly once, vouchers gapless, report complete.
/// </summary>
public sealed class WorkerFailureFacts
{
    private const int Invoices = 400;
    private static readonly Dictionary<string, string> Env = new()
    {
        ["Pipeline__Intake__ChunkSize"] = "20",
        ["Pipeline__Posting__ChunkSize"] = "50",
        ["Pipeline__Hangfire__WorkerCount"] = "2",
        ["Pipeline__Hangfire__InvisibilityTimeoutSeconds"] = "8",
    };
    private static int _port = 5190;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoWorkers_ShareARun_AndPostEveryInvoiceExactlyOnce()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var runId = await PrepareAndStartAsync(db);
        using var a = WorkerProcess.StartServe(db, Interlocked.Increment(ref _port), db.Folder, Env);
        using var b = WorkerProcess.StartServe(db, Interlocked.Increment(ref _port), db.Folder, Env);
        await WaitForAsync(db, runId, r => r.State == RunState.Completed, TimeSpan.FromSeconds(120), a, b);

        await AssertPostedExactlyOnceAsync(db, runId);
        await using var conn = new NpgsqlConnection(db.ConnectionString);
        await conn.OpenAsync(Ct);
        var servers = Convert.ToInt32(await new NpgsqlCommand(
            """select count(distinct (s.data::json->>'ServerId')) from hangfire.state s join hangfire.job j on j.id = s.jobid where s.name = 'Processing' and j.invocationdata::text like '%ChunkJob%'""", conn).ExecuteScalarAsync(Ct));
        Assert.True(servers >= 2, $"chunk jobs ran on {servers} worker(s); both should take part");
    }

    [Fact]
    public async Task KilledWorker_IsRestarted_AndTheRunCompletesWithNothingLostOrDoubled()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var runId = await PrepareAndStartAsync(db);
        using (var first = WorkerProcess.StartServe(db, Interlocked.Increment(ref _port), db.Folder, Env))
        {
            await WaitForAsync(db, runId, _ => ChunksDone(db, runId) >= 2, TimeSpan.FromSeconds(90), first);
            first.Kill();
        }
        await using (var ctx = db.Open())
            Assert.NotEqual(RunState.Completed, (await ctx.Runs.SingleAsync(r => r.Id == runId, Ct)).State);

        using var second = WorkerProcess.StartServe(db, Interlocked.Increment(ref _port), db.Folder, Env);
        await WaitForAsync(db, runId, r => r.State == RunState.Completed, TimeSpan.FromSeconds(120), second);
        await AssertPostedExactlyOnceAsync(db, runId);
    }

    [Fact]
    public async Task DatabaseRestart_DuringARun_IsRetried_AndTheRunCompletes()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var runId = await PrepareAndStartAsync(db);
        using var worker = WorkerProcess.StartServe(db, Interlocked.Increment(ref _port), db.Folder, Env);
        await WaitForAsync(db, runId, _ => ChunksDone(db, runId) >= 1, TimeSpan.FromSeconds(90), worker);
        RestartPostgres();
        await WaitForAsync(db, runId, r => r.State == RunState.Completed, TimeSpan.FromSeconds(180), worker);
        await AssertPostedExactlyOnceAsync(db, runId);
    }

    private static void RestartPostgres()
    {
        var info = new ProcessStartInfo("pg_ctlcluster", "15 main restart") { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(info)!;
        p.WaitForExit(60_000);
        Assert.True(p.ExitCode == 0, "pg_ctlcluster restart failed: " + p.StandardError.ReadToEnd());
    }

    /// <summary>Generates invoices, imports master data and starts a run from a process without a Hangfire server.</summary>
    private async Task<string> PrepareAndStartAsync(TestDatabase db)
    {
        InvoiceGenerator.Write(db.Folder, Invoices, seed: 5);
        var overrides = db.Overrides();
        overrides["Pipeline:Intake:ChunkSize"] = "20";
        using var host = await Worker.Cli.CommandHost.StartAsync(overrides, hangfireServer: false, Ct);
        using var scope = host.Services.CreateScope();
        var import = await scope.ServiceProvider.GetRequiredService<MasterDataImporter>().ImportAsync(Path.Combine(db.Folder, "masterdata"), Ct);
        Assert.Empty(import.Errors);
        var start = await scope.ServiceProvider.GetRequiredService<RunStarter>().StartOrResumeAsync(Path.Combine(db.Folder, "inbox"), Path.Combine(db.Folder, "out"), false, Ct);
        await host.StopAsync(Ct);
        return start.Run.Id;
    }

    private static int ChunksDone(TestDatabase db, string runId)
    {
        using var ctx = db.Open();
        return ctx.RunChunks.Count(c => c.RunId == runId && c.Done);
    }

    private async Task WaitForAsync(TestDatabase db, string runId, Func<PipelineRun, bool> done, TimeSpan timeout, params WorkerProcess[] workers)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await using var ctx = db.Open();
                var run = await ctx.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, Ct);
                if (done(run)) return;
            }
            catch (Exception ex) when (ex is NpgsqlException || Resilience.IsTransient(ex))
            {
                // the database is restarting
            }
            await Task.Delay(200, Ct);
        }
        Assert.Fail($"run {runId} did not get there in {timeout}. Worker output:\n" + string.Join("\n----\n", workers.Select(w => w.Output[^Math.Min(4000, w.Output.Length)..])));
    }

    private async Task AssertPostedExactlyOnceAsync(TestDatabase db, string runId)
    {
        await using var ctx = db.Open();
        var invoices = await ctx.Invoices.AsNoTracking().Where(i => i.RunId == runId).ToListAsync(Ct);
        var documents = await ctx.Documents.CountAsync(d => d.RunId == runId, Ct);
        Assert.Equal(documents, invoices.Count); // nothing lost
        var vouchers = await ctx.Vouchers.AsNoTracking().ToListAsync(Ct);
        var posted = invoices.Where(i => InvoiceStates.Effective(i.Status, vouchers.Any(v => v.InvoiceId == i.Id)) == InvoiceStatus.Posted).ToList();
        Assert.True(posted.Count > Invoices / 2, $"only {posted.Count} posted");
        Assert.Equal(posted.Count, vouchers.Count);
        Assert.Equal(vouchers.Count, vouchers.Select(v => v.InvoiceId).Distinct().Count()); // nothing twice
        Assert.Equal(Enumerable.Range(1, vouchers.Count), vouchers.Select(v => v.Number).Order()); // gapless
        var report = (await ctx.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, Ct)).ReportPath!;
        var rows = await File.ReadAllLinesAsync(Path.Combine(report, "documents.csv"), Ct);
        Assert.Equal(documents + 1, rows.Length);
    }
}
