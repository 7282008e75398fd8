using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Ingestion;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Travel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace InvoicePipeline.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project tests/InvoicePipeline.Benchmarks -- travel --claims N [--pg CS]`: a fresh PostgreSQL
/// database, the employees of <see cref="PayrollBenchData"/> and per diem and mileage rates through the real master-data
/// import, one claim file of N claims (each a trip; every second with a mileage line, every third with a hotel
/// expense) stored as the intake stores it, then the chunk's travel step (<see cref="TravelIntake.ProcessAsync"/>:
/// read + judge + price by the Core rules + bulk write, in one transaction as the chunk job runs it).
/// </summary>
public static class TravelHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var n = int.Parse(Harness.Arg(args, "--claims") ?? "100000", CultureInfo.InvariantCulture);
        var admin = Harness.Arg(args, "--pg") ?? Harness.DefaultServer;
        var folder = Directory.CreateTempSubdirectory("ip-travel-").FullName;
        var cs = await Harness.FreshDatabaseAsync(admin, "ip_travel_" + n.ToString(CultureInfo.InvariantCulture));
        var sw = Stopwatch.StartNew();
        await using (var db = Database.Open(DatabaseProvider.Postgres, cs))
        {
            await Database.MigrateAsync(db, CancellationToken.None);
            var master = Path.Combine(folder, "masterdata");
            PayrollBenchData.WriteMasterData(master);
            await File.WriteAllTextAsync(Path.Combine(master, "per_diem_rates.csv"), "country,year,full_day,half_day,night\nSE,2026,300,,\nDE,2026,880,,\n");
            await File.WriteAllTextAsync(Path.Combine(master, "mileage_rates.csv"), "vehicle,year,per_km,per_km_taxable\nown,2026,2.5,1.3\ncompany,2026,1.2,0\n");
            var imported = await new MasterDataImporter(db, TimeProvider.System, NullLogger<MasterDataImporter>.Instance).ImportAsync(master, CancellationToken.None);
            if (imported.Files.SelectMany(f => f.Errors).FirstOrDefault() is { } error)
            {
                Console.Error.WriteLine($"master data not applied: {error}");
                return 1;
            }
            var file = Path.Combine(folder, "claims.csv");
            var lines = WriteClaims(file, n);
            Console.WriteLine($"claim file: {n:N0} claims, {lines:N0} lines, {new FileInfo(file).Length / 1024 / 1024:N0} MB");
            var content = await File.ReadAllBytesAsync(file);
            db.Documents.Add(new ReceivedDocument
            {
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), FileName = "travel/claims.csv", Channel = DocumentChannel.Travel,
                Size = content.Length, Content = content, ReceivedAt = DateTimeOffset.UtcNow, RunId = "bench", ChunkNo = 0,
            });
            await db.SaveChangesAsync();
        }
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var before = self.WorkingSet64;
        using var sampling = new CancellationTokenSource();
        long peak = 0;
        var sampler = Task.Run(async () =>
        {
            using var p = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                p.Refresh();
                peak = Math.Max(peak, p.WorkingSet64);
                try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        sw.Restart();
        int written;
        await using (var db = Database.Open(DatabaseProvider.Postgres, cs))
        {
            var docs = await db.Documents.Where(d => d.RunId == "bench").ToListAsync();
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync();
            written = await TravelIntake.ProcessAsync(db, docs, "bench", new TravelOptions().Policy(new DateOnly(2026, 12, 1)), CancellationToken.None);
            await tx.CommitAsync();
        }
        var seconds = sw.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;

        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var statuses = new List<string>();
        await using (var r = await new NpgsqlCommand("""select "Status", count(*) from travel_claims where "RunId" = 'bench' group by 1 order by 1""", conn).ExecuteReaderAsync())
            while (await r.ReadAsync()) statuses.Add($"{r.GetString(0)} {r.GetInt64(1):N0}");
        Console.WriteLine($"stored {written:N0} lines: {string.Join(", ", statuses)}");
        Console.WriteLine();
        Console.WriteLine("| claims | lines | import (read + judge + price + write) | claims/s | lines/s | working set before | peak working set |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {n:N0} | {written:N0} | {seconds:F1} s | {n / seconds:N0} | {written / seconds:N0} | {before / 1024 / 1024:N0} MB | {peak / 1024 / 1024:N0} MB |"));
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>N claims of 2026 spread over the employees, five days apart per employee (no overlaps); returns the lines.</summary>
    private static int WriteClaims(string path, int claims)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("claim_id,employee_id,line_type,trip_id,departure,return,country,overnight,distance_km,meals_provided,km,vehicle,amount,vat_amount,currency,category,receipt_ref,reported_by,corrects\n");
        var lines = 0;
        for (var i = 0; i < claims; i++)
        {
            var employee = PayrollBenchData.Id(i % PayrollBenchData.Employees);
            var start = new DateTime(2026, 1, 5, 7, 0, 0).AddDays(i / PayrollBenchData.Employees * 5 % 330);
            var country = i % 4 == 0 ? "DE" : "SE";
            var meals = i % 3 == 0 ? $"{start.AddDays(1):yyyy-MM-dd}:B" : "";
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"C{i},{employee},trip,T{i},{start:yyyy-MM-ddTHH:mm},{start.AddDays(2).AddHours(11):yyyy-MM-ddTHH:mm},{country},true,320,{meals},,,,,SEK,,,{employee},\n"));
            lines++;
            if (i % 2 == 0)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"C{i},{employee},mileage,T{i},,,,,,,{40 + i % 200},own,,,SEK,,,{employee},\n"));
                lines++;
            }
            if (i % 3 == 0)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"C{i},{employee},expense,T{i},,,,,,,,,1450.00,155.36,SEK,hotel,R{i},{employee},\n"));
                lines++;
            }
        }
        return lines;
    }
}
