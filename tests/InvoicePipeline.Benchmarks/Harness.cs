using System.Diagnostics;
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

    /// <summary>
    /// The physical floor: the rows of <paramref name="table"/> (those matching <paramref name="where"/>) read back and
    /// written again with a plain Npgsql binary COPY into <c>floor_TABLE</c>, created like the table, with its indexes
    /// or without; <paramref name="keys"/> (DDL with <c>{table}</c> for the floor table) adds chosen keys to a bare one.
    /// Returns the rows and the seconds of the COPY alone.
    /// </summary>
    public static async Task<(int Rows, double Seconds)> CopyFloorAsync(NpgsqlConnection conn, string table, bool indexed, string? where = null, string? keys = null)
    {
        var floor = "floor_" + table;
        await new NpgsqlCommand($"""drop table if exists {floor}; create table {floor} (like {table} {(indexed ? "including all" : "")})""", conn).ExecuteNonQueryAsync();
        if (keys is not null) await new NpgsqlCommand(keys.Replace("{table}", floor, StringComparison.Ordinal), conn).ExecuteNonQueryAsync();
        var rows = new List<object?[]>();
        string[] columns;
        await using (var r = await new NpgsqlCommand($"select * from {table}" + (where is null ? "" : " where " + where), conn).ExecuteReaderAsync())
        {
            columns = [.. Enumerable.Range(0, r.FieldCount).Select(i => '"' + r.GetName(i) + '"')];
            while (await r.ReadAsync())
            {
                var row = new object?[r.FieldCount];
                r.GetValues(row!);
                rows.Add(row);
            }
        }
        var sw = Stopwatch.StartNew();
        await using (var imp = await conn.BeginBinaryImportAsync($"COPY {floor} ({string.Join(',', columns)}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await imp.StartRowAsync();
                foreach (var value in row)
                    if (value is null or DBNull) await imp.WriteNullAsync();
                    else await imp.WriteAsync(value);
            }
            await imp.CompleteAsync();
        }
        return (rows.Count, sw.Elapsed.TotalSeconds);
    }
}
