using InvoicePipeline.Worker.Runs;

namespace InvoicePipeline.Worker.Scheduling;

/// <summary>What a recurring nightly entry does: start (or resume) the run; its own jobs do the work.</summary>
public sealed class NightlyRunJob(RunStarter starter)
{
    public async Task RunAsync(string inbox, string outDir, CancellationToken ct) =>
        await starter.StartOrResumeAsync(inbox, outDir, again: false, ct);
}
