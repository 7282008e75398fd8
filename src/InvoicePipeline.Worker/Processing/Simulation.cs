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
            .OrderBy(i => i.DocumentId).Select(i => new { i.Id, i.OrganisationId, i.DocumentJson }).ToListAsync(ct);
        var invoices = rows.Select(r => (r.Id, r.OrganisationId, Invoice: StoredDocument.Invoice(r.DocumentJson))).Where(x => x.Invoice is not null).ToList();
        var directory = await Organisations.OrganisationBook.LoadAsync(db, options, ct);
        var ids = invoices.Select(x => x.Id).ToList();
        async Task<SimulationOutcome> Under(string name, PolicyBook book)
        {
            // Each policy from the same starting state: the simulated invoices do not count against themselves.
            var contexts = await DecisionContextLoader.ByOrganisationAsync(db, directory, invoices.Select(x => ((string?)x.OrganisationId, x.Invoice)), ids,
            options.Posting.MaxRateAgeDays, ct);
            var policies = directory.All.ToDictionary(o => o.OrganisationId, o => options.DecisionPolicy(o, book), StringComparer.Ordinal);
            var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var exceptions = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var (_, organisation, invoice) in invoices)
            {
                var ctx = organisation is null ? null : contexts.GetValueOrDefault(organisation);
                var d = ctx is null ? InvoiceDecider.ForUnknownBuyer(invoice, "no organisation") : InvoiceDecider.Decide(invoice, ctx,
                    policies[organisation!]);
                ctx?.Accept(d);
                statuses[d.Status.ToString()] = statuses.GetValueOrDefault(d.Status.ToString()) + 1;
                foreach (var code in d.Issues.Select(i => i.Code).Distinct()) exceptions[code] = exceptions.GetValueOrDefault(code) + 1;
            }
            var touchless = statuses.GetValueOrDefault(nameof(InvoiceStatus.Attested));
            return new SimulationOutcome(name, invoices.Count, touchless, invoices.Count == 0 ? null : Math.Round((decimal)touchless / invoices.Count, 4), exceptions, statuses);
        }
        return (await Under("current", options.Tolerance.Book()), await Under("proposed", proposed));
    }
}
