using InvoicePipeline.Kpi;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Kpi;

/// <summary>The monthly recurring job (jobs/monthly-kpi.json): the report for the month just closed.</summary>
public sealed class MonthlyKpiJob(PipelineDbContext db, IOptions<PipelineOptions> options, IConfiguration configuration, TimeProvider clock)
{
    public async Task RunAsync(string outDir, CancellationToken ct)
    {
        var zone = Runs.RunStarter.Zone(options.Value.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var month = today.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var report = await KpiData.ComputeAsync(db, month, Settings(configuration), zone, ct);
        KpiOutput.Write(report, outDir);
    }

    public static KpiSettings Settings(IConfiguration c) => new(
        c.GetValue("Pipeline:Kpi:Targets:supplier_invoices", 3500m),
        c.GetValue("Pipeline:Kpi:Targets:payroll", 1700m),
        c.GetValue("Pipeline:Kpi:LeadTimeTargetWorkingDays", 5));
}
