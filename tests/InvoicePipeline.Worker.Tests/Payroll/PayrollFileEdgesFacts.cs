using System.Text;
using InvoicePipeline.Payroll;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Ingestion;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace InvoicePipeline.Worker.Tests.Payroll;

/// <summary>Issue 19: a payroll file is taken whole or not at all; the same transaction is never accepted twice.</summary>
public sealed class PayrollFileEdgesFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Header = "transaction_id,employee_id,pay_code,work_date,quantity,reference\n";

    private static ReceivedDocument Doc(string name, byte[] content) => new()
    {
        Sha256 = Guid.NewGuid().ToString("N"), FileName = "payroll/" + name, Channel = DocumentChannel.Payroll, Size = content.Length,
        Content = content, ReceivedAt = DateTimeOffset.UtcNow, RunId = "run-1",
    };

    [Fact]
    public async Task AFileCutOffMidLine_NotUtf8_OrWithAnUnterminatedQuote_IsRejectedWhole_NamingFileAndLine()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.Open();
        await Database.MigrateAsync(ctx, Ct);
        await new MasterDataImporter(ctx, TimeProvider.System, NullLogger<MasterDataImporter>.Instance).ImportAsync(Samples.MasterData, Ct);

        // The last row's quantity may have been 12 or 120: the sender had not finished writing.
        var cut = Doc("cut.csv", Encoding.UTF8.GetBytes(Header + "C-1,E1003,OB1,2025-03-03,2,\nC-2,E1003,OB1,2025-03-04,1"));
        // Latin-1 'ö' (0xF6) on line 3: not UTF-8, would be read as U+FFFD.
        var latin1 = Doc("latin1.csv", [.. Encoding.UTF8.GetBytes(Header + "L-1,E1003,OB1,2025-03-03,2,ok\nL-2,E1003,OB1,2025-03-04,1,K"), 0xF6, .. "p\n"u8]);
        // A quote opened on line 2 and never closed would make the rest of the file one cell.
        var rest = string.Concat(Enumerable.Range(3, 200).Select(i => $"Q-{i},E1003,OB1,2025-03-05,1,\n"));
        var quote = Doc("quote.csv", Encoding.UTF8.GetBytes(Header + "Q-2,E1003,OB1,2025-03-05,1,\"overtime\n" + rest));
        var good = Doc("good.csv", Encoding.UTF8.GetBytes(Header + "G-1,E1003,OB1,2025-03-06,2,\n"));
        ctx.Documents.AddRange(cut, latin1, quote, good);
        await ctx.SaveChangesAsync(Ct);
        ctx.ChangeTracker.Clear();

        await PayrollIntake.ProcessAsync(ctx, [cut, latin1, quote, good], "run-1", Ct, maxRecordBytes: 1024);

        var stored = await ctx.PayrollEntries.AsNoTracking().ToListAsync(Ct);
        PayrollEntry Only(ReceivedDocument d) => Assert.Single(stored, e => e.DocumentId == d.Id);
        Assert.Equal((PayrollStatus.Rejected, 3), (Only(cut).Status, Only(cut).Line));
        Assert.Contains("payroll/cut.csv, line 3", Only(cut).Reasons, StringComparison.Ordinal);
        Assert.Contains("no newline", Only(cut).Reasons, StringComparison.Ordinal);
        Assert.Equal((PayrollStatus.Rejected, 3), (Only(latin1).Status, Only(latin1).Line));
        Assert.Contains("payroll/latin1.csv, line 3", Only(latin1).Reasons, StringComparison.Ordinal);
        Assert.Contains("not UTF-8", Only(latin1).Reasons, StringComparison.Ordinal);
        Assert.Equal((PayrollStatus.Rejected, 2), (Only(quote).Status, Only(quote).Line));
        Assert.Contains("payroll/quote.csv, line 2", Only(quote).Reasons, StringComparison.Ordinal);
        Assert.Contains("longer than 1024 bytes", Only(quote).Reasons, StringComparison.Ordinal);
        Assert.Equal(PayrollStatus.AwaitingAttestation, Only(good).Status);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TheDatabase_RefusesASecondAcceptedRowOfOneTransaction_ButKeepsRejectedOnes(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Open();
        await Database.MigrateAsync(ctx, Ct);
        PayrollEntry Row(long doc, PayrollStatus status) => new()
        {
            DocumentId = doc, RunId = "run-1", File = $"payroll/{doc}.csv", Line = 2, TransactionId = "T-1", EmployeeId = "E1003", PayCode = "OB1",
            WorkDate = new DateOnly(2025, 3, 3), Quantity = 2, Period = "2025-03", Status = status,
        };
        ctx.PayrollEntries.AddRange(Row(1, PayrollStatus.AwaitingAttestation), Row(2, PayrollStatus.Rejected), Row(3, PayrollStatus.Duplicate));
        await ctx.SaveChangesAsync(Ct);

        ctx.PayrollEntries.Add(Row(4, PayrollStatus.AwaitingAttestation));
        await Assert.ThrowsAsync<DbUpdateException>(() => ctx.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task TwoPayrollFilesWithTheSameTransactions_InARunOfManyParallelChunks_AreDecidedInOneChunk_AndEachIsAcceptedOnce()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var inbox = Samples.CopyInbox(db.Folder);
        // The sample centre's payroll files are sorted per organisation (organisations.md: payroll/<organisation_id>/).
        var payroll = Directory.CreateDirectory(Path.Combine(inbox, "payroll", Samples.Organisation)).FullName;
        var rows = Enumerable.Range(1, 20).Select(i => $"P-{i:D2},E1003,OB1,2025-03-{i:D2},1,\n").ToList();
        await File.WriteAllTextAsync(Path.Combine(payroll, "a.csv"), Header + string.Concat(rows), Ct);
        // The same transactions sent again in another order: other bytes, so intake stores both files.
        await File.WriteAllTextAsync(Path.Combine(payroll, "b.csv"), Header + string.Concat(Enumerable.Reverse(rows)), Ct);
        await using var host = await PipelineHost.StartAsync(db, new Dictionary<string, string?> { ["Pipeline:Intake:ChunkSize"] = "1" });

        var outcome = await host.RunAsync(inbox, Samples.MasterData, Path.Combine(db.Folder, "out"));

        Assert.Null(outcome.Run.Error);
        Assert.True(outcome.Run.ChunkCount > 10);
        await using var ctx = db.Open();
        var chunks = await ctx.Documents.AsNoTracking().Where(d => d.Channel == DocumentChannel.Payroll).Select(d => d.ChunkNo).ToListAsync(Ct);
        Assert.Equal(2, chunks.Count);
        Assert.Single(chunks.Distinct());
        var entries = await ctx.PayrollEntries.AsNoTracking().Where(e => e.TransactionId.StartsWith("P-")).ToListAsync(Ct);
        Assert.Equal(40, entries.Count);
        Assert.All(entries.GroupBy(e => e.TransactionId), g => Assert.Single(g, e => e.Status == PayrollStatus.AwaitingAttestation));
    }
}
