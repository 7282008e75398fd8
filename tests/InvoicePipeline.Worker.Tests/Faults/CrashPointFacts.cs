using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting;
using InvoicePipeline.Worker.Processing;
using InvoicePipeline.Worker.Runs;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Tests.Faults;

/// <summary>
/// Issue 19: the process dies between two stages of a night (its queued job lost with it): between storing the
/// documents and processing them, between deciding and posting, between posting and the report. Each time the rerun
/// resumes the run, loses nothing, posts nothing twice and writes the report: the end state is that of an unbroken night.
/// </summary>
public sealed class CrashPointFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Hangfire's client, except that jobs of one type are lost: the process died before running them.</summary>
    private sealed class LosingClient(IBackgroundJobClient inner, Type lost) : IBackgroundJobClient
    {
        public int Lost;

        public string Create(Job job, IState state)
        {
            if (job.Type != lost) return inner.Create(job, state);
            Interlocked.Increment(ref Lost);
            return "lost";
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => inner.ChangeState(jobId, state, expectedState);
    }

    public static TheoryData<string, RunState> Points => new()
    {
        { nameof(ChunkJob), RunState.Processing },
        { nameof(PostingJob), RunState.Posting },
        { nameof(ReportJob), RunState.Reporting },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public async Task AProcessKilledBetweenStages_IsResumed_LosingNothing_AndPostingNothingTwice(string lostJob, RunState stoppedAt)
    {
        var lost = typeof(ChunkJob).Assembly.GetTypes().Single(t => t.Name == lostJob);
        await using var reference = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(reference);

        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var outDir = Path.Combine(db.Folder, "out");
        string runId;
        LosingClient? client = null;
        await using (var host = await PipelineHost.StartAsync(db, services: s => s.AddSingleton<IBackgroundJobClient>(sp =>
            client = new LosingClient(new BackgroundJobClient(sp.GetRequiredService<JobStorage>()), lost))))
        {
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<MasterDataImporter>().ImportAsync(Samples.MasterData, Ct);
            runId = (await scope.ServiceProvider.GetRequiredService<RunStarter>().StartOrResumeAsync(Samples.Inbox, outDir, false, Ct)).Run.Id;
            await using var probe = db.Open();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && (client?.Lost ?? 0) == 0) await Task.Delay(20, Ct);
            Assert.True(client!.Lost > 0, $"the run never got to its {lostJob}");
            Assert.Equal(stoppedAt, (await probe.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, Ct)).State);
        } // the process is gone, and the job it had queued with it

        await using (var host = await PipelineHost.StartAsync(db))
        {
            var resumed = await host.RunAsync(Samples.Inbox, null, outDir);
            Assert.True(resumed.Resumed);
            Assert.Equal((runId, RunState.Completed), (resumed.Run.Id, resumed.Run.State));
            Assert.True(File.Exists(Path.Combine(resumed.Run.ReportPath!, "summary.json")));
            Assert.Equal(File.ReadAllLines(Path.Combine(ReportOf(reference), "documents.csv")).Length,
                File.ReadAllLines(Path.Combine(resumed.Run.ReportPath!, "documents.csv")).Length);
        }
        Assert.Equal(await EndStateAsync(reference), await EndStateAsync(db));
    }

    private static string ReportOf(TestDatabase db)
    {
        using var ctx = db.Open();
        return ctx.Runs.AsNoTracking().Single().ReportPath!;
    }

    /// <summary>Per file: status, exceptions, voucher total; the voucher count and the payroll rows by status.</summary>
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
            $"{r.FileName}|{Worker.Persistence.InvoiceStates.Effective(r.Status, r.VoucherId is not null)}|{r.Exceptions}|"
            + lines.Where(l => l.VoucherId == r.VoucherId && l.Amount > 0).Sum(l => l.Amount).ToString(CultureInfo.InvariantCulture));
        var payroll = await ctx.PayrollEntries.AsNoTracking().GroupBy(e => e.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(Ct);
        return string.Join('\n', state) + $"\nvouchers={await ctx.Vouchers.CountAsync(Ct)}\npayroll="
            + string.Join(',', payroll.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.N}"));
    }
}
