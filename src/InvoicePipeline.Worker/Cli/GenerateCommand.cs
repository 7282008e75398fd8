using System.CommandLine;
using System.Text.Json;
using InvoicePipeline.Worker.Generation;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`generate --invoices N --seed S --out DIR`: test and benchmark data, deterministic from the seed.</summary>
public static class GenerateCommand
{
    public static Command Build()
    {
        var invoices = new Option<int>("--invoices") { Description = "How many invoices", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same files)", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string>("--out") { Description = "Folder for masterdata/ and inbox/", Required = true };
        var cmd = new Command("generate", "Generate N Peppol invoices with consistent master data (for benchmarks and tests)") { invoices, seed, outDir };
        cmd.SetAction((parse, ct) => Cli.Guard(parse, () =>
        {
            var n = parse.GetValue(invoices);
            if (n <= 0) throw new UsageException("--invoices must be greater than zero");
            var set = InvoiceGenerator.Write(parse.GetValue(outDir)!, n, parse.GetValue(seed));
            Console.WriteLine(parse.GetValue(GlobalOptions.Json)
                ? JsonSerializer.Serialize(set, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                : $"{set.Invoices} invoices, {set.Suppliers} suppliers, {set.OrderLines} order lines: {string.Join(", ", set.Mix.Select(m => $"{m.Key} {m.Value}"))}");
            return Task.FromResult(Cli.Ok);
        }));
        return cmd;
    }
}
