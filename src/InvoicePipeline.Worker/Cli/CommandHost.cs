using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

namespace InvoicePipeline.Worker.Cli;

/// <summary>Builds the generic host a command runs in: configuration (appsettings, environment, overrides), Serilog, services.</summary>
public static class CommandHost
{
    public static IConfigurationBuilder AddPipelineConfiguration(this IConfigurationBuilder config, IDictionary<string, string?> overrides) =>
        config
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides);

    /// <param name="services">Changes to the wiring after the configuration's (tests: a fake clock).</param>
    public static async Task<IHost> StartAsync(IDictionary<string, string?> overrides, bool hangfireServer, CancellationToken ct, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory(), DisableDefaults = true });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddPipelineConfiguration(overrides);
        builder.Services.AddSerilog(Logging.Create(LogEventLevel.Warning));
        builder.Services.AddPipeline(builder.Configuration, hangfireServer);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        // Options first (ValidateOnStart's checks, run now): a bad setting stops the command before it touches the database.
        host.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        await MigrateAsync(host.Services, ct);
        await host.StartAsync(ct);
        return host;
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        try
        {
            await Database.MigrateAsync(db, ct);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new ConfigurationException($"cannot open the database ({db.Database.ProviderName}): {ex.Message}");
        }
    }
}
