using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`export sie` and `export journal` of one organisation's ledger for a period of posting dates.</summary>
public static class ExportCommand
{
    public static Command Build()
    {
        var export = new Command("export", "Export posted vouchers to the general ledger");
        export.Subcommands.Add(Sub("sie", "SIE 4I file (type 4, PC8) of the vouchers posted in the period", async (x, from, to, file, ct) =>
        {
            var c = await x.Export.SieAsync(x.Organisation, from, to, file, ct);
            return (c.Vouchers, c.Transactions, c.DebitTotal);
        }));
        export.Subcommands.Add(Sub("journal", "The same vouchers as CSV, one row per voucher line", async (x, from, to, file, ct) =>
        {
            var rows = await x.Export.JournalAsync(x.Organisation, from, to, file, ct);
            return (-1, rows, -1m);
        }));
        return export;
    }

    private static Command Sub(string name, string description,
        Func<(LedgerExport Export, InvoicePipeline.MasterData.Organisation Organisation), DateOnly, DateOnly, string, CancellationToken, Task<(int Vouchers, int Rows, decimal Debit)>> run)
    {
        var from = new Option<DateOnly>("--from") { Description = "First posting date, YYYY-MM-DD", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last posting date, YYYY-MM-DD", Required = true };
        var outFile = new Option<string>("--out") { Description = "File to write", Required = true };
        var organisation = new Option<string?>("--organisation") { Description = "The organisation whose ledger is exported (needed when the centre has several)" };
        var cmd = new Command(name, description) { from, to, outFile, organisation };
        cmd.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            if (parse.GetValue(to) < parse.GetValue(from)) throw new UsageException("--to is before --from");
            var path = Path.GetFullPath(parse.GetValue(outFile)!);
            if (Path.GetDirectoryName(path) is { } dir && !Directory.Exists(dir)) throw new ConfigurationException($"folder '{dir}' does not exist");
            using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
            using var scope = host.Services.CreateScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<PipelineDbContext>();
            var options = sp.GetRequiredService<IOptions<PipelineOptions>>().Value;
            var chosen = Organisations.OrganisationBook.Choose(await Organisations.OrganisationBook.LoadAsync(db, options, ct), parse.GetValue(organisation));
            var export = new LedgerExport(db, options, sp.GetRequiredService<BusinessClock>());
            var (vouchers, rows, debit) = await run((export, chosen), parse.GetValue(from), parse.GetValue(to), path, ct);
            if (parse.GetValue(GlobalOptions.Json))
                Console.WriteLine(JsonSerializer.Serialize(new { file = path, vouchers = vouchers < 0 ? (int?)null : vouchers, rows, debitTotal = debit < 0 ? (decimal?)null : debit }));
            else
                Console.WriteLine(vouchers < 0 ? $"{path}: {rows} line(s)" : string.Create(CultureInfo.InvariantCulture, $"{path}: {vouchers} voucher(s), {rows} transaction(s), debit total {debit:0.00}"));
            return Cli.Ok;
        }));
        return cmd;
    }
}
