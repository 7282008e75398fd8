using System.Text.Json;
using InvoicePipeline.Decisions;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Processing;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Runs;

public sealed record ReplayDifference(long InvoiceId, string File, string Then, string Now);

public sealed record ReplayResult(string RunId, int Invoices, int Same, IReadOnlyList<ReplayDifference> Differences, IReadOnlyList<string> Reasons);

/// <summary>
/// `replay --run ID`: re-runs a past night's decisions (matching, coding, routing) for its invoices, against the
/// invoices that were there before it, and compares them with what the night decided (the "process" entry of each
/// invoice's history). Differences are listed with the likely reason: master data or policy changed since the run's
/// manifest, or the program version differs. Nothing is changed.
/// </summary>
public sealed class Replay(PipelineDbContext db, PipelineOptions options)
{
    public async Task<ReplayResult> RunAsync(string runId, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct) ?? throw new ConfigurationException($"run {runId} does not exist");
        var rows = await (from i in db.Invoices.AsNoTracking()
                          join d in db.Documents.AsNoTracking() on i.DocumentId equals d.Id
                          where i.RunId == runId && i.DocumentJson != ""
                          orderby i.DocumentId
                          select new { i.Id, i.OrganisationId, d.FileName, i.DocumentJson }).ToListAsync(ct);
        var then = (await db.History.AsNoTracking().Where(h => h.RunId == runId && h.Action == "process").ToListAsync(ct))
            .ToDictionary(h => h.SubjectId, h => $"{h.ToStatus} {Codes(h.Reason)}".Trim());
        var later = await db.Invoices.AsNoTracking().Where(i => i.ReceivedAt >= run.StartedAt).Select(i => i.Id).ToListAsync(ct);
        var invoices = rows.Select(r => (r.Id, r.OrganisationId, r.FileName, Invoice: StoredDocument.Invoice(r.DocumentJson))).ToList();
        var directory = await Organisations.OrganisationBook.LoadAsync(db, options, ct);
        var contexts = await DecisionContextLoader.ByOrganisationAsync(db, directory, invoices.Select(x => ((string?)x.OrganisationId, x.Invoice)), later,
            options.Posting.MaxRateAgeDays, ct);
        var policies = directory.All.ToDictionary(o => o.OrganisationId, o => options.DecisionPolicy(o), StringComparer.Ordinal);
        var differences = new List<ReplayDifference>();
        foreach (var (id, organisation, file, invoice) in invoices)
        {
            var context = organisation is null ? null : contexts.GetValueOrDefault(organisation);
            var d = context is null ? InvoiceDecider.ForUnknownBuyer(invoice, "no organisation")
                : InvoiceDecider.Decide(invoice, context, policies[organisation!]);
            context?.Accept(d);
            var now = $"{d.Status} {string.Join(';', d.Issues.Select(i => i.Code).Distinct().Order(StringComparer.Ordinal))}".Trim();
            var was = then.GetValueOrDefault(id, "?");
            if (!string.Equals(Normalise(was), Normalise(now), StringComparison.Ordinal)) differences.Add(new(id, file, was, now));
        }
        return new ReplayResult(runId, invoices.Count, invoices.Count - differences.Count, differences, differences.Count == 0 ? [] : await ReasonsAsync(run, ct));
    }

    /// <summary>What changed since the night: master-data files, policy or program version (from the run's manifest).</summary>
    private async Task<List<string>> ReasonsAsync(PipelineRun run, CancellationToken ct)
    {
        var reasons = new List<string>();
        using var manifest = JsonDocument.Parse(run.ManifestJson);
        var root = manifest.RootElement;
        var then = root.GetProperty("masterData").GetProperty("files").EnumerateArray().Select(f => f.GetProperty("Sha256").GetString()).ToHashSet(StringComparer.Ordinal);
        var since = await db.MasterDataImports.AsNoTracking().Where(m => m.ImportedAt > run.StartedAt).Select(m => m.FileName).Distinct().ToListAsync(ct);
        if (since.Count > 0) reasons.Add($"master data imported after the run: {string.Join(", ", since)}");
        var policy = root.GetProperty("policy").GetProperty("version").GetString();
        if (policy != options.Attestation.PolicyVersion) reasons.Add($"policy version then {policy}, now {options.Attestation.PolicyVersion}");
        var program = root.GetProperty("program").GetProperty("version").GetString();
        if (program != RunStarter.ProgramVersion) reasons.Add($"program version then {program}, now {RunStarter.ProgramVersion}");
        if (reasons.Count == 0 && then.Count > 0) reasons.Add("invoices posted, paid or acted on since the night change what was already invoiced");
        return reasons;
    }

    private static string Codes(string? reason) =>
        reason is null || reason.StartsWith("matched", StringComparison.Ordinal) || reason == "no match" ? ""
            : string.Join(';', reason.Split("; ", StringSplitOptions.RemoveEmptyEntries).Where(c => c.All(ch => char.IsAsciiLetterUpper(ch) || ch == '_')).Distinct().Order(StringComparer.Ordinal));

    private static string Normalise(string s) => s.Replace(" ", "", StringComparison.Ordinal);
}
