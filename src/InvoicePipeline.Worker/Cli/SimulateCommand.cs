using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`simulate --from D --to D --policy FILE`: the touchless rate and exceptions under a proposed tolerance policy, changing nothing.</summary>
public static class SimulateCommand
{
    public static Command Build()
    {
        var from = new Option<DateOnly>("--from") { Description = "First issue date", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last issue date", Required = true };
        var policy = new Option<string>("--policy") { Description = "JSON file with the proposed tolerance version (Version, EffectiveFrom, PricePercent, Absolute, Suppliers, CostCentres, Categories)", Required = true };
        var cmd = new Command("simulate", "Re-run matching for a period under a proposed tolerance policy and compare, without changing anything") { from, to, policy };
        cmd.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            var path = parse.GetValue(policy)!;
            if (!File.Exists(path)) throw new ConfigurationException($"policy file '{path}' does not exist");
            ToleranceVersion proposed;
            try
            {
                proposed = JsonSerializer.Deserialize<ToleranceVersion>(await File.ReadAllTextAsync(path, ct), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                    ?? throw new ConfigurationException($"{path} is empty");
            }
            catch (JsonException ex)
            {
                throw new ConfigurationException($"{path}: line {ex.LineNumber + 1}: {ex.Message}");
            }
            using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
            using var scope = host.Services.CreateScope();
            var sim = new Simulation(scope.ServiceProvider.GetRequiredService<PipelineDbContext>(), scope.ServiceProvider.GetRequiredService<IOptions<PipelineOptions>>().Value);
            var (current, next) = await sim.RunAsync(parse.GetValue(from), parse.GetValue(to), new Matching.PolicyBook([proposed.ToPolicy() with { EffectiveFrom = DateOnly.MinValue }]), ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { current, proposed = next }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
                return Cli.Ok;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{current.Invoices} invoice(s) issued {parse.GetValue(from):yyyy-MM-dd}..{parse.GetValue(to):yyyy-MM-dd}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"touchless: {current.Touchless} ({current.TouchlessRate:P1}) now, {next.Touchless} ({next.TouchlessRate:P1}) under {proposed.Version}"));
            foreach (var code in current.Exceptions.Keys.Union(next.Exceptions.Keys).Order(StringComparer.Ordinal))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {code,-30} {current.Exceptions.GetValueOrDefault(code),6} → {next.Exceptions.GetValueOrDefault(code),6}"));
            return Cli.Ok;
        }));
        return cmd;
    }
}
