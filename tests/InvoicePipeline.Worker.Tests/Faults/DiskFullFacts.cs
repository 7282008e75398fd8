using System.Diagnostics;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting;
using InvoicePipeline.Worker.Runs;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Tests.Faults;

/// <summary>
/// Issue 19: a disk that fills up while the report or an export is written gives a clear error naming the file, and
/// leaves nothing half-written under the final name (an earlier complete file of that name stays as it was). The full
/// disk is a small tmpfs, filled to the last byte: it needs Linux and root, as the CI container has.
/// </summary>
public sealed class DiskFullFacts : IDisposable
{
    private readonly string _disk = Directory.CreateTempSubdirectory("ip-full-disk-").FullName;
    private bool _mounted;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (int Exit, string Error) Run(params string[] args)
    {
        var psi = new ProcessStartInfo(args[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args[1..]) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, error);
    }

    /// <summary>Mounts the tmpfs, puts <paramref name="keep"/> on it, then fills it.</summary>
    private void FillTheDisk(params (string Name, string Content)[] keep)
    {
        if (!OperatingSystem.IsLinux()) Ci.SkipOrFail("a full disk is simulated with a Linux tmpfs");
        var (exit, error) = Run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", _disk);
        if (exit != 0) Ci.SkipOrFail("mounting a small tmpfs needs root: " + error.Trim());
        _mounted = true;
        foreach (var (name, content) in keep) File.WriteAllText(Path.Combine(_disk, name), content);
        try
        {
            using var filler = new FileStream(Path.Combine(_disk, "filler"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
            var block = new byte[4096];
            while (true) filler.Write(block);
        }
        catch (IOException)
        {
            // No space left on device: the disk is full.
        }
    }

    public void Dispose()
    {
        if (_mounted) Run("umount", _disk);
        Directory.Delete(_disk, recursive: true);
    }

    private string[] Left(string folder) => [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public async Task AnExportOntoAFullDisk_SaysSo_AndLeavesTheEarlierFileAsItWas()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        FillTheDisk(("ledger.se", "the export of last month"));
        await using var ctx = db.Open();
        var options = new PipelineOptions();
        var export = new LedgerExport(ctx, options, BusinessClock.For(options, TimeProvider.System));
        var year = (await ctx.Vouchers.AsNoTracking().FirstAsync(Ct)).Date.Year;

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => export.SieAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), Path.Combine(_disk, "ledger.se"), Ct));
        var journal = await Assert.ThrowsAsync<ConfigurationException>(() => export.JournalAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), Path.Combine(_disk, "journal.csv"), Ct));

        Assert.Contains("ledger.se' was not written (No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Contains("journal.csv' was not written", journal.Message, StringComparison.Ordinal);
        Assert.Equal(["filler", "ledger.se"], Left(_disk));
        Assert.Equal("the export of last month", await File.ReadAllTextAsync(Path.Combine(_disk, "ledger.se"), Ct));
    }

    [Fact]
    public async Task TheRunReportOntoAFullDisk_SaysSo_AndLeavesNoPartialFile()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var outcome = await PipelineHost.RunSamplesAsync(db);
        Assert.Null(outcome.Run.Error);
        FillTheDisk();
        await using var ctx = db.Open();
        var run = await ctx.Runs.AsNoTracking().SingleAsync(r => r.Id == outcome.Run.Id, Ct);
        run.OutDir = _disk;

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => RunReport.WriteAsync(ctx, run, outcome.Summary!, Ct));

        Assert.Contains("was not written (No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Empty(Left(Path.Combine(_disk, run.Id)));
    }
}
