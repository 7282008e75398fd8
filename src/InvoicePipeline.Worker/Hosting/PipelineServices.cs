using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using InvoicePipeline.Worker.Ingestion;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting;
using InvoicePipeline.Worker.Processing;
using InvoicePipeline.Worker.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Hosting;

/// <summary>All wiring in one place: options, database, Hangfire storage and server, jobs and services.</summary>
public static class PipelineServices
{
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration, bool hangfireServer = true)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection("Pipeline")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PipelineOptions>>(new KeyedOptionsValidator<PipelineOptions>("Pipeline"));
        // The wiring below reads the section itself (queues, worker count, storage): checked here, before anything runs.
        var options = OptionsValidation.Checked(configuration.GetSection("Pipeline").Get<PipelineOptions>() ?? new PipelineOptions(), "Pipeline");
        var (provider, cs) = Database.Resolve(configuration);
        services.AddPipelineDatabase(provider, cs);
        services.AddSingleton(TimeProviderFor(configuration));
        services.AddSingleton(sp => BusinessClock.For(sp.GetRequiredService<IOptions<PipelineOptions>>().Value, sp.GetRequiredService<TimeProvider>()));

        var storage = options.Hangfire.Storage ?? (provider == DatabaseProvider.Postgres ? "Postgres" : "InMemory");
        services.AddHangfire((sp, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new RunLogScopeFilter(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
                .UseFilter(new RunFailureFilter(sp));
            if (string.Equals(storage, "Postgres", StringComparison.OrdinalIgnoreCase))
            {
                var hangfireCs = configuration.GetConnectionString("Hangfire") ?? cs;
                config.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(hangfireCs), new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    // A worker that dies mid-job gives its job back after the timeout instead of holding it for ever.
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromSeconds(options.Hangfire.InvisibilityTimeoutSeconds),
                    QueuePollInterval = TimeSpan.FromMilliseconds(250),
                    DistributedLockTimeout = TimeSpan.FromMinutes(1),
                });
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) });
            }
        });
        foreach (var f in GlobalJobFilters.Filters.Where(f => f.Instance is AutomaticRetryAttribute).ToList()) GlobalJobFilters.Filters.Remove(f.Instance);
        // Polly already retries transient database faults inside a job; Hangfire's retries are for the rest, so fewer.
        GlobalJobFilters.Filters.Add(new AutomaticRetryAttribute { Attempts = 3, DelaysInSeconds = [2, 10, 30] });
        if (hangfireServer)
        {
            services.AddHangfireServer(o =>
            {
                o.Queues = options.Hangfire.Queues;
                o.WorkerCount = options.Hangfire.WorkerCount;
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }

        services.AddOptions<Dashboard.DashboardOptions>().Bind(configuration.GetSection("Pipeline:Dashboard")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Dashboard.DashboardOptions>>(new KeyedOptionsValidator<Dashboard.DashboardOptions>("Pipeline:Dashboard"));
        services.AddScoped<MasterDataImporter>();
        services.AddScoped<Review.InvoiceReview>();
        services.AddScoped(sp => new Payroll.PayrollDesk(sp.GetRequiredService<Persistence.PipelineDbContext>(),
            sp.GetRequiredService<IOptions<PipelineOptions>>().Value, sp.GetRequiredService<BusinessClock>()));
        services.AddScoped(sp => new Travel.TravelDesk(sp.GetRequiredService<Persistence.PipelineDbContext>(), sp.GetRequiredService<BusinessClock>()));
        services.AddScoped<RunStarter>();
        services.AddScoped<InvoicePoster>();
        services.AddScoped<IntakeJob>();
        services.AddScoped<ChunkJob>();
        services.AddSingleton<Ingestion.Scanned.IOcrEngine>(sp => new Ingestion.Scanned.TesseractOcrEngine(log: sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Ingestion.Scanned.TesseractOcrEngine>>()));
        services.AddSingleton<Ingestion.Scanned.ScannedDocumentReader>();
        services.AddSingleton(sp => new Ingestion.Scanned.ScannedInvoiceReader(sp.GetRequiredService<Ingestion.Scanned.ScannedDocumentReader>()));
        services.AddScoped<PostingJob>();
        services.AddScoped<ReportJob>();
        services.AddScoped<Bank.BankReturnJob>();
        services.AddScoped<Responses.SupplierResponseJob>();
        BulkWriter.Initialise();
        return services;
    }

    /// <summary>`--as-of DATE` fixes "today" for every command; without it the clock decides.</summary>
    private static TimeProvider TimeProviderFor(IConfiguration configuration)
    {
        var asOf = configuration["Pipeline:AsOf"];
        return string.IsNullOrEmpty(asOf) ? TimeProvider.System : new FixedDateTimeProvider(DateOnly.ParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
