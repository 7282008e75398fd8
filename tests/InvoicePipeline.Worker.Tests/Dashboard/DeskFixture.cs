using InvoicePipeline.Worker.Cli;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Scheduling;
using InvoicePipeline.Worker.Tests.Support;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InvoicePipeline.Worker.Tests.Dashboard;

/// <summary>
/// The demo data (e-invoices and payroll files, plus one hostile invoice) run through the pipeline, then `serve`'s web app on a free port, and
/// Debian's Chromium driven by Playwright. Browser tests skip locally without /usr/bin/chromium and fail on CI.
/// </summary>
public sealed class DeskFixture : IAsyncLifetime
{
    public const string Hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
    private TestDatabase _db = null!;
    private WebApplication _app = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";
    public TestDatabase Db => _db;
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var inbox = Samples.CopyInbox(_db.Folder);
        Samples.CopyInbox(_db.Folder, "payroll");
        var template = await File.ReadAllTextAsync(Path.Combine(inbox, "einvoices", "13-no-order.xml"));
        await File.WriteAllTextAsync(Path.Combine(inbox, "einvoices", "99-hostile.xml"), template
            .Replace("<cbc:ID>88501</cbc:ID>", "<cbc:ID>88999</cbc:ID>", StringComparison.Ordinal)
            .Replace("Extra fönsterputs", System.Security.SecurityElement.Escape(Hostile), StringComparison.Ordinal));
        await using (var host = await PipelineHost.StartAsync(_db))
        {
            var outcome = await host.RunAsync(inbox, Samples.MasterData, Path.Combine(_db.Folder, "out"));
            Assert.Null(outcome.Run.Error);
        }
        _app = ServeCommand.BuildApp(_db.Overrides(), "http://127.0.0.1:0");
        await CommandHost.MigrateAsync(_app.Services, CancellationToken.None);
        var recurring = _app.Services.GetRequiredService<IRecurringJobManager>();
        ServeCommand.Register(recurring, new RecurringJobFile { Id = "nightly-invoices", Job = "nightly-invoices", Cron = "30 1 * * *", Inbox = inbox, Out = Path.Combine(_db.Folder, "out") });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Directory.CreateDirectory(Screenshots);
    }

    public async Task<IPage> SignInAsync(string user)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(BaseUrl + "/login");
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", "demo");
        await page.ClickAsync("#signin");
        await page.WaitForURLAsync("**/hangfire/exceptions");
        return page;
    }

    /// <summary>A fresh browser context (no cookies), not signed in.</summary>
    public async Task<IPage> NewPageAsync()
    {
        if (_browser is null)
        {
            const string chromium = "/usr/bin/chromium";
            if (!File.Exists(chromium)) Ci.SkipOrFail("Chromium (/usr/bin/chromium) is not installed: `apt-get install -y chromium` (tests/run-all.sh does)");
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }
}
