using System.Net;
using InvoicePipeline.Worker.Dashboard;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Person = InvoicePipeline.Worker.Tests.Support.LocalOpenIdProvider.Person;

namespace InvoicePipeline.Worker.Tests.Dashboard;

/// <summary>Sign-in with OpenID Connect, in the browser, against a local provider: the challenge, roles, refusals.</summary>
public sealed class OidcSignInFacts(OidcDeskFixture desk) : IClassFixture<OidcDeskFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(desk.BaseUrl) };

    [Fact]
    public async Task TheDesk_ChallengesTheProvider_AndSignsInWithTheRolesOfItsToken()
    {
        desk.Provider.Next = new Person("karin.controller", "Karin Kontroll", "controller");
        var before = (desk.Provider.Authorizations, desk.Provider.Tokens);
        var page = await desk.NewPageAsync();
        var response = await page.GotoAsync(desk.BaseUrl + "/hangfire/exceptions");
        Assert.Equal(200, response!.Status);
        Assert.StartsWith(desk.BaseUrl + "/hangfire/exceptions", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#whoami")).ToHaveTextAsync("karin.controller");
        await Assertions.Expect(page.Locator("p.text-muted").First).ToContainTextAsync("(controller)");
        await Assertions.Expect(page.Locator("#queue")).ToContainTextAsync("IK-5570");
        // A real OIDC sign-in happened: one authorize redirect, one code redeemed at the token endpoint.
        Assert.Equal((before.Authorizations + 1, before.Tokens + 1), (desk.Provider.Authorizations, desk.Provider.Tokens));
        // Only operators get Hangfire's job controls; a controller's dashboard is read-only.
        await page.GotoAsync(desk.BaseUrl + "/hangfire/recurring");
        Assert.Equal(0, await page.Locator("button.js-jobs-list-command").CountAsync());
    }

    [Fact]
    public async Task AnIdentityWithNoRole_SeesNothing()
    {
        desk.Provider.Next = new Person("nora.nobody", "Nora Nobody");
        var page = await desk.NewPageAsync();
        foreach (var path in new[] { "/hangfire/exceptions", "/hangfire/invoice/1", "/hangfire/payroll", "/hangfire", "/hangfire/stats" })
        {
            var response = await page.GotoAsync(desk.BaseUrl + path);
            Assert.Equal(403, response!.Status);
            var body = await page.ContentAsync();
            Assert.Contains("no role in the desk", body, StringComparison.Ordinal);
            Assert.DoesNotContain("IK-5570", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Succeeded", body, StringComparison.Ordinal);
        }
        Assert.Equal(0, await page.Locator("#queue").CountAsync());
    }

    [Fact]
    public async Task AConfiguredPersonsRoles_AreReadAgainOnEveryRequest()
    {
        desk.Provider.Next = new Person("rolf.revisor", "Rolf Revisor", "operator"); // the token's roles lose to the configuration
        var page = await desk.NewPageAsync();
        await page.GotoAsync(desk.BaseUrl + "/hangfire/exceptions");
        await Assertions.Expect(page.Locator("#whoami")).ToHaveTextAsync("rolf.revisor");
        await Assertions.Expect(page.Locator("p.text-muted").First).ToContainTextAsync("(accountant)");
        // The role is taken away while he is signed in: his very next request is refused, with the same cookie.
        desk.App.Configuration["Pipeline:Dashboard:Users:0:Roles:0"] = "retired";
        desk.App.Services.GetRequiredService<IOptionsMonitorCache<DashboardOptions>>().Clear();
        try
        {
            var refused = await page.GotoAsync(desk.BaseUrl + "/hangfire/exceptions");
            Assert.Equal(403, refused!.Status);
            Assert.Equal(0, await page.Locator("#queue").CountAsync());
        }
        finally
        {
            desk.App.Configuration["Pipeline:Dashboard:Users:0:Roles:0"] = "accountant";
            desk.App.Services.GetRequiredService<IOptionsMonitorCache<DashboardOptions>>().Clear();
        }
        var again = await page.GotoAsync(desk.BaseUrl + "/hangfire/exceptions");
        Assert.Equal(200, again!.Status);
    }

    [Fact]
    public async Task APasswordSignIn_IsRefused_AndLoginStartsAtTheProvider()
    {
        using var http = Client();
        var post = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = "david.ekonom", ["password"] = SignInPolicy.DemoPassword,
        }), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(post.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("invoicepipeline=", StringComparison.Ordinal)));

        var login = await http.GetAsync("/login", Ct);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith(desk.Provider.Authority + "/authorize?", login.Headers.Location!.ToString(), StringComparison.Ordinal);
        var anonymous = await http.GetAsync("/hangfire/exceptions", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith(desk.Provider.Authority + "/authorize?", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindTheProxy_TheSignInIsHttps_AndItsCookiesSecure()
    {
        using var http = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire/exceptions");
        request.Headers.Add("X-Forwarded-Proto", "https"); // from 127.0.0.1, a known proxy
        var challenge = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = Uri.UnescapeDataString(challenge.Headers.Location!.ToString());
        Assert.Contains("redirect_uri=https://127.0.0.1:", location, StringComparison.Ordinal);
        var cookies = challenge.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase));
    }
}
