using InvoicePipeline.Worker.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Persistence;

/// <summary>Provider selection (cli.md: Pipeline:Database:Provider, ConnectionStrings:Pipeline) and schema migration.</summary>
public static class Database
{
    public const string DefaultSqlite = "Data Source=data/invoicepipeline.db";

    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration)
    {
        var provider = configuration.GetValue("Pipeline:Database:Provider", DatabaseProvider.Sqlite);
        var cs = configuration.GetConnectionString("Pipeline");
        if (string.IsNullOrWhiteSpace(cs))
            cs = provider == DatabaseProvider.Sqlite ? DefaultSqlite : throw new ConfigurationException(
                "ConnectionStrings:Pipeline is required with Pipeline:Database:Provider=Postgres (or pass --db).");
        return (provider, cs);
    }

    public static IServiceCollection AddPipelineDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(connectionString);
            services.AddDbContext<SqlitePipelineDbContext>(o => ConfigureSqlite(o, connectionString));
            services.AddScoped<PipelineDbContext>(sp => sp.GetRequiredService<SqlitePipelineDbContext>());
        }
        else
        {
            services.AddDbContext<PostgresPipelineDbContext>(o => ConfigurePostgres(o, connectionString));
            services.AddScoped<PipelineDbContext>(sp => sp.GetRequiredService<PostgresPipelineDbContext>());
        }
        return services;
    }

    // Queries that include several collections (an invoice with its lines and issues) run as one SQL statement, as
    // they always have: saying so is a choice, and EF no longer warns before every such query (QuerySplittingBehavior).
    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string cs) =>
        o.UseSqlite(cs, s => s.MigrationsAssembly(typeof(Database).Assembly.FullName).CommandTimeout(600)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            // SQLite changes a primary key by rebuilding the table with foreign keys off, outside the migration's
            // transaction (the Organisations migration rebuilds the master-data tables). The embedded database is one
            // file a backup copies whole; the note stays in the log at Information instead of alarming every new user.
            .ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning,
                Microsoft.Extensions.Logging.LogLevel.Information)));

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, string cs) =>
        o.UseNpgsql(cs, s => s.MigrationsAssembly(typeof(Database).Assembly.FullName).CommandTimeout(600)
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));

    /// <summary>A context outside DI (CLI set-up, tests).</summary>
    public static PipelineDbContext Open(DatabaseProvider provider, string cs)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(cs);
            var b = new DbContextOptionsBuilder<SqlitePipelineDbContext>();
            ConfigureSqlite(b, cs);
            return new SqlitePipelineDbContext(b.Options);
        }
        var p = new DbContextOptionsBuilder<PostgresPipelineDbContext>();
        ConfigurePostgres(p, cs);
        return new PostgresPipelineDbContext(p.Options);
    }

    public static async Task MigrateAsync(PipelineDbContext db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        if (db is SqlitePipelineDbContext)
        {
            // WAL lets the dashboard read while a run writes; NORMAL sync is safe with WAL.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", ct);
        }
    }

    private static void EnsureSqliteFolder(string cs)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs);
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir) && builder.DataSource != ":memory:") Directory.CreateDirectory(dir);
    }
}

/// <summary>Thrown for configuration that stops a command (exit code 3).</summary>
public sealed class ConfigurationException(string message) : Exception(message);

/// <summary>Used by `dotnet ef migrations add ... --context SqlitePipelineDbContext`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePipelineDbContext>
{
    public SqlitePipelineDbContext CreateDbContext(string[] args) => (SqlitePipelineDbContext)Database.Open(DatabaseProvider.Sqlite, "Data Source=design.db");
}

/// <summary>Used by `dotnet ef migrations add ... --context PostgresPipelineDbContext`.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPipelineDbContext>
{
    public PostgresPipelineDbContext CreateDbContext(string[] args) =>
        (PostgresPipelineDbContext)Database.Open(DatabaseProvider.Postgres, "Host=localhost;Username=postgres;Password=postgres;Database=invoicepipeline_design");
}
