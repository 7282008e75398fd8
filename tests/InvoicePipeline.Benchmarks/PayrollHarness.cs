using InvoicePipeline.Worker.Ingestion;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace InvoicePipeline.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project tests/InvoicePipeline.Benchmarks -- payroll --rows N [--pg CS]`:
/// a fresh PostgreSQL database, the master data of <see cref="PayrollBenchData"/> through the real master-data
/// import, one N-row payroll file stored as the intake stores it, then the chunk's payroll step
/// (<see cref="PayrollIntake.ProcessAsync"/>: read + validate + price + bulk write, in one transaction as the chunk
/// job runs it). Prints rows/s, peak working set (sampled during the import) and, as the floor, a plain binary COPY of
/// the same payroll_transactions rows into scratch tables (without indexes, and with the real table's indexes).
/// </summary>
public static class PayrollHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var n = int.Parse(Harness.Arg(args, "--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var admin = Harness.Arg(args, "--pg") ?? Harness.DefaultServer;
        var folder = Directory.CreateTempSubdirectory("ip-payroll-").FullName;
        var dbName = "ip_payroll_" + n.ToString(CultureInfo.InvariantCulture);
        var cs = await Harness.FreshDatabaseAsync(admin, dbName);
        var sw = Stopwatch.StartNew();
        await using (var db = Database.Open(DatabaseProvider.Postgres, cs))
        {
            await Database.MigrateAsync(db, CancellationToken.None);
            PayrollBenchData.WriteMasterData(Path.Combine(folder, "masterdata"));
            var imported = await new MasterDataImporter(db, TimeProvider.System, NullLogger<MasterDataImporter>.Instance)
                .ImportAsync(Path.Combine(folder, "masterdata"), CancellationToken.None);
            if (imported.Files.SelectMany(f => f.Errors).FirstOrDefault() is { } error)
            {
                Console.Error.WriteLine($"master data not applied: {error}");
                return 1;
            }
            Console.WriteLine($"master data: {string.Join(", ", imported.Files.Select(f => $"{f.File} {f.Rows}"))} in {sw.Elapsed.TotalSeconds:F1} s");

            var file = Path.Combine(folder, "payroll.csv");
            sw.Restart();
            PayrollBenchData.WritePayroll(file, n);
            Console.WriteLine($"payroll file: {n:N0} rows, {new FileInfo(file).Length / 1024 / 1024:N0} MB, written in {sw.Elapsed.TotalSeconds:F1} s");
            // Stored as IntakeJob stores it (the original's bytes in documents), so the import below reads what a chunk
            // reads. A 1,000-row file of 2024 goes first, as an earlier chunk of the same worker process would.
            var warmup = Path.Combine(folder, "warmup.csv");
            PayrollBenchData.WritePayroll(warmup, 1000, "W", new DateOnly(2024, 3, 1));
            foreach (var (path, run) in new[] { (warmup, "warmup"), (file, "bench") })
            {
                var content = await File.ReadAllBytesAsync(path);
                db.Documents.Add(new ReceivedDocument
                {
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), FileName = "payroll/" + Path.GetFileName(path), Channel = DocumentChannel.Payroll,
                    Size = content.Length, Content = content, ReceivedAt = DateTimeOffset.UtcNow, RunId = run, ChunkNo = 0,
                });
            }
            await db.SaveChangesAsync();
        }
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var before = self.WorkingSet64;

        // The import: what ChunkJob does for a chunk's payroll files.
        using var sampling = new CancellationTokenSource();
        long peak = 0, heapPeak = 0;
        var sampler = Task.Run(async () =>
        {
            using var p = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                p.Refresh();
                peak = Math.Max(peak, p.WorkingSet64);
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        sw.Restart();
        await ImportAsync(cs, "warmup");
        Console.WriteLine($"cold start (first payroll chunk in the process, 1,000 rows): {sw.Elapsed.TotalSeconds:F1} s");
        sw.Restart();
        var written = await ImportAsync(cs, "bench");
        var seconds = sw.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        self.Refresh();
        var processPeak = self.PeakWorkingSet64;

        // For the profile: the same file read + validated + priced without the database (the BenchmarkDotNet figure).
        var master = new InvoicePipeline.Payroll.PayrollMasterData(PayrollBenchData.EmployeeList(), PayrollBenchData.PayCodes(), PayrollBenchData.PayRates());
        var keys = new InvoicePipeline.Payroll.PayrollDuplicateKeys();
        sw.Restart();
        var accepted = 0;
        foreach (var t in PayrollFileReader.ReadFile(Path.Combine(folder, "payroll.csv"), "bench"))
            if (InvoicePipeline.Payroll.PayrollValidator.Validate(t, master, keys).IsAccepted) accepted++;
        var cpuOnly = sw.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read + validate + price alone (no database): {cpuOnly:F1} s = {n / cpuOnly:N0} rows/s ({accepted:N0} accepted)"));

        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var statuses = new List<string>();
        await using (var r = await new NpgsqlCommand("""select "Status", count(*) from payroll_transactions where "RunId" = 'bench' group by 1 order by 1""", conn).ExecuteReaderAsync())
            while (await r.ReadAsync()) statuses.Add($"{r.GetString(0)} {r.GetInt64(1):N0}");
        Console.WriteLine($"stored {written:N0} rows: {string.Join(", ", statuses)}");
        Console.WriteLine();
        Console.WriteLine("| rows | import (read + validate + price + write) | rows/s | working set before | peak working set during import | peak managed heap | process peak |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {n:N0} | {seconds:F1} s | {n / seconds:N0} | {before / 1024 / 1024:N0} MB | {peak / 1024 / 1024:N0} MB | {heapPeak / 1024 / 1024:N0} MB | {processPeak / 1024 / 1024:N0} MB |"));

        // The floor: the same rows through a plain binary COPY into a scratch table, without and with the real indexes.
        var (copied, plain) = await Harness.CopyFloorAsync(conn, "payroll_transactions", indexed: false, "\"RunId\" = 'bench'");
        var (_, indexed) = await Harness.CopyFloorAsync(conn, "payroll_transactions", indexed: true, "\"RunId\" = 'bench'");
        Console.WriteLine();
        Console.WriteLine("| rows | plain binary COPY, no indexes | binary COPY, the table's indexes | import / COPY (indexed) |");
        Console.WriteLine("|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {copied:N0} | {copied / plain:N0} rows/s ({plain:F1} s) | {copied / indexed:N0} rows/s ({indexed:F1} s) | {n / seconds / (copied / indexed):P0} |"));
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>What ChunkJob does for a chunk's payroll files: load the documents, run the intake in the chunk's transaction.</summary>
    private static async Task<int> ImportAsync(string cs, string runId)
    {
        await using var db = Database.Open(DatabaseProvider.Postgres, cs);
        var docs = await db.Documents.Where(d => d.RunId == runId && d.Channel == DocumentChannel.Payroll).OrderBy(d => d.Id).ToListAsync();
        db.ChangeTracker.Clear(); // as ChunkJob does before its transaction (the tracker's snapshot would be a second copy of the bytes)
        await using var tx = await db.Database.BeginTransactionAsync();
        var written = await PayrollIntake.ProcessAsync(db, docs, runId, CancellationToken.None);
        await tx.CommitAsync();
        return written;
    }
}
