using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Tests.Startup;

/// <summary>What a newcomer sees: commands print their answer, not the framework's warnings (issue 15).</summary>
public sealed class FrameworkNoiseFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFreshDatabase_IsMigrated_WithoutAWarning()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var run = await CliProcess.RunAsync(db.Folder, new Dictionary<string, string>(), "invoice", "list", "--db", db.ConnectionString);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("WRN]", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("WRN]", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvoiceShowAndAct_PrintNoFrameworkWarnings()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        long id;
        await using (var ctx = db.Open())
            id = await ctx.Invoices.Where(i => i.Status == InvoicePipeline.Invoices.InvoiceStatus.AwaitingReview).Select(i => i.Id).FirstAsync(Ct);

        var show = await CliProcess.RunAsync(db.Folder, new Dictionary<string, string>(), "invoice", "show", $"{id}", "--db", db.ConnectionString);
        Assert.Equal(0, show.ExitCode);
        Assert.Equal("", show.StandardError);
        var act = await CliProcess.RunAsync(db.Folder, new Dictionary<string, string>(), "invoice", "act", "--user", "david.ekonom", "--invoice", $"{id}",
            "--action", "Hold", "--reason", "asking the supplier", "--db", db.ConnectionString);
        Assert.Equal(0, act.ExitCode);
        Assert.Equal("", act.StandardError);
    }
}
