using InvoicePipeline.Worker.Cli;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Tests.Startup;

public sealed class OptionsValidationFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void TheDefaults_AreValid() =>
        Assert.Empty(OptionsValidation.Failures(new PipelineOptions(), "Pipeline"));

    [Theory]
    [InlineData("Pipeline:Posting:ChunkSize", "0")]
    [InlineData("Pipeline:Intake:ChunkSize", "0")]
    [InlineData("Pipeline:Hangfire:WorkerCount", "-1")]
    [InlineData("Pipeline:Hangfire:Queues:4", "postng")]
    [InlineData("Pipeline:TimeZone", "Europe/Stockholmm")]
    [InlineData("Pipeline:Payments:QuarantineDays", "-14")]
    [InlineData("Pipeline:Kpi:Targets:supplier_invoices", "0")]
    [InlineData("Pipeline:Kpi:LeadTimeTargetWorkingDays", "0")]
    public async Task ABadSetting_StopsTheHostAtStart_WithAMessageNamingTheKey(string key, string value)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var overrides = db.Overrides();
        overrides[key] = value;
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => CommandHost.StartAsync(overrides, hangfireServer: true, Ct));
        var failure = Assert.Single(ex.Failures);
        // The key as an operator writes it (a queue is named by its list, Pipeline:Hangfire:Queues).
        Assert.StartsWith(key.EndsWith(":4", StringComparison.Ordinal) ? "Pipeline:Hangfire:Queues:" : key + ":", failure, StringComparison.Ordinal);
        // Nothing ran: the database was not even created.
        Assert.False(File.Exists(Path.Combine(db.Folder, "test.db")));
    }

    [Fact]
    public async Task APostingChunkSizeOfZero_StopsTheCommand_WithExitCode3_NotAQuietSuccess()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var run = await CliProcess.RunAsync(db.Folder, new Dictionary<string, string> { ["Pipeline__Posting__ChunkSize"] = "0" },
            "run", "--once", "--inbox", Samples.Inbox, "--db", db.ConnectionString);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("error: configuration: Pipeline:Posting:ChunkSize:", run.StandardError, StringComparison.Ordinal);
        Assert.Equal("", run.StandardOutput);
    }

    [Fact]
    public void TheKpiTargets_AreReadFromTheirKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pipeline:Kpi:Targets:supplier_invoices"] = "4000", ["Pipeline:Kpi:Targets:payroll"] = "1800", ["Pipeline:Kpi:LeadTimeTargetWorkingDays"] = "4",
        }).Build();
        Assert.Equal(new InvoicePipeline.Kpi.KpiSettings(4000m, 1800m, 4), Worker.Kpi.MonthlyKpiJob.Settings(configuration));
        Assert.Equal(new InvoicePipeline.Kpi.KpiSettings(), new KpiOptions().Settings()); // the defaults are the core's
    }

    [Fact]
    public void AnUnknownQueue_IsNamed_WithTheQueuesTheJobsUse()
    {
        var options = new PipelineOptions();
        options.Hangfire.Queues = ["default", "postng"];
        var failure = Assert.Single(OptionsValidation.Failures(options, "Pipeline"));
        Assert.Contains("Pipeline:Hangfire:Queues", failure, StringComparison.Ordinal);
        Assert.Contains("'postng'", failure, StringComparison.Ordinal);
        Assert.Contains("posting", failure, StringComparison.Ordinal); // the queues the jobs are put on
    }

    [Fact]
    public void ANestedListEntry_IsNamedByItsIndex()
    {
        var options = new PipelineOptions();
        options.Tolerance.Versions.Add(new ToleranceVersion { Version = "2026-02", PricePercent = 2m });
        options.Tolerance.Versions.Add(new ToleranceVersion { Version = "2026-03", PricePercent = -1m });
        options.Tolerance.Versions[1].Suppliers["S1"] = new ToleranceValue { PricePercent = 101m };
        var failures = OptionsValidation.Failures(options, "Pipeline");
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Pipeline:Tolerance:Versions:1:PricePercent:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Pipeline:Tolerance:Versions:1:Suppliers:S1:PricePercent:", StringComparison.Ordinal));
    }
}
