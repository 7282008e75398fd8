using InvoicePipeline.Payroll;
using InvoicePipeline.Invoices;
using InvoicePipeline.Kpi;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Kpi;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InvoicePipeline.Worker.Tests.Kpi;

public sealed class KpiReportFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kpi_AfterTheDemoRun_CountsWhatTheTablesHold_AndDrawsReadablePngs()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // The night of 30 November (UTC) is 1 December in Stockholm: the month is the business clock's, not the server's.
        var clock = new BusinessClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero)), "Europe/Stockholm");
        await PipelineHost.RunSamplesAsync(db, s => s.AddSingleton(clock.Time));

        await using var ctx = db.Open();
        var month = clock.Month;
        Assert.Equal("2026-12", month);
        var report = await KpiData.ComputeAsync(ctx, month, new KpiSettings(), clock.Zone, Ct);

        var statuses = (await ctx.Invoices.AsNoTracking().Select(i => new { i.Status, Voucher = ctx.Vouchers.Any(v => v.InvoiceId == i.Id) }).ToListAsync(Ct))
            .Select(i => InvoiceStates.Effective(i.Status, i.Voucher)).ToList();
        var final = statuses.Count(s => s is InvoiceStatus.Posted or InvoiceStatus.Rejected or InvoiceStatus.Duplicate);
        Assert.Equal(final, report.SupplierInvoices.Handled);
        Assert.Equal(statuses.Count(s => s == InvoiceStatus.Posted), report.Posted);
        Assert.Equal(report.Posted, report.Touchless); // nobody has touched anything yet
        Assert.Equal(statuses.Count - final, report.BacklogAtMonthEnd);
        Assert.Equal(await ctx.PayrollEntries.CountAsync(p => p.Status == PayrollStatus.Rejected || p.Status == PayrollStatus.Duplicate, Ct), report.Payroll.Handled);

        var files = KpiOutput.Write(report, Path.Combine(db.Folder, "kpi"));
        Assert.Equal(3, files.Count);
        foreach (var png in files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
        {
            var bytes = await File.ReadAllBytesAsync(png, Ct);
            Assert.True(bytes.Length > 10_000, $"{png} is suspiciously small");
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        }
        var csv = await File.ReadAllLinesAsync(files[0], Ct);
        Assert.Equal("month,process,metric,value,target,note", csv[0]);
        Assert.Contains(csv, l => l.StartsWith($"{month},supplier_invoices,handled,{final},", StringComparison.Ordinal));
    }
}
