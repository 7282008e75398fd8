using InvoicePipeline.Payroll;
using System.Globalization;
using System.Text;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace InvoicePipeline.Worker.Tests.Payroll;

public sealed class PayrollIntakeFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReceivedDocument Doc(string name, string content) => new()
    {
        Sha256 = Guid.NewGuid().ToString("N"), FileName = "payroll/" + name, Channel = "payroll", Size = Encoding.UTF8.GetByteCount(content),
        Content = Encoding.UTF8.GetBytes(content), ReceivedAt = DateTimeOffset.UtcNow, RunId = "run-1",
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RowsAreWrittenInBatches_BadRowsAndBadFilesAreRejectedWithTheirReason_TheRestGoesOn(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Open();
        await Database.MigrateAsync(ctx, Ct);
        await new MasterDataImporter(ctx, TimeProvider.System, NullLogger<MasterDataImporter>.Instance).ImportAsync(Samples.MasterData, Ct);

        // 50 good rows (E1003, OB1 at HOURLY's rate) around one bad quantity on line 27, written 7 rows at a time.
        var rows = new StringBuilder("transaction_id,employee_id,pay_code,work_date,quantity,reported_by\n");
        for (var i = 0; i < 51; i++)
            rows.Append(CultureInfo.InvariantCulture, $"B-{i:D3},E1003,OB1,2025-03-{1 + i % 28:D2},{(i == 25 ? "two" : (1 + i % 5).ToString(CultureInfo.InvariantCulture))},anna.manager\n");
        var big = Doc("big.csv", rows.ToString());
        var noDate = Doc("no-date.csv", "transaction_id,employee_id,pay_code,quantity\nX-1,E1003,OB1,2\n");
        var tooLarge = Doc("too-large.csv", "");
        tooLarge.Size = 50_000_000;
        ctx.Documents.AddRange(big, noDate, tooLarge);
        await ctx.SaveChangesAsync(Ct);
        ctx.ChangeTracker.Clear();

        var written = await PayrollIntake.ProcessAsync(ctx, [big, noDate, tooLarge], "run-1", Ct, batchSize: 7);

        Assert.Equal(53, written);
        var stored = await ctx.PayrollEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal(53, stored.Count);
        var fromBig = stored.Where(e => e.DocumentId == big.Id).ToList();
        Assert.Equal(Enumerable.Range(2, 51), fromBig.Select(e => e.Line));
        Assert.Equal(50, fromBig.Count(e => e.Status == PayrollStatus.AwaitingAttestation));
        var bad = Assert.Single(fromBig, e => e.Status == PayrollStatus.Rejected);
        Assert.Equal(27, bad.Line);
        Assert.Equal("B-025", bad.TransactionId);
        Assert.Contains("(quantity)", bad.Reasons, StringComparison.Ordinal);
        Assert.All(fromBig.Where(e => e.Status != PayrollStatus.Rejected), e => Assert.Equal(e.Quantity * e.Rate, e.Amount));

        var header = Assert.Single(stored, e => e.DocumentId == noDate.Id);
        Assert.Equal(PayrollStatus.Rejected, header.Status);
        Assert.Contains("work_date", header.Reasons, StringComparison.Ordinal);
        var size = Assert.Single(stored, e => e.DocumentId == tooLarge.Id);
        Assert.Equal(PayrollStatus.Rejected, size.Status);
        Assert.Contains("size limit", size.Reasons, StringComparison.Ordinal);
    }
}
