using InvoicePipeline.Kpi;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace InvoicePipeline.Worker.Kpi;

/// <summary>The monthly recurring job (jobs/monthly-kpi.json): the report for the month just closed.</summary>
public sealed class MonthlyKpiJob(PipelineDbContext db, IConfiguration configuration, BusinessClock clock, ILogger<MonthlyKpiJob> log)
{
    public async Task RunAsync(string outDir, CancellationToken ct)
    {
        var month = clock.Today.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var report = await KpiData.ComputeAsync(db, month, Settings(configuration), clock.Zone, ct);
        var files = KpiOutput.Write(report, outDir);
        log.KpiReportWritten(month, string.Join(", ", files));
    }

    /// <summary>Pipeline:Kpi (<see cref="KpiOptions"/>, checked at start with the rest of the Pipeline section).</summary>
    public static KpiSettings Settings(IConfiguration c) => (c.GetSection("Pipeline:Kpi").Get<KpiOptions>() ?? new KpiOptions()).Settings();
}
