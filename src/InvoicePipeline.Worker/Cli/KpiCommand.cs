using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Kpi;
using InvoicePipeline.Worker.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`kpi --month YYYY-MM [--out DIR]`: throughput per FTE and the other KPIs against targets; CSV and PNG charts.</summary>
public static class KpiCommand
{
    public static Command Build()
    {
        var month = new Option<string>("--month") { Description = "The month, YYYY-MM", Required = true };
        var outDir = new Option<string>("--out") { Description = "Folder for kpi-<month>.csv and the charts", DefaultValueFactory = _ => Path.Combine("out", "kpi") };
        var cmd = new Command("kpi", "Throughput per full-time employee and the other KPIs for a month, against their targets") { month, outDir };
        cmd.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            var m = parse.GetValue(month)!;
            if (!DateOnly.TryParseExact(m + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                throw new UsageException($"--month '{m}' is not YYYY-MM");
            using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
            using var scope = host.Services.CreateScope();
            var sp = scope.ServiceProvider;
            var report = await KpiData.ComputeAsync(sp.GetRequiredService<PipelineDbContext>(), m,
                MonthlyKpiJob.Settings(sp.GetRequiredService<IConfiguration>()), sp.GetRequiredService<BusinessClock>().Zone, ct);
            var files = KpiOutput.Write(report, parse.GetValue(outDir)!);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { report, files }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
                return Cli.Ok;
            }
            foreach (var p in new[] { report.SupplierInvoices, report.Payroll })
                Console.WriteLine($"{p.Process}: {p.Handled} handled, FTE {p.Fte?.ToString(CultureInfo.InvariantCulture) ?? "-"}, per FTE {p.PerFte?.ToString(CultureInfo.InvariantCulture) ?? "-"} against {p.Target.ToString(CultureInfo.InvariantCulture)}{(p.Note is null ? "" : " (" + p.Note + ")")}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"posted {report.Posted}, touchless {report.Touchless} ({report.TouchlessRate:P1}), lead time {report.AverageLeadTimeWorkingDays} working days, SLA {report.SlaCompliance:P1}, backlog {report.BacklogAtMonthEnd}, e-invoice share {report.EInvoiceShare:P1}"));
            foreach (var f in files) Console.WriteLine(f);
            return Cli.Ok;
        }));
        return cmd;
    }
}
