using InvoicePipeline.Decisions;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Processing;

public sealed record SimulationOutcome(string Policy, int Invoices, int Touchless, decimal? TouchlessRate, IReadOnlyDictionary<string, int> Exceptions, IReadOnlyDictionary<string, int> Statuses);

/// <summary>
/// `simulate`: re-runs matching, coding and routing for the invoices issued in a period, under the policy in force and
/// under a proposed one, without changing anything, so a centre sees what a tolerance change would do to the
/// touchless rate and the exceptions before adopting it.
/// </summary>
public sealed class Simulation(PipelineDbContext db, PipelineOptions options)
{
    public async Task<(SimulationOutcome Current, SimulationOutcome Proposed)> RunAsync(DateOnly from, DateOnly to, PolicyBook proposed, CancellationToken ct)
    {
        var rows = await db.Invoices.AsNoTracking()
            .Where(i => i.IssueDate >= from && i.IssueDate <= to && i.Status != InvoiceStatus.Rejected && i.DocumentJson != "")
            .OrderBy(i => i.DocumentId).Select(i => new { i.Id, i.DocumentJson }).ToListAsync(ct);
        var invoices = rows.Select(r => (r.Id, Invoice: StoredDocument.Invoice(r.DocumentJson))).Where(x => x.Invoice is not null).ToList();
        var register = await db.Suppliers.AsNoTracking().ToListAsync(ct);
        var ids = invoices.Select(x => x.Id).ToList();
        async Task<SimulationOutcome> Under(string name, PolicyBook book)
        {
            // Each policy from the same starting state: the simulated invoices do not count against themselves.
            var ctx = await DecisionContextLoader.ForInvoicesAsync(db, register, invoices.Select(x => x.Invoice).ToList(), ct, ids, options.Posting.MaxRateAgeDays);
            var policy = options.DecisionPolicy(book);
            var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var exceptions = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var (_, invoice) in invoices)
            {
                var d = InvoiceDecider.Decide(invoice, ctx, policy);
                ctx.Accept(d);
                statuses[d.Status.ToString()] = statuses.GetValueOrDefault(d.Status.ToString()) + 1;
                foreach (var code in d.Issues.Select(i => i.Code).Distinct()) exceptions[code] = exceptions.GetValueOrDefault(code) + 1;
            }
            var touchless = statuses.GetValueOrDefault(nameof(InvoiceStatus.Attested));
            return new SimulationOutcome(name, invoices.Count, touchless, invoices.Count == 0 ? null : Math.Round((decimal)touchless / invoices.Count, 4), exceptions, statuses);
        }
        return (await Under("current", options.Tolerance.Book()), await Under("proposed", proposed));
    }
}
