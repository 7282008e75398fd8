using System.Diagnostics;
using System.Globalization;
using InvoicePipeline.Worker.Cli;
using InvoicePipeline.Worker.Generation;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Runs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InvoicePipeline.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project tests/InvoicePipeline.Benchmarks -- e2e --invoices N [--workers K] [--pg CS]`:
/// generates N invoices, runs a nightly run on a fresh PostgreSQL database through the real Hangfire jobs, and
/// reports invoices/s per stage, peak memory and database size (with --workers K, K-1 more `serve` processes share the
/// run through Hangfire's PostgreSQL storage, as more machines would); then, in the same process, a plain binary COPY
/// of the same voucher rows (the floor) and a straightforward EF Core SaveChanges of them (what most would write).
/// </summary>
public static class EndToEndHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var n = int.Parse(Harness.Arg(args, "--invoices") ?? "100000", CultureInfo.InvariantCulture);
        var admin = Harness.Arg(args, "--pg") ?? Harness.DefaultServer;
        var folder = Directory.CreateTempSubdirectory("ip-e2e-").FullName;
        var sw = Stopwatch.StartNew();
        // Generated in a child process, so the peak memory below is the pipeline's, not the generator's.
        using (var generator = Process.Start(new ProcessStartInfo(Environment.ProcessPath!) { ArgumentList = { "generate-only", n.ToString(CultureInfo.InvariantCulture), folder } })!)
        {
            await generator.WaitForExitAsync();
            if (generator.ExitCode != 0) return generator.ExitCode;
        }
        Console.WriteLine($"generated in {sw.Elapsed.TotalSeconds:F1} s");

        var dbName = "ip_e2e_" + n.ToString(CultureInfo.InvariantCulture);
        var cs = await Harness.FreshDatabaseAsync(admin, dbName);
        var overrides = new Dictionary<string, string?>
        {
            ["Pipeline:Database:Provider"] = "Postgres", ["ConnectionStrings:Pipeline"] = cs, ["Pipeline:Hangfire:Storage"] = "Postgres",
        };
        // More workers: `serve` processes on the same Hangfire PostgreSQL storage, as on more machines.
        var workers = int.Parse(Harness.Arg(args, "--workers") ?? "1", CultureInfo.InvariantCulture);
        var extra = Enumerable.Range(2, Math.Max(0, workers - 1)).Select(i => StartServe(cs, 5200 + i, folder)).ToList();
        var extraPeaks = new List<long>();
        // --trace-memory: working set and managed heap every 5 s, to see which stage holds the peak.
        using var tracing = new CancellationTokenSource();
        var tracer = args.Contains("--trace-memory") ? Task.Run(async () =>
        {
            var t0 = Stopwatch.StartNew();
            while (!tracing.IsCancellationRequested)
            {
                using var me = Process.GetCurrentProcess();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[memory {DateTime.Now:HH:mm:ss}] +{t0.Elapsed.TotalSeconds:F0} s: working set {me.WorkingSet64 / 1024 / 1024:N0} MB, managed heap {GC.GetTotalMemory(false) / 1024 / 1024:N0} MB, peak {me.PeakWorkingSet64 / 1024 / 1024:N0} MB"));
                try { await Task.Delay(5000, tracing.Token); } catch (OperationCanceledException) { }
            }
        }) : Task.CompletedTask;
        using (var host = await CommandHost.StartAsync(overrides, hangfireServer: true, CancellationToken.None))
        {
            sw.Restart();
            var outcome = await NightlyRun.ExecuteAsync(host.Services, Path.Combine(folder, "inbox"), Path.Combine(folder, "masterdata"), Path.Combine(folder, "out"), false, true, CancellationToken.None);
            Console.WriteLine($"run {outcome.Run.Id}: {(outcome.Run.Error ?? "completed")} in {sw.Elapsed.TotalSeconds:F1} s (incl. master-data import)");
            await host.StopAsync();
        }
        foreach (var p in extra)
        {
            extraPeaks.Add(PeakOf(p));
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        await tracing.CancelAsync();
        await tracer;
        if (extraPeaks.Count > 0) Console.WriteLine($"other workers' peak memory: {string.Join(", ", extraPeaks.Select(b => $"{b / 1024 / 1024:N0} MB"))}");

        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        async Task<DateTime> At(string sql) => (DateTime)(await new NpgsqlCommand(sql, conn).ExecuteScalarAsync())!;
        async Task<long> Count(string sql) => Convert.ToInt64(await new NpgsqlCommand(sql, conn).ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        var start = await At("""select "StartedAt" from runs limit 1""");
        var intakeEnd = await At("""select max("ReceivedAt") from documents""");
        var chunksEnd = await At("""select max("CompletedAt") from run_chunks""");
        var postEnd = await At("""select max("CreatedAt") from vouchers""");
        var finished = await At("""select "FinishedAt" from runs limit 1""");
        var docs = await Count("select count(*) from documents");
        var vouchers = await Count("select count(*) from vouchers");
        var lines = await Count("select count(*) from voucher_lines");
        var size = await Count($"select pg_database_size('{dbName}')");
        double Rate(long count, DateTime a, DateTime b) => count / Math.Max(0.001, (b - a).TotalSeconds);
        Console.WriteLine();
        Console.WriteLine($"| N | intake | process chunks | post | end to end | peak memory | database |");
        Console.WriteLine($"|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {n:N0} | {Rate(docs, start, intakeEnd):N0}/s | {Rate(docs, intakeEnd, chunksEnd):N0}/s | {Rate(vouchers, chunksEnd, postEnd):N0} vouchers/s | {(finished - start).TotalSeconds:F1} s = {Rate(docs, start, finished):N0}/s | {peak / 1024 / 1024:N0} MB | {size / 1024 / 1024:N0} MB |"));

        // The floor: the same voucher and voucher-line rows through a plain binary COPY, and through EF SaveChanges.
        var postSeconds = (postEnd - chunksEnd).TotalSeconds;
        var rows = vouchers + lines;
        var (copied, copySeconds) = await Harness.CopyFloorAsync(conn, "voucher_lines", indexed: false);
        var copyRate = copied / copySeconds;

        // EF Core SaveChanges of the same lines into a scratch series (new ids), batches of 1,000.
        var lineRows = new List<VoucherLineEntry>();
        await using (var r = await new NpgsqlCommand("""select "Id","VoucherId","LineNo","Account","CostCentre","Project","Amount","Text" from voucher_lines order by "Id" limit 100000""", conn).ExecuteReaderAsync())
            while (await r.ReadAsync())
                lineRows.Add(new VoucherLineEntry { Id = r.GetInt64(0), VoucherId = r.GetInt64(1), LineNo = r.GetInt32(2), Account = r.GetString(3), CostCentre = r.IsDBNull(4) ? null : r.GetString(4), Project = r.IsDBNull(5) ? null : r.GetString(5), Amount = r.GetDecimal(6), Text = r.IsDBNull(7) ? null : r.GetString(7) });
        var efCount = lineRows.Count;
        sw.Restart();
        foreach (var batch in lineRows.Chunk(1000))
        {
            await using var db = Database.Open(Worker.Hosting.DatabaseProvider.Postgres, cs);
            db.VoucherLines.AddRange(batch.Select(l => new VoucherLineEntry { Id = -l.Id, VoucherId = l.VoucherId, LineNo = l.LineNo + 5000, Account = l.Account, CostCentre = l.CostCentre, Project = l.Project, Amount = l.Amount, Text = l.Text }));
            await db.SaveChangesAsync();
        }
        var efRate = efCount / sw.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine("| rows written | posting (vouchers + lines) | plain binary COPY of the lines | EF Core SaveChanges of the lines |");
        Console.WriteLine("|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {rows:N0} | {rows / postSeconds:N0} rows/s ({postSeconds:F1} s) | {copyRate:N0} rows/s | {efRate:N0} rows/s ({efCount:N0} rows) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"posting / COPY = {rows / postSeconds / copyRate:P0}"));
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>The child process of <see cref="RunAsync"/>: writes the inbox and master data for N invoices.</summary>
    public static int Generate(string[] args)
    {
        var set = InvoiceGenerator.Write(args[2], int.Parse(args[1], CultureInfo.InvariantCulture), seed: 42);
        Console.WriteLine($"generated {set.Invoices} invoices, {set.OrderLines} order lines");
        return 0;
    }

    private static Process StartServe(string cs, int port, string folder)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "InvoicePipeline.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        var jobs = Directory.CreateDirectory(Path.Combine(folder, "jobs-none")).FullName;
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(root, "src", "InvoicePipeline.Worker", "bin", "Release", "net10.0", "invoicepipeline.dll"), "serve",
                     "--urls", $"http://127.0.0.1:{port}", "--jobs", jobs, "--provider", "Postgres", "--db", cs })
            info.ArgumentList.Add(a);
        info.Environment["Pipeline__Hangfire__Storage"] = "Postgres";
        return Process.Start(info)!;
    }

    /// <summary>The process's peak resident memory so far (VmHWM), read before it is stopped.</summary>
    private static long PeakOf(Process p)
    {
        var line = File.ReadLines($"/proc/{p.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
