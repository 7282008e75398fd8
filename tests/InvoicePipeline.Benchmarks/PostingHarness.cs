using System.Diagnostics;
using System.Globalization;
using InvoicePipeline.Worker.Cli;
using InvoicePipeline.Worker.Tests.Support;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting;
using Microsoft.Extensions.DependencyInjection;
using LinqToDB.Data;
using LinqToDB.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
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

        // The reader's side alone first (read and build every chunk, write nothing): where the client's time goes.
        var (readCpu, readPg) = (Process.GetCurrentProcess().TotalProcessorTime, PostgresCpuSeconds());
        sw.Restart();
        using (var scope = host.Services.CreateScope())
        {
            var alone = await ReadAndBuildAllAsync(scope.ServiceProvider, new DateOnly(2026, 11, 30), CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"read and build alone: {sw.Elapsed.TotalSeconds:F1} s for {alone.Posted:N0} vouchers (read {alone.Read.TotalSeconds:F1} s, build {alone.Build.TotalSeconds:F1} s); CPU: this process {(Process.GetCurrentProcess().TotalProcessorTime - readCpu).TotalSeconds:F1} s, PostgreSQL {PostgresCpuSeconds() - readPg:F1} s"));
        }
        var (cpuBefore, pgBefore) = (Process.GetCurrentProcess().TotalProcessorTime, PostgresCpuSeconds());
        var before = GC.GetTotalAllocatedBytes();
        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        sw.Restart();
        PostingResult result;
        using (var scope = host.Services.CreateScope())
            result = await scope.ServiceProvider.GetRequiredService<InvoicePoster>().PostAttestedAsync("bench", new DateOnly(2026, 11, 30), CancellationToken.None);
        var postSeconds = sw.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes() - before;
        var (cpu, pgCpu) = ((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds, PostgresCpuSeconds() - pgBefore);

        async Task<long> Count(string sql) => Convert.ToInt64(await new NpgsqlCommand(sql, conn).ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        var vouchers = await Count("select count(*) from vouchers");
        var lines = await Count("select count(*) from voucher_lines");
        var posted = await Count("""select count(*) from invoices i where "Status" = 'Attested' and exists (select 1 from vouchers v where v."InvoiceId" = i."Id")""");
        var unbalanced = await Count("""select count(*) from (select "VoucherId" from voucher_lines group by "VoucherId" having sum("Amount") <> 0) x""");
        var gaps = await Count("""select max("Number") - min("Number") + 1 - count(*) from vouchers""");
        Console.WriteLine($"posted {posted:N0} invoices: {vouchers:N0} vouchers, {lines:N0} lines, {result.Refused:N0} refused, unbalanced {unbalanced}, number gaps {gaps}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"posting {postSeconds:F1} s: read {result.Read.TotalSeconds:F1} s, build {result.Build.TotalSeconds:F1} s, write {result.Write.TotalSeconds:F1} s (of which COPY {result.Copy.TotalSeconds:F1} s, unchanged-check {result.Check.TotalSeconds:F1} s; waited for reads {result.Waited.TotalSeconds:F1} s); allocated {allocated / 1024 / 1024:N0} MB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB (before posting {peakBefore / 1024 / 1024:N0} MB); CPU: this process {cpu:F1} s, PostgreSQL {pgCpu:F1} s ({Environment.ProcessorCount} cores × {postSeconds:F1} s = {Environment.ProcessorCount * postSeconds:F1} s)"));

        // The floor: the same rows through a plain binary COPY (text columns as text, amounts as numeric).
        // Each floor is the best of three runs (a floor is the least it can take).
        var floorBare = await BestOfThree(() => CopyFloorAsync(conn, indexed: false));
        var floorIndexed = await BestOfThree(() => CopyFloorAsync(conn, indexed: true));
        // What the issue itself demands of the ledger's tables and nothing more: a primary key on every row, and "an
        // invoice has at most one voucher, enforced by the database" (a unique index on vouchers.InvoiceId).
        var floorKeys = await BestOfThree(async () =>
            (await Harness.CopyFloorAsync(conn, "vouchers", indexed: false, keys: """alter table {table} add primary key ("Id"); create unique index on {table} ("InvoiceId")""")).Seconds
            + (await Harness.CopyFloorAsync(conn, "voucher_lines", indexed: false, keys: """alter table {table} add primary key ("Id")""")).Seconds);
        // The same rows through the bulk-write seam (linq2db BulkCopy, binary COPY) into tables with the ledger's indexes.
        var seam = await BestOfThree(async () =>
        {
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
            var vs = await db.Vouchers.AsNoTracking().ToListAsync();
            var ls = await db.VoucherLines.AsNoTracking().ToListAsync();
            await new NpgsqlCommand("drop table if exists floor_vouchers, floor_voucher_lines; create table floor_vouchers (like vouchers including all); create table floor_voucher_lines (like voucher_lines including all)", conn).ExecuteNonQueryAsync();
            var watch = Stopwatch.StartNew();
            BulkWriter.Initialise();
            await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific, KeepIdentity = true, MaxBatchSize = 10_000, TableName = "floor_vouchers" }, vs);
            await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific, KeepIdentity = true, MaxBatchSize = 10_000, TableName = "floor_voucher_lines" }, ls);
            return watch.Elapsed.TotalSeconds;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"through the seam (linq2db BulkCopy), ledger indexes: {seam:F1} s"));
        var rows = vouchers + lines;
        Console.WriteLine();
        Console.WriteLine("| invoices | ledger rows (vouchers + lines) | posting | COPY, no indexes | COPY, primary keys + unique invoice | COPY, ledger indexes | posting / COPY (no indexes) | keys / no indexes | posting / COPY (indexes) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {n:N0} | {rows:N0} | {postSeconds:F1} s = {rows / postSeconds:N0} rows/s | {floorBare:F1} s = {rows / floorBare:N0} rows/s | {floorKeys:F1} s = {rows / floorKeys:N0} rows/s | {floorIndexed:F1} s = {rows / floorIndexed:N0} rows/s | {floorBare / postSeconds:P0} | {floorBare / floorKeys:P0} | {floorIndexed / postSeconds:P0} |"));
        await host.StopAsync();
        return posted == n - result.Refused && unbalanced == 0 && gaps == 0 ? 0 : 1;
    }

    /// <summary>CPU seconds (user + system) of all PostgreSQL server processes on this machine (Linux /proc), 0 elsewhere.</summary>
    private static double PostgresCpuSeconds()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(dir, "comm")).StartsWith("postgres", StringComparison.Ordinal)) continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException) { } // the process ended meanwhile
            catch (UnauthorizedAccessException) { }
        }
        return ticks / 100.0; // USER_HZ
    }

    /// <summary>The poster's reader alone, every chunk read and built and nothing written (the breakdown's first line).</summary>
    private static async Task<PostingResult> ReadAndBuildAllAsync(IServiceProvider services, DateOnly postingDate, CancellationToken ct)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Worker.Hosting.PipelineOptions>>().Value;
        var ledgers = await InvoicePoster.LedgersAsync(services.GetRequiredService<PipelineDbContext>(), options, services.GetRequiredService<TimeProvider>(), "harness",
            postingDate, ct);
        var result = new PostingResult();
        await foreach (var chunk in ChunkReader.ChunksAsync(services.GetRequiredService<IServiceScopeFactory>(), options.Posting.ChunkSize, ledgers, result, ct))
            (result.Posted, result.Refused) = (result.Posted + chunk.Built.Count, result.Refused + chunk.Refused.Count);
        return result;
    }

    private static async Task<double> BestOfThree(Func<Task<double>> run) => Math.Min(await run(), Math.Min(await run(), await run()));

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
