using Npgsql;

namespace InvoicePipeline.Benchmarks;

/// <summary>What the end-to-end, posting and payroll harnesses share: their options and a fresh database.</summary>
internal static class Harness
{
    public const string DefaultServer = "Host=localhost;Username=postgres;Password=postgres";

    public static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Drops and creates the database on the server of <paramref name="admin"/>; its connection string.</summary>
    public static async Task<string> FreshDatabaseAsync(string admin, string name)
    {
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", c).ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
