using System.CommandLine;
using System.Text.Json;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`replay --run ID`: re-run a past night's decisions and show whether they come out the same.</summary>
public static class ReplayCommand
{
    public static Command Build()
    {
        var run = new Option<string>("--run") { Description = "The run id (see the Runs page or out/<run-id>)", Required = true };
        var cmd = new Command("replay", "Re-run a past night's decisions against the data before it and list what differs and why") { run };
        cmd.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
            using var scope = host.Services.CreateScope();
            var r = await new Replay(scope.ServiceProvider.GetRequiredService<PipelineDbContext>(), scope.ServiceProvider.GetRequiredService<IOptions<PipelineOptions>>().Value)
                .RunAsync(parse.GetValue(run)!, ct);
            if (parse.GetValue(GlobalOptions.Json)) Console.WriteLine(JsonSerializer.Serialize(r, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            else
            {
                Console.WriteLine($"run {r.RunId}: {r.Same} of {r.Invoices} decision(s) come out the same.");
                foreach (var d in r.Differences) Console.WriteLine($"  {d.File} (invoice {d.InvoiceId}): then {d.Then}, now {d.Now}");
                foreach (var why in r.Reasons) Console.WriteLine($"  why: {why}");
            }
            return Cli.Ok;
        }));
        return cmd;
    }
}
