using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InvoicePipeline.Control;
using InvoicePipeline.Worker.Control;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`control sample` and `control record` for internal control.</summary>
public static class ControlCommand
{
    public static Command Build()
    {
        var from = new Option<DateOnly>("--from") { Description = "First date of the period", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last date of the period", Required = true };
        var method = new Option<string>("--method") { Description = "mus (monetary-unit) or random", Required = true };
        method.AcceptOnlyFromAmong("mus", "random");
        var size = new Option<int?>("--size") { Description = "Sample size; without it, from --confidence and --tolerable" };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed gives the same sample", Required = true };
        var population = new Option<string>("--population") { Description = "payments (executed in the period), invoices or creditnotes (posted in it; credit notes are a population of their own)", DefaultValueFactory = _ => "payments" };
        population.AcceptOnlyFromAmong("payments", "invoices", "creditnotes");
        var confidence = new Option<int>("--confidence") { Description = "Confidence level in percent (MUS size)", DefaultValueFactory = _ => 95 };
        var tolerable = new Option<decimal?>("--tolerable") { Description = "Tolerable misstatement in the ledger currency (default 2 % of the population value)" };
        var outFile = new Option<string>("--out") { Description = "Protocol CSV to write", Required = true };
        var organisation = new Option<string?>("--organisation") { Description = "The organisation whose payments or invoices are sampled (needed when the centre has several)" };
        var sample = new Command("sample", "Draw an internal-control sample, reproducible from the seed, as a protocol CSV")
        {
            from, to, method, size, seed, population, confidence, tolerable, outFile, organisation,
        };
        sample.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
            using var scope = host.Services.CreateScope();
            var options = scope.ServiceProvider.GetRequiredService<IOptions<PipelineOptions>>().Value;
            var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
            var chosen = Organisations.OrganisationBook.Choose(await Organisations.OrganisationBook.LoadAsync(db, options, ct), parse.GetValue(organisation));
            var items = await ControlProtocol.LoadAsync(db, parse.GetValue(population)!, parse.GetValue(from), parse.GetValue(to),
                chosen.PayableAccount ?? options.Posting.PayableAccount, chosen.LedgerCurrency, ct, chosen.OrganisationId);
            var pop = items.Select(i => new SampleItem(i.Id, i.Amount)).ToList();
            var value = pop.Sum(i => i.Amount);
            var n = parse.GetValue(size) ?? (value <= 0 ? 0 : Sampling.SizeFor(value, parse.GetValue(tolerable) ?? value * 0.02m, parse.GetValue(confidence), pop.Count));
            var s = parse.GetValue(method) == "mus" ? Sampling.MonetaryUnit(pop, n, parse.GetValue(seed)) : Sampling.SimpleRandom(pop, n, parse.GetValue(seed));
            ControlProtocol.Write(parse.GetValue(outFile)!, s, parse.GetValue(population)!, parse.GetValue(confidence), items);
            Console.WriteLine(parse.GetValue(GlobalOptions.Json)
                ? JsonSerializer.Serialize(new { file = parse.GetValue(outFile), method = s.Method, populationSize = s.PopulationSize, populationValue = s.PopulationValue, interval = s.Interval, sampled = s.Items.Count })
                : string.Create(CultureInfo.InvariantCulture, $"{parse.GetValue(outFile)}: {s.Items.Count} of {s.PopulationSize} item(s) ({s.PopulationValue:N2} {chosen.LedgerCurrency}), interval {s.Interval:N2}"));
            return Cli.Ok;
        }));

        var file = new Argument<string>("FILE") { Description = "The protocol CSV with the reviewer's verdicts" };
        var record = new Command("record", "Read the reviewer's verdicts and report deviations and the projected misstatement") { file };
        record.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new ConfigurationException($"'{path}' does not exist");
            var r = await ControlProtocol.RecordAsync(path, ct);
            foreach (var e in r.Errors) await Console.Error.WriteLineAsync(e.ToString());
            Console.WriteLine(parse.GetValue(GlobalOptions.Json)
                ? JsonSerializer.Serialize(new { sampled = r.Sampled, reviewed = r.Reviewed, deviations = r.Deviations, projectedMisstatement = r.Projected, upperLimit = r.UpperLimit, errors = r.Errors.Count })
                : string.Create(CultureInfo.InvariantCulture, $"{r.Reviewed} of {r.Sampled} reviewed, {r.Deviations} deviation(s), projected misstatement {r.Projected:N2} {r.Currency}{(r.UpperLimit is null ? "" : $", upper limit {r.UpperLimit:N2} {r.Currency} (Stringer bound)")}"));
            return r.Errors.Count > 0 ? Cli.InputError : Cli.Ok;
        }));
        return new Command("control", "Internal-control sampling of payments and invoices") { sample, record };
    }
}
