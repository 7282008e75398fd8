using System.Diagnostics;
using InvoicePipeline.Worker.Cli;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Tests.Posting;

/// <summary>Fiscal years (a year starting in July), one numbering rule, SIE #RAR, and closed periods.</summary>
public sealed class LedgerPeriodFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task PostingDateInAClosedPeriod_TakesTheFirstOpenDate_AndTheLockAndTheMoveAreInTheHistory(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var host = await StartAsync(db, fiscalYearStart: 1);
        await SeedAsync(host, 1, 3);
        await using (var ctx = db.Open())
        {
            var closed = await PeriodLocks.CloseAsync(ctx, "", "2026-11", "fiona.finance", new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero), Ct);
            Assert.True(closed.Closed, closed.Message);
            var again = await PeriodLocks.CloseAsync(ctx, "", "2026-11", "karin.controller", new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), Ct);
            Assert.False(again.Closed);
            Assert.Contains("already closed by fiona.finance", again.Message, StringComparison.Ordinal);
        }

        using (var scope = host.Services.CreateScope())
            Assert.Equal(3, (await scope.ServiceProvider.GetRequiredService<InvoicePoster>().PostAttestedAsync("run-1", new DateOnly(2026, 11, 30), Ct)).Posted);

        await using var check = db.Open();
        Assert.All(await check.Vouchers.AsNoTracking().ToListAsync(Ct), v => Assert.Equal(new DateOnly(2026, 12, 1), v.Date));
        var history = await check.History.AsNoTracking().Where(h => h.Subject == PeriodLocks.Subject).OrderBy(h => h.Id).ToListAsync(Ct);
        Assert.Equal(["period-close fiona.finance", "period-close-refused karin.controller", "post-date-moved system"], history.Select(h => $"{h.Action} {h.Actor}"));
        Assert.Contains("posting date 2026-11-30 is in a closed period: posted on 2026-12-01", history[2].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task FiscalYearStartingInJuly_NumbersPerFiscalYear_AndTheSieFileSaysSo(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var host = await StartAsync(db, fiscalYearStart: 7);
        await SeedAsync(host, 1, 4);
        using (var scope = host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<InvoicePoster>().PostAttestedAsync("run-1", new DateOnly(2027, 6, 30), Ct);
        await SeedAsync(host, 5, 2);
        using (var scope = host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<InvoicePoster>().PostAttestedAsync("run-2", new DateOnly(2027, 7, 1), Ct);

        await using var ctx = db.Open();
        var vouchers = await ctx.Vouchers.AsNoTracking().OrderBy(v => v.Id).Select(v => new { v.FiscalYear, v.Number }).ToListAsync(Ct);
        Assert.Equal(["2026:1", "2026:2", "2026:3", "2026:4", "2027:1", "2027:2"], vouchers.Select(v => $"{v.FiscalYear}:{v.Number}").Order(StringComparer.Ordinal));

        var options = host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var export = new LedgerExport(ctx, options, BusinessClock.For(options, TimeProvider.System));
        var refused = await Assert.ThrowsAsync<ConfigurationException>(() => export.SieAsync(new DateOnly(2027, 6, 1), new DateOnly(2027, 7, 31), Path.Combine(db.Folder, "x.se"), Ct));
        Assert.Contains("spans two fiscal years (2026-07-01..2027-06-30 and the next)", refused.Message, StringComparison.Ordinal);

        var file = Path.Combine(db.Folder, "fy2026.se");
        Assert.Equal(4, (await export.SieAsync(new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30), file, Ct)).Vouchers);
        var text = await File.ReadAllTextAsync(file, Ct);
        Assert.Contains("#RAR 0 20260701 20270630", text, StringComparison.Ordinal);
        Assert.Contains("#RAR -1 20250701 20260630", text, StringComparison.Ordinal);
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { SharedSamples.PathTo("tools", "sie_check.py"), file, "--strict" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync(Ct);
        await p.WaitForExitAsync(Ct);
        Assert.True(p.ExitCode == 0, output + await p.StandardError.ReadToEndAsync(Ct));
    }

    private static async Task<IHost> StartAsync(TestDatabase db, int fiscalYearStart)
    {
        var overrides = db.Overrides();
        overrides["Pipeline:Posting:FiscalYearStartMonth"] = fiscalYearStart.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await CommandHost.StartAsync(overrides, hangfireServer: false, TestContext.Current.CancellationToken);
    }

    private static async Task SeedAsync(IHost host, long firstId, int count)
    {
        using var scope = host.Services.CreateScope();
        var ctx = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var (invoices, lines) = AttestedInvoices.Create(firstId, count, new Random(7));
        if (firstId == 1) await BulkWriter.InsertAsync(ctx, AttestedInvoices.Rates(), TestContext.Current.CancellationToken, keepIdentity: false);
        await BulkWriter.InsertAsync(ctx, invoices, TestContext.Current.CancellationToken);
        await BulkWriter.InsertAsync(ctx, lines, TestContext.Current.CancellationToken, keepIdentity: false);
    }
}
