using System.Reflection;
using System.Text.Json;
using Hangfire;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Ingestion;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Processing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Runs;

public sealed record RunStart(PipelineRun Run, bool AlreadyCompleted, bool Resumed);

/// <summary>
/// Starts a nightly run, or resumes the unfinished run with the same key (kind, posting date, input hash).
/// A completed run with the same key is not started again unless asked to.
/// </summary>
public sealed class RunStarter(PipelineDbContext db, IBackgroundJobClient jobs, IOptions<PipelineOptions> options, BusinessClock clock, ILogger<RunStarter> log)
{
    public async Task<RunStart> StartOrResumeAsync(string inbox, string outDir, bool again, CancellationToken ct)
    {
        var hashes = new List<byte[]>();
        foreach (var f in Inbox.List(inbox)) hashes.Add(await Inbox.HashBytesAsync(f.Path, ct));
        var inputHash = RunKey.InputHash(hashes);
        var postingDate = clock.Today;
        var key = RunKey.For("nightly", postingDate, inputHash);

        var previous = await db.Runs.Where(r => r.Key == key).OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
        // A failed run (one whose documents a later run adopted) is not resumed: its inputs are someone else's now.
        if (previous is not null && previous.State is not (RunState.Completed or RunState.Failed))
        {
            previous.Error = null;
            await db.SaveChangesAsync(ct);
            await KickAsync(previous, ct);
            log.RunResumed(previous.Id, previous.State.ToString());
            return new RunStart(previous, false, true);
        }
        if (previous is { State: RunState.Completed } && !again) return new RunStart(previous, true, false);

        var masterData = await db.MasterDataImports.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => new { m.FileName, m.Sha256, m.ImportedAt }).ToListAsync(ct);
        var run = new PipelineRun
        {
            Id = $"{postingDate:yyyyMMdd}-{clock.UtcNow:HHmmss}-{Guid.NewGuid().ToString("N")[..6]}",
            Key = key, PostingDate = postingDate, State = RunState.Started, Inbox = Path.GetFullPath(inbox),
            OutDir = Path.GetFullPath(outDir), InputHash = inputHash, StartedAt = clock.UtcNow,
            ManifestJson = JsonSerializer.Serialize(new
            {
                // Each input file's name and SHA-256 are in the documents table; the manifest keeps their count and joint hash,
                // so it stays small however many files a night brings.
                inputs = new { files = hashes.Count, hash = inputHash, perFile = "documents.FileName, documents.Sha256" },
                masterData = new { version = masterData.Count == 0 ? "none" : masterData[^1].Sha256[..12], files = masterData },
                policy = new { version = options.Value.Attestation.PolicyVersion, options.Value.Attestation.AutoAttestMatched },
                configuration = new { options.Value.Intake.ChunkSize, options.Value.Posting.LedgerCurrency, options.Value.Posting.InvoiceSeries, options.Value.Posting.PayableAccount, options.Value.Posting.InputVatAccount },
                program = new { version = ProgramVersion },
            }),
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(ct);
        await KickAsync(run, ct);
        log.RunStarted(run.Id, postingDate, hashes.Count);
        return new RunStart(run, false, false);
    }

    public static string ProgramVersion =>
        typeof(RunStarter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private async Task KickAsync(PipelineRun run, CancellationToken ct)
    {
        if (run.State is RunState.Started or RunState.Intake) jobs.Enqueue<IntakeJob>(j => j.RunAsync(run.Id, CancellationToken.None));
        else await ProcessingFlow.ContinueAsync(db, jobs, run.Id, ct);
    }
}
