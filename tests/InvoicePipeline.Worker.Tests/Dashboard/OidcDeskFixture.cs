using InvoicePipeline.Worker.Cli;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InvoicePipeline.Worker.Tests.Dashboard;

/// <summary>
/// The demo data behind `serve`'s web app configured for OpenID Connect against <see cref="LocalOpenIdProvider"/> (both on
/// 127.0.0.1): no local users, one configured person (rolf.revisor, accountant, no password) whose roles the desk decides.
/// </summary>
public sealed class OidcDeskFixture : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public WebApplication App { get; private set; } = null!;
    public LocalOpenIdProvider Provider { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public TestDatabase Db => _db;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(_db);
        Provider = await LocalOpenIdProvider.StartAsync();
        var overrides = _db.Overrides();
        overrides["Pipeline:Dashboard:OidcAuthority"] = Provider.Authority;
        overrides["Pipeline:Dashboard:OidcClientId"] = LocalOpenIdProvider.ClientId;
        overrides["Pipeline:Dashboard:OidcClientSecret"] = LocalOpenIdProvider.ClientSecret;
        overrides["Pipeline:Dashboard:OidcRequireHttpsMetadata"] = "false";
        overrides["Pipeline:Dashboard:Users:0:UserId"] = "rolf.revisor";
        overrides["Pipeline:Dashboard:Users:0:Name"] = "Rolf Revisor";
        overrides["Pipeline:Dashboard:Users:0:Roles:0"] = "accountant";
        App = ServeCommand.BuildApp(overrides, "http://127.0.0.1:0");
        await CommandHost.MigrateAsync(App.Services, CancellationToken.None);
        await App.StartAsync();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>A fresh browser context (no cookies) on Debian's Chromium.</summary>
    public async Task<IPage> NewPageAsync()
    {
        if (_browser is null)
        {
            const string chromium = "/usr/bin/chromium";
            if (!File.Exists(chromium)) Ci.SkipOrFail("Chromium (/usr/bin/chromium) is not installed: `apt-get install -y chromium`");
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
            });
        }
        var context = await _browser.NewContextAsync();
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Provider.DisposeAsync();
        await _db.DisposeAsync();
    }
}
