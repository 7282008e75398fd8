using System.CommandLine;
using System.Text.Json;
using InvoicePipeline.Worker.Health;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Cli;

/// <summary>
/// `status`: what <c>/health</c> answers, on the command line — the verdict (ok, degraded, unhealthy) on the first
/// line, then each finding and the details. It did its work whatever the verdict (exit 0); an unreachable database is
/// exit 3, as for every command.
/// </summary>
public static class StatusCommand
{
    public static Command Build()
    {
        var cmd = new Command("status", "The pipeline's health as /health reports it: database, open alerts, the last run, free disk");
        cmd.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
            using var scope = host.Services.CreateScope();
            var sp = scope.ServiceProvider;
            var health = await HealthCheck.CheckAsync(sp.GetRequiredService<PipelineDbContext>(), sp.GetRequiredService<IOptions<PipelineOptions>>().Value,
                sp.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            Console.Write(parse.GetValue(GlobalOptions.Json)
                ? JsonSerializer.Serialize(new { level = health.Level.ToString().ToLowerInvariant(), statusCode = health.StatusCode, text = health.Text }) + "\n"
                : health.Text);
            return Cli.Ok;
        }));
        return cmd;
    }
}
