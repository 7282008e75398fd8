using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Runs;

public sealed record NightlyRunOutcome(PipelineRun Run, RunSummary? Summary, bool AlreadyCompleted, bool Resumed);

/// <summary>One nightly run in a started host: optional master-data import, start or resume, wait, summarise.</summary>
public static class NightlyRun
{
    public static async Task<NightlyRunOutcome> ExecuteAsync(IServiceProvider services, string inbox, string? masterData, string outDir, bool again, bool quiet, CancellationToken ct)
    {
        if (masterData is not null)
        {
            using var scope = services.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<MasterDataImporter>().ImportAsync(masterData, ct);
            if (result.HasErrors)
            {
                foreach (var e in result.Errors) await Console.Error.WriteLineAsync(e.ToString());
                throw new ConfigurationException($"master data in '{masterData}' has errors; the files with errors were not applied");
            }
        }
        RunStart start;
        using (var scope = services.CreateScope())
            start = await scope.ServiceProvider.GetRequiredService<RunStarter>().StartOrResumeAsync(inbox, outDir, again, ct);
        if (!quiet && start.AlreadyCompleted)
            Console.WriteLine($"A run with exactly these inputs already completed today ({start.Run.Id}); nothing to do. Use --again to run anyway.");
        else if (!quiet && start.Resumed)
            Console.WriteLine($"Resuming unfinished run {start.Run.Id}.");
        var run = await RunWaiter.WaitAsync(services, start.Run.Id, quiet, ct);
        if (run.Error is not null) return new NightlyRunOutcome(run, null, start.AlreadyCompleted, start.Resumed);
        using var s = services.CreateScope();
        var db = s.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var posting = s.ServiceProvider.GetRequiredService<IOptions<PipelineOptions>>().Value.Posting;
        var summary = await RunReport.BuildAsync(db, await db.Runs.AsNoTracking().SingleAsync(r => r.Id == run.Id, ct), posting, ct);
        summary.ReportPath = run.ReportPath;
        return new NightlyRunOutcome(run, summary, start.AlreadyCompleted, start.Resumed);
    }
}
