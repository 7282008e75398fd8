using System.Diagnostics;
using System.Globalization;
using InvoicePipeline.Worker.Cli;
using InvoicePipeline.Worker.Generation;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InvoicePipeline.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project tests/InvoicePipeline.Benchmarks -- post --invoices N [--pg CS]`: seeds N attested,
/// coded invoices (1–4 lines, 25/12/6 % VAT, 5 % credit notes, 2 % in EUR) into a fresh PostgreSQL database, posts them
/// with the real <see cref="InvoicePoster"/> (chunks, gapless numbers, vouchers + lines + history by COPY, invoices
/// marked posted), then copies the same voucher and voucher-line rows with a plain binary COPY (the physical floor):
/// once into tables without indexes and once into tables with the ledger's indexes.
/// </summary>
public static class PostingHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var n = int.Parse(Harness.Arg(args, "--invoices") ?? "100000", CultureInfo.InvariantCulture);
        var admin = Harness.Arg(args, "--pg") ?? Harness.DefaultServer;
        var dbName = "ip_post_" + n.ToString(CultureInfo.InvariantCulture);
        var cs = await Harness.FreshDatabaseAsync(admin, dbName);
        var overrides = new Dictionary<string, string?> { ["Pipeline:Database:Provider"] = "Postgres", ["ConnectionStrings:Pipeline"] = cs };
        using var host = await CommandHost.StartAsync(overrides, hangfireServer: false, CancellationToken.None);

        var sw = Stopwatch.StartNew();
        await SeedAsync(host.Services, n);
        Console.WriteLine($"seeded {n:N0} attested invoices in {sw.Elapsed.TotalSeconds:F1} s");
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await new NpgsqlCommand("VACUUM ANALYZE", conn).ExecuteNonQueryAsync();

        var before = GC.GetTotalAllocatedBytes();
        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        sw.Restart();
        PostingResult result;
        using (var scope = host.Services.CreateScope())
            result = await scope.ServiceProvider.GetRequiredService<InvoicePoster>().PostAttestedAsync("bench", new DateOnly(2026, 11, 30), CancellationToken.None);
        var postSeconds = sw.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes() - before;

        async Task<long> Count(string sql) => Convert.ToInt64(await new NpgsqlCommand(sql, conn).ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        var vouchers = await Count("select count(*) from vouchers");
        var lines = await Count("select count(*) from voucher_lines");
        var posted = await Count("""select count(*) from invoices where "Status" = 'Posted' and "VoucherId" is not null""");
        var unbalanced = await Count("""select count(*) from (select "VoucherId" from voucher_lines group by "VoucherId" having sum("Amount") <> 0) x""");
        var gaps = await Count("""select max("Number") - min("Number") + 1 - count(*) from vouchers""");
        Console.WriteLine($"posted {posted:N0} invoices: {vouchers:N0} vouchers, {lines:N0} lines, {result.Refused:N0} refused, unbalanced {unbalanced}, number gaps {gaps}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"posting {postSeconds:F1} s: read {result.Read.TotalSeconds:F1} s, build {result.Build.TotalSeconds:F1} s, write {result.Write.TotalSeconds:F1} s (of which COPY {result.Copy.TotalSeconds:F1} s; waited for reads {result.Waited.TotalSeconds:F1} s); allocated {allocated / 1024 / 1024:N0} MB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB (before posting {peakBefore / 1024 / 1024:N0} MB)"));

        // The floor: the same rows through a plain binary COPY (text columns as text, amounts as numeric).
        var floorBare = await CopyFloorAsync(conn, indexed: false);
        var floorIndexed = await CopyFloorAsync(conn, indexed: true);
        var rows = vouchers + lines;
        Console.WriteLine();
        Console.WriteLine("| invoices | ledger rows (vouchers + lines) | posting | COPY, no indexes | COPY, ledger indexes | posting / COPY (no indexes) | posting / COPY (indexes) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {n:N0} | {rows:N0} | {postSeconds:F1} s = {rows / postSeconds:N0} rows/s | {floorBare:F1} s = {rows / floorBare:N0} rows/s | {floorIndexed:F1} s = {rows / floorIndexed:N0} rows/s | {floorBare / postSeconds:P0} | {floorIndexed / postSeconds:P0} |"));
        await host.StopAsync();
        return posted == n - result.Refused && unbalanced == 0 && gaps == 0 ? 0 : 1;
    }

    private static async Task<double> CopyFloorAsync(NpgsqlConnection conn, bool indexed) =>
        (await Harness.CopyFloorAsync(conn, "vouchers", indexed)).Seconds + (await Harness.CopyFloorAsync(conn, "voucher_lines", indexed)).Seconds;

    private static async Task SeedAsync(IServiceProvider services, int n)
    {
        var rnd = new Random(42);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        await BulkWriter.InsertAsync(db, AttestedInvoices.Rates(), CancellationToken.None, keepIdentity: false);
        const int Batch = 20_000;
        for (var start = 0; start < n; start += Batch)
        {
            var (invoices, lines) = AttestedInvoices.Create(start + 1, Math.Min(Batch, n - start), rnd);
            await BulkWriter.InsertAsync(db, invoices, CancellationToken.None);
            await BulkWriter.InsertAsync(db, lines, CancellationToken.None, keepIdentity: false);
        }
    }
}
