using System.CommandLine;
using System.Text.Json;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`demo` and `run --once`: one nightly run through the Hangfire jobs, waited for, then the summary.</summary>
public static class RunCommands
{
    public static Command Run()
    {
        var once = new Option<bool>("--once") { Description = "Run one nightly run now and wait for it (required: scheduled runs come from `serve`)" };
        var inbox = new Option<string>("--inbox") { Description = "Inbox folder (einvoices/, scanned/, payroll/)", DefaultValueFactory = _ => "inbox" };
        var masterData = new Option<string?>("--masterdata") { Description = "Import this master-data folder first" };
        var outDir = new Option<string>("--out") { Description = "Folder for the run report", DefaultValueFactory = _ => "out" };
        var again = new Option<bool>("--again") { Description = "Start a new run even if a completed run had exactly these inputs today" };
        var cmd = new Command("run", "One nightly run: ingest, validate, match, code, route, attest what policy allows, post") { once, inbox, masterData, outDir, again };
        cmd.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            if (!parse.GetValue(once)) throw new UsageException("run needs --once (scheduled runs are started by `serve` from jobs/*.json)");
            return await RunOnceAsync(parse, parse.GetValue(inbox)!, parse.GetValue(masterData), parse.GetValue(outDir)!, parse.GetValue(again), GlobalOptions.Overrides(parse), ct);
        }));
        return cmd;
    }

    public static Command Demo()
    {
        var cmd = new Command("demo", "Fresh embedded database under data/demo/, sample master data and inbox, one nightly run, report under out/");
        cmd.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            var samples = SamplesFolder();
            var dbPath = Path.Combine("data", "demo", "invoicepipeline.db");
            Directory.CreateDirectory(Path.GetDirectoryName(dbPath)!);
            foreach (var f in Directory.EnumerateFiles(Path.GetDirectoryName(dbPath)!, "invoicepipeline.db*")) File.Delete(f);
            var overrides = GlobalOptions.Overrides(parse);
            overrides["Pipeline:Database:Provider"] = "Sqlite";
            overrides["ConnectionStrings:Pipeline"] = $"Data Source={dbPath}";
            overrides["Pipeline:Hangfire:Storage"] = "InMemory";
            // A fresh database answers the same invoices again: the demo's supplier responses start afresh too.
            var responses = Path.Combine("out", "demo-responses");
            if (Directory.Exists(responses)) Directory.Delete(responses, recursive: true);
            overrides["Pipeline:Responses:Outbox"] = responses;
            return await RunOnceAsync(parse, Path.Combine(samples, "inbox"), Path.Combine(samples, "masterdata"), "out", false, overrides, ct);
        }));
        return cmd;
    }

    /// <summary>samples/ in the current folder, else beside the solution the program was built from.</summary>
    public static string SamplesFolder()
    {
        if (Directory.Exists("samples")) return Path.GetFullPath("samples");
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InvoicePipeline.sln"))) dir = dir.Parent;
        var found = dir is null ? null : Path.Combine(dir.FullName, "samples");
        return found is not null && Directory.Exists(found) ? found : throw new ConfigurationException("samples/ not found: run the demo from the repository root");
    }

    private static async Task<int> RunOnceAsync(ParseResult parse, string inbox, string? masterData, string outDir, bool again, Dictionary<string, string?> overrides, CancellationToken ct)
    {
        var json = parse.GetValue(GlobalOptions.Json);
        using var host = await CommandHost.StartAsync(overrides, hangfireServer: true, ct);
        var outcome = await NightlyRun.ExecuteAsync(host.Services, inbox, masterData, outDir, again, quiet: json, ct);
        await host.StopAsync(CancellationToken.None);
        if (outcome.Run.Error is not null)
        {
            Console.Error.WriteLine($"run {outcome.Run.Id} failed: {outcome.Run.Error}");
            return Cli.Unexpected;
        }
        if (json) Console.WriteLine(JsonSerializer.Serialize(outcome.Summary, new JsonSerializerOptions(RunSummary.JsonOptions) { WriteIndented = false }));
        else SummaryTable.Print(outcome.Summary!);
        return Cli.Ok;
    }
}
