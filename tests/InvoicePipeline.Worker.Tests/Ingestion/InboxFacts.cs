using InvoicePipeline.Worker.Ingestion;

namespace InvoicePipeline.Worker.Tests.Ingestion;

/// <summary>Issue 19: what the inbox hands to intake, and what it leaves.</summary>
public sealed class InboxFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void SymbolicLinks_AreRefusedWithTheReason_NeverFollowed()
    {
        var root = Directory.CreateTempSubdirectory("ip-inbox-links-").FullName;
        var inbox = Directory.CreateDirectory(Path.Combine(root, "inbox")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(root, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(outside, "secret.xml"), "<secret/>");
        File.WriteAllText(Path.Combine(outside, "salaries.csv"), "x\n");
        var einvoices = Directory.CreateDirectory(Path.Combine(inbox, "einvoices")).FullName;
        File.WriteAllText(Path.Combine(einvoices, "real.xml"), "<Invoice/>");
        File.CreateSymbolicLink(Path.Combine(einvoices, "link.xml"), Path.Combine(outside, "secret.xml"));
        Directory.CreateSymbolicLink(Path.Combine(inbox, "payroll"), outside);

        var refused = new List<InboxRefusal>();
        var files = Inbox.List(inbox, refused);

        Assert.Equal(["einvoices/real.xml"], files.Select(f => f.RelativeName));
        Assert.Equal(["einvoices/link.xml", "payroll/"], refused.Select(r => r.RelativeName));
        Assert.All(refused, r => Assert.Contains("symbolic link", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFileStillBeingWritten_IsLeftForALaterRun_AQuietOrMarkedFileIsTaken()
    {
        var inbox = Directory.CreateTempSubdirectory("ip-inbox-settle-").FullName;
        var dir = Directory.CreateDirectory(Path.Combine(inbox, "payroll")).FullName;
        var quiet = Path.Combine(dir, "quiet.csv");
        await File.WriteAllTextAsync(quiet, "a\n", Ct);
        File.SetLastWriteTimeUtc(quiet, File.GetLastWriteTimeUtc(quiet).AddHours(-1));
        var marked = Path.Combine(dir, "marked.csv");
        await File.WriteAllTextAsync(marked, "a\n", Ct);
        await File.WriteAllTextAsync(marked + Inbox.DoneMarker, "", Ct);
        var fresh = Path.Combine(dir, "fresh.csv");
        await File.WriteAllTextAsync(fresh, "a\n", Ct);
        var growing = Path.Combine(dir, "growing.csv");
        await File.WriteAllTextAsync(growing, "a\n", Ct);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await File.AppendAllTextAsync(growing, "more\n", CancellationToken.None);
                await Task.Delay(100, CancellationToken.None);
            }
        }, Ct);

        var unsettled = new List<InboxRefusal>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var settled = await Inbox.SettledAsync(Inbox.List(inbox), TimeSpan.FromSeconds(1), unsettled, Ct);
        await stop.CancelAsync();
        await writer;

        Assert.Equal(["payroll/fresh.csv", "payroll/marked.csv", "payroll/quiet.csv"], settled.Select(s => s.File.RelativeName));
        var left = Assert.Single(unsettled);
        Assert.Equal("payroll/growing.csv", left.RelativeName);
        Assert.Contains("still changing", left.Reason, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)); // one wait for the whole listing
    }
}
