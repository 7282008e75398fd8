using System.CommandLine;
using System.Text.Json;
using InvoicePipeline.Worker.MasterData;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`import masterdata DIR`: every row error reported; a file with errors is not applied, the others are.</summary>
public static class ImportCommand
{
    public static Command Build()
    {
        var dir = new Argument<string>("DIR") { Description = "Folder with master-data CSV files (data-formats.md)" };
        var masterdata = new Command("masterdata", "Upsert every master-data file present in DIR") { dir };
        masterdata.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
            using var scope = host.Services.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<MasterDataImporter>().ImportAsync(parse.GetValue(dir)!, CliIdentity.Operator(scope.ServiceProvider), ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    files = result.Files.Select(f => new { file = f.File, rows = f.Rows, inserted = f.Inserted, updated = f.Updated, applied = f.Applied,
                        errors = f.Errors.Select(e => new { file = e.File, line = e.Line, column = e.Column, reason = e.Reason }) }),
                    errors = result.Errors.Count(),
                }));
            }
            else
            {
                foreach (var f in result.Files)
                    Console.WriteLine(f.Applied ? $"{f.File}: applied {f.Rows} row(s) ({f.Inserted} new, {f.Updated} updated)" : $"{f.File}: NOT applied, {f.Errors.Count} error(s)");
                foreach (var e in result.Errors) Console.Error.WriteLine(e);
            }
            return result.HasErrors ? Cli.InputError : Cli.Ok;
        }));
        return new Command("import", "Import data files") { masterdata };
    }
}
