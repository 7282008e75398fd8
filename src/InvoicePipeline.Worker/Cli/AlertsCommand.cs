using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InvoicePipeline.Worker.Health;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`alerts` lists the open alerts (`--all`: every alert); `alerts ack --id N --reason TEXT` acknowledges one as the operator (<see cref="CliIdentity.Operator"/>).</summary>
public static class AlertsCommand
{
    public static Command Build()
    {
        var all = new Option<bool>("--all") { Description = "Acknowledged alerts too" };
        var cmd = new Command("alerts", "Alerts that keep /health unhealthy until an operator acknowledges them (a run that did not complete)") { all };
        cmd.SetAction((parse, ct) => With(parse, async (services, db) =>
        {
            var alerts = parse.GetValue(all)
                ? await db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct)
                : await Alerts.OpenAsync(db, ct);
            if (parse.GetValue(GlobalOptions.Json)) Console.WriteLine(JsonSerializer.Serialize(alerts));
            else if (alerts.Count == 0) Console.WriteLine("No open alerts.");
            else
                foreach (var a in alerts)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{a.Id,5} {a.RaisedAt:yyyy-MM-dd HH:mm} {a.Kind} {a.Subject}: {a.Message}{(a.AcknowledgedAt is null ? "" : $" [acknowledged by {a.AcknowledgedBy} at {a.AcknowledgedAt:yyyy-MM-dd HH:mm}: {a.AcknowledgedReason}]")}"));
            return Cli.Ok;
        }, ct));

        var id = new Option<long>("--id") { Description = "The alert's id (from 'alerts')", Required = true };
        var reason = new Option<string>("--reason") { Description = "What was found and done", Required = true };
        var ack = new Command("ack", "Acknowledge an alert with a reason, as you (your mapped person, else os:ACCOUNT)") { id, reason };
        ack.SetAction((parse, ct) => With(parse, async (services, db) =>
        {
            if (string.IsNullOrWhiteSpace(parse.GetValue(reason))) throw new UsageException("--reason must say what was found and done");
            var user = CliIdentity.Operator(services);
            var alert = await Alerts.AcknowledgeAsync(db, parse.GetValue(id), user, parse.GetValue(reason)!, services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Alerts").AlertAcknowledged(alert.Id, user, alert.AcknowledgedReason!);
            Console.WriteLine(parse.GetValue(GlobalOptions.Json) ? JsonSerializer.Serialize(alert) : $"Alert {alert.Id} acknowledged by {user}.");
            return Cli.Ok;
        }, ct));
        cmd.Subcommands.Add(ack);
        return cmd;
    }

    private static Task<int> With(ParseResult parse, Func<IServiceProvider, PipelineDbContext, Task<int>> run, CancellationToken ct) => Cli.Guard(parse, async () =>
    {
        using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
        using var scope = host.Services.CreateScope();
        return await run(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<PipelineDbContext>());
    });
}
