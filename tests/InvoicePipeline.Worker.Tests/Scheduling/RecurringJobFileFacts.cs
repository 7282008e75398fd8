using InvoicePipeline.Worker.Cli;
using InvoicePipeline.Worker.Scheduling;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.Scheduling;

public sealed class RecurringJobFileFacts
{
    [Fact]
    public void Load_EveryFileInJobs_Resolves()
    {
        var repo = RepositoryRoot.Find();
        var cwd = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(repo); // inbox paths in jobs/ are relative to where `serve` runs
            var (jobs, errors) = RecurringJobFile.Load(Path.Combine(repo, "jobs"), ServeCommand.CronError);
            Assert.Empty(errors);
            Assert.Contains(jobs, j => j.Job.Job == "nightly-invoices" && j.Job.TimeZone == "Europe/Stockholm");
        }
        finally
        {
            Directory.SetCurrentDirectory(cwd);
        }
    }

    [Theory]
    [InlineData("""{"id":"x","job":"nightly-invoices","cron":"61 1 * * *","inbox":"."}""", "'cron'")]
    [InlineData("""{"id":"x","job":"nightly-invoices","cron":"0 1 * * *","inbox":".","colour":"red"}""", "colour")]
    [InlineData("""{"id":"x","job":"nightly-invoices","cron":"0 1 * * *","inbox":"/no/such/inbox"}""", "'inbox'")]
    [InlineData("""{"id":"x","job":"laundry","cron":"0 1 * * *"}""", "'job'")]
    [InlineData("""{"id":"x","job":"nightly-invoices","cron":"0 1 * * *","inbox":".","timeZone":"Mars/Olympus"}""", "'timeZone'")]
    public void Load_RefusesAnInvalidFile_NamingTheFileAndTheProblem(string json, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("ip-jobs-").FullName;
        File.WriteAllText(Path.Combine(dir, "bad.json"), json);
        var (jobs, errors) = RecurringJobFile.Load(dir, ServeCommand.CronError);
        Assert.Empty(jobs);
        var error = Assert.Single(errors);
        Assert.StartsWith("bad.json", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
