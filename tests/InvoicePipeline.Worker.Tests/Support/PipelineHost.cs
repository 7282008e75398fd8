using InvoicePipeline.Worker.Cli;
using InvoicePipeline.Worker.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InvoicePipeline.Worker.Tests.Support;

/// <summary>The real worker host (Hangfire server and all) over a test database, as `run --once` builds it.</summary>
public sealed class PipelineHost : IAsyncDisposable
{
    private PipelineHost(IHost host) => Host = host;

    public IHost Host { get; }
    public IServiceProvider Services => Host.Services;

    /// <param name="services">Changes to the wiring (a fake clock, a collecting logger).</param>
    public static async Task<PipelineHost> StartAsync(TestDatabase db, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var overrides = db.Overrides();
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) overrides[k] = v;
        return new PipelineHost(await CommandHost.StartAsync(overrides, hangfireServer: true, TestContext.Current.CancellationToken, services));
    }

    /// <summary>A fresh host over <paramref name="db"/> runs the sample inbox (no scans) with the sample master data, then stops.</summary>
    public static async Task<NightlyRunOutcome> RunSamplesAsync(TestDatabase db, Action<IServiceCollection>? services = null)
    {
        await using var host = await StartAsync(db, services: services);
        return await host.RunAsync(Samples.Inbox, Samples.MasterData, Path.Combine(db.Folder, "out"));
    }

    public Task<NightlyRunOutcome> RunAsync(string inbox, string? masterData, string outDir, bool again = false) =>
        NightlyRun.ExecuteAsync(Services, inbox, masterData, outDir, again, quiet: true, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await Host.StopAsync(stop.Token); } catch (OperationCanceledException) { }
        Host.Dispose();
    }
}

public static class Samples
{
    public static string Folder => Path.Combine(RepositoryRoot.Find(), "samples");
    public static string MasterData => Path.Combine(Folder, "masterdata");

    /// <summary>The sample centre's organisation that received all sample data before there were several.</summary>
    public const string Organisation = "SSC";

    /// <summary>A sample master-data file of the organisation <see cref="Organisation"/>.</summary>
    public static string OrganisationFile(string file) => Path.Combine(MasterData, Organisation, file);

    /// <summary>
    /// A master-data folder to import with one file of <see cref="Organisation"/> changed: organisations.csv, the
    /// organisations' folders, and <paramref name="file"/> as <paramref name="change"/> made it.
    /// </summary>
    public static string ChangedMasterData(string target, string file, Func<string[], IEnumerable<string>> change)
    {
        Directory.CreateDirectory(target);
        File.Copy(Path.Combine(MasterData, "organisations.csv"), Path.Combine(target, "organisations.csv"), overwrite: true);
        foreach (var dir in Directory.EnumerateDirectories(MasterData)) Directory.CreateDirectory(Path.Combine(target, Path.GetFileName(dir)));
        File.WriteAllLines(Path.Combine(target, Organisation, file), change(File.ReadAllLines(OrganisationFile(file))));
        return target;
    }
    /// <summary>The whole sample inbox, scans included (OCR takes a few seconds per scan).</summary>
    public static string FullInbox => Path.Combine(Folder, "inbox");

    /// <summary>The sample inbox without the scans: e-invoices and payroll files, for the many tests that need no OCR.</summary>
    public static string Inbox => FastInbox.Value;

    private static readonly Lazy<string> FastInbox = new(() =>
    {
        var target = Directory.CreateTempSubdirectory("ip-inbox-").FullName;
        foreach (var channel in new[] { "einvoices", "payroll" }) Copy(Path.Combine(FullInbox, channel), Path.Combine(target, channel));
        return target;
    });

    /// <summary>A copy of the sample inbox (e-invoices only) in a temp folder, to add files to.</summary>
    public static string CopyInbox(string target, string channel = "einvoices")
    {
        Copy(Path.Combine(FullInbox, channel), Path.Combine(target, "inbox", channel));
        return Path.Combine(target, "inbox");
    }

    /// <summary>A channel folder with its organisation subfolders (scanned/SSC/, payroll/KAMK/, …).</summary>
    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.EnumerateDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }
}
