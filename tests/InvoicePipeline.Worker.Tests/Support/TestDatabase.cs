using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Npgsql;

namespace InvoicePipeline.Worker.Tests.Support;

/// <summary>
/// A fresh, empty database for one test: a temporary SQLite file, or a new database on the PostgreSQL server named by
/// INVOICEPIPELINE_TEST_PG. PostgreSQL tests skip locally without it and fail on CI (CI=true), never fall back to SQLite.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "INVOICEPIPELINE_TEST_PG";

    private readonly string? _adminConnection;
    private readonly string? _databaseName;
    private readonly string? _folder;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string Folder { get; }

    private TestDatabase(DatabaseProvider provider, string cs, string folder, string? admin = null, string? name = null, string? sqliteFolder = null)
    {
        Provider = provider;
        ConnectionString = cs;
        Folder = folder;
        _adminConnection = admin;
        _databaseName = name;
        _folder = sqliteFolder;
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("ip-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "test.db")};Pooling=False", folder, sqliteFolder: folder);

        var admin = PostgresAdminConnection();
        var name = "ip_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(provider, cs, folder, admin, name);
    }

    public static string PostgresAdminConnection()
    {
        var cs = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(cs)) return cs;
        var why = $"{PostgresVariable} is not set (a PostgreSQL connection string, e.g. Host=localhost;Username=postgres;Password=postgres)";
        Ci.SkipOrFail(why);
        return "";
    }

    /// <summary>The configuration keys a host needs to use this database.</summary>
    public Dictionary<string, string?> Overrides(string? hangfireStorage = null) => new(StringComparer.Ordinal)
    {
        ["Pipeline:Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Pipeline"] = ConnectionString,
        ["Pipeline:Hangfire:Storage"] = hangfireStorage ?? (Provider == DatabaseProvider.Postgres ? "Postgres" : "InMemory"),
        ["Pipeline:Responses:Outbox"] = Path.Combine(Folder, "responses"),
        // Tests write their inbox just before the run; the tests of settling (InboxFacts) set their own interval.
        ["Pipeline:Intake:SettleSeconds"] = "0",
    };

    public PipelineDbContext Open() => Database.Open(Provider, ConnectionString);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_adminConnection is not null)
        {
            await using var conn = new NpgsqlConnection(_adminConnection);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _ = _folder;
    }
}
