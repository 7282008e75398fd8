using System.Text.Json;
using InvoicePipeline.Worker.Cli;
using InvoicePipeline.Worker.Dashboard;
using InvoicePipeline.Worker.Persistence;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Tests.Dashboard;

/// <summary>Where local users may sign in: `serve` refuses what production must not run with.</summary>
public sealed class SignInPolicyFacts
{
    private static readonly string DemoHash = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, DemoUsers.FileName)))
        .RootElement.GetProperty("Pipeline").GetProperty("Dashboard").GetProperty("Users")[0].GetProperty("PasswordHash").GetString()!;

    private static Dictionary<string, string?> Production(params (string Key, string Value)[] more)
    {
        var o = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Pipeline:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Pipeline"] = "Host=127.0.0.1;Port=1;Database=never;Username=x;Password=x",
            ["Pipeline:Hangfire:Storage"] = "InMemory",
        };
        foreach (var (k, v) in more) o[k] = v;
        return o;
    }

    private static (string, string)[] Oidc =>
    [
        ("Pipeline:Dashboard:OidcAuthority", "https://login.example.org/tenant"), ("Pipeline:Dashboard:OidcClientId", "desk"),
        ("Pipeline:Dashboard:OidcClientSecret", "s"),
    ];

    private static string Refusal(Dictionary<string, string?> overrides) =>
        Assert.Throws<ConfigurationException>(() => ServeCommand.BuildApp(overrides, "http://127.0.0.1:0")).Message;

    [Fact]
    public void Production_WithTheShippedDemoHash_DoesNotStart()
    {
        var message = Refusal(Production([.. Oidc, ("Pipeline:Dashboard:Users:0:UserId", "olle.operator"),
            ("Pipeline:Dashboard:Users:0:PasswordHash", DemoHash), ("Pipeline:Dashboard:Users:0:Roles:0", "operator")]));
        Assert.Contains("demo password hash is configured for olle.operator", message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalUsers_BesideOpenIdConnect_DoNotStart_EvenOutsideProduction()
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Pipeline:Hangfire:Storage"] = "InMemory" };
        foreach (var (k, v) in Oidc) overrides[k] = v;
        overrides["Pipeline:Dashboard:Users:0:UserId"] = "eve";
        overrides["Pipeline:Dashboard:Users:0:PasswordHash"] = Passwords.Hash("a long and real password");
        var message = Refusal(overrides);
        Assert.Contains("local users with a password (Pipeline:Dashboard:Users: eve) while OpenID Connect is configured", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_WithoutOpenIdConnect_OrWithAnyLocalUser_DoesNotStart()
    {
        Assert.Contains("production signs in with OpenID Connect", Refusal(Production()), StringComparison.Ordinal);
        var local = Refusal(Production(("Pipeline:Dashboard:Users:0:UserId", "eve"),
            ("Pipeline:Dashboard:Users:0:PasswordHash", Passwords.Hash("a long and real password"))));
        Assert.Contains("local users with a password exist only for the embedded demo", local, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithOpenIdConnect_Starts_WithoutDemoUsers_AndAlwaysSecureCookies()
    {
        await using var app = ServeCommand.BuildApp(Production([.. Oidc, ("Pipeline:Dashboard:Users:0:UserId", "karin.controller"),
            ("Pipeline:Dashboard:Users:0:Roles:0", "controller")]), "http://127.0.0.1:0");
        var options = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        Assert.Equal(["karin.controller"], options.Users.Select(u => u.UserId));
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme);
        Assert.Equal(CookieSecurePolicy.Always, cookie.Cookie.SecurePolicy);
        Assert.False(cookie.SlidingExpiration);
        Assert.Equal(TimeSpan.FromHours(10), cookie.ExpireTimeSpan);
    }

    [Fact]
    public void TheDemoUsers_JoinOnlyTheEmbeddedDemo()
    {
        static int Users(Dictionary<string, string?> overrides) =>
            new ConfigurationBuilder().AddPipelineConfiguration(overrides).Build().GetSection("Pipeline:Dashboard:Users").GetChildren().Count();
        Assert.Equal(6, Users(new(StringComparer.Ordinal) { ["Pipeline:Database:Provider"] = "Sqlite" }));
        Assert.Equal(0, Users(Production()));
        Assert.Equal(0, Users(new(StringComparer.Ordinal) { ["Pipeline:Dashboard:OidcAuthority"] = "https://login.example.org" }));
        Assert.Equal(1, Users(new(StringComparer.Ordinal) { ["Pipeline:Dashboard:Users:0:UserId"] = "mine" }));
    }
}
