using System.CommandLine;
using Hangfire;
using InvoicePipeline.Worker.Dashboard;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`serve`: Hangfire server, dashboard at /hangfire, and the recurring jobs of jobs/*.json.</summary>
public static class ServeCommand
{
    public static Command Build()
    {
        var urls = new Option<string>("--urls") { Description = "Where the dashboard listens", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var jobsDir = new Option<string>("--jobs") { Description = "Folder of recurring-job files", DefaultValueFactory = _ => "jobs" };
        var cmd = new Command("serve", "Long-running worker: Hangfire server, dashboard at /hangfire, recurring jobs from jobs/*.json") { urls, jobsDir };
        cmd.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            var (jobs, errors) = RecurringJobFile.Load(parse.GetValue(jobsDir)!, CronError);
            if (errors.Count > 0)
            {
                foreach (var e in errors) await Console.Error.WriteLineAsync($"error: {e}");
                throw new ConfigurationException("invalid recurring-job file(s) in jobs/: not starting");
            }
            var app = BuildApp(GlobalOptions.Overrides(parse), parse.GetValue(urls)!);
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
            var listened = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PipelineOptions>>().Value.Hangfire.Queues;
            if (jobs.Where(j => j.Job.Enabled && !listened.Contains(j.Job.Queue, StringComparer.Ordinal)).Select(j => Path.GetFileName(j.Path)).ToList() is { Count: > 0 } unheard)
                throw new ConfigurationException($"{string.Join(", ", unheard)}: 'queue' is not one of Pipeline:Hangfire:Queues ({string.Join(", ", listened)}), so the job would never run");
            await CommandHost.MigrateAsync(app.Services, ct);
            var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
            foreach (var (_, job) in jobs) Register(recurring, job);
            await app.RunAsync(ct);
            return Cli.Ok;
        }));
        return cmd;
    }

    public static WebApplication BuildApp(IDictionary<string, string?> overrides, string urls)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddPipelineConfiguration(overrides);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSerilog(Logging.Create(LogEventLevel.Information));
        builder.Services.AddPipeline(builder.Configuration);
        builder.Services.AddPipelineDashboard(builder.Configuration);
        builder.Services.AddScoped<NightlyRunJob>();
        builder.Services.AddScoped<Kpi.MonthlyKpiJob>();
        var app = builder.Build();
        app.MapGet("/health", async (Persistence.PipelineDbContext db, Microsoft.Extensions.Options.IOptions<PipelineOptions> options, TimeProvider clock,
            CancellationToken ct) =>
        {
            var health = await Health.HealthCheck.CheckAsync(db, options.Value, clock.GetUtcNow(), ct);
            return Microsoft.AspNetCore.Http.Results.Text(health.Text, "text/plain", statusCode: health.StatusCode);
        });
        app.MapGet("/", () => Microsoft.AspNetCore.Http.Results.Redirect("/hangfire/exceptions"));
        app.MapPipelineDashboard();
        return app;
    }

    public static void Register(IRecurringJobManager recurring, RecurringJobFile job)
    {
        if (!job.Enabled)
        {
            recurring.RemoveIfExists(job.Id);
            return;
        }
        var options = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(job.TimeZone) };
        switch (job.Job)
        {
            case "nightly-invoices":
                recurring.AddOrUpdate<NightlyRunJob>(job.Id, job.Queue, j => j.RunAsync(job.Inbox!, job.Out ?? "out", CancellationToken.None), job.Cron, options);
                break;
            case "kpi":
                recurring.AddOrUpdate<Kpi.MonthlyKpiJob>(job.Id, job.Queue, j => j.RunAsync(job.Out ?? Path.Combine("out", "kpi"), CancellationToken.None), job.Cron, options);
                break;
            case "responses":
                recurring.AddOrUpdate<Responses.SupplierResponseJob>(job.Id, job.Queue, j => j.RunAsync(CancellationToken.None), job.Cron, options);
                break;
            default:
                throw new ConfigurationException($"job '{job.Job}' of '{job.Id}' is not available in this build");
        }
    }

    /// <summary>Hangfire's own cron parser decides; null when the expression is valid.</summary>
    public static string? CronError(string cron)
    {
        if (string.IsNullOrWhiteSpace(cron)) return "empty";
        try
        {
            var storage = new Hangfire.InMemory.InMemoryStorage();
            var manager = new RecurringJobManager(storage);
            manager.AddOrUpdate("cron-check", () => Console.WriteLine(), cron);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return ex.Message;
        }
    }
}
