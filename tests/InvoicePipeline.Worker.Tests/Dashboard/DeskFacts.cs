using System.Net;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InvoicePipeline.Worker.Tests.Dashboard;

public sealed class DeskFacts(DeskFixture desk) : IClassFixture<DeskFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<SupplierInvoice> InvoiceAsync(string number)
    {
        await using var db = desk.Db.Open();
        return await db.Invoices.AsNoTracking().SingleAsync(i => i.InvoiceNumber == number, Ct);
    }

    private async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(desk.Screenshots, name + ".png"), FullPage = true });

    [Fact]
    public async Task Anonymous_IsSentToSignIn_EverywhereButHealth()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(desk.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health", Ct)).StatusCode);
        foreach (var path in new[] { "/hangfire", "/hangfire/exceptions", "/hangfire/invoice/1", "/hangfire/recurring", "/hangfire/stats" })
        {
            var r = await http.GetAsync(path, Ct);
            Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.Unauthorized, $"{path}: {r.StatusCode}");
            if (r.StatusCode != HttpStatusCode.Unauthorized) Assert.EndsWith("/login", r.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        var post = await http.PostAsync("/hangfire/invoice/1/act", new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "Attest" }), Ct);
        Assert.NotEqual(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
    }

    [Fact]
    public async Task Accountant_ResolvesAnException_ThenApproverAttests()
    {
        var page = await desk.SignInAsync("david.ekonom");
        await ShotAsync(page, "exceptions");
        var before = await InvoiceAsync("IK-5570"); // PRICE_VARIANCE, cost centre CC300
        Assert.Equal(InvoiceStatus.AwaitingReview, before.Status);
        await page.ClickAsync($"a[href$='/invoice/{before.Id}']");
        await page.SelectOptionAsync("#action", "Accept");
        await page.FillAsync("#reason", "New price agreed in the framework contract");
        await page.ClickAsync("#do");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Accepted");
        await ShotAsync(page, "invoice-accepted");
        var accepted = await InvoiceAsync("IK-5570");
        Assert.Equal(InvoiceStatus.AwaitingAttestation, accepted.Status);
        Assert.Equal("david.ekonom", accepted.ReviewedBy);

        var approver = await desk.SignInAsync("bo.chef");
        await approver.GotoAsync(desk.BaseUrl + "/hangfire/attestation");
        await Assertions.Expect(approver.Locator("#attest-queue")).ToContainTextAsync("IK-5570");
        await ShotAsync(approver, "attestation");
        await approver.Locator("#attest-queue tr", new() { HasText = "IK-5570" }).Locator("button").ClickAsync();
        await Assertions.Expect(approver.Locator("#message")).ToContainTextAsync("Attested");
        var attested = await InvoiceAsync("IK-5570");
        Assert.Equal(InvoiceStatus.Attested, attested.Status);
        Assert.Equal("bo.chef", attested.AttestedBy);
        await using var db = desk.Db.Open();
        var history = await db.History.AsNoTracking().Where(h => h.SubjectId == attested.Id && h.Actor != "system").OrderBy(h => h.Id).ToListAsync(Ct);
        Assert.Equal(["accept", "attest"], history.Select(h => h.Action));
    }

    [Fact]
    public async Task Attestation_IsRefused_ForAnAccountant_ForWhatYouReviewed_AndOutsideYourAuthority()
    {
        var inv = await InvoiceAsync("88501"); // NO_MATCH, supplier default coding CC200
        // An accountant without the approver role cannot attest at all.
        var accountant = await desk.SignInAsync("david.ekonom");
        await accountant.GotoAsync(desk.BaseUrl + $"/hangfire/invoice/{inv.Id}");
        await accountant.SelectOptionAsync("#action", "Accept");
        await accountant.FillAsync("#reason", "Extra work ordered by phone");
        await accountant.ClickAsync("#do");
        await accountant.SelectOptionAsync("#action", "Attest");
        await accountant.ClickAsync("#do");
        await Assertions.Expect(accountant.Locator("#message")).ToContainTextAsync("Only an approver can attest");

        // Anna is accountant and approver: what she reviewed herself she may not attest.
        var bank = await InvoiceAsync("F2026-1150"); // BANK_ACCOUNT_MISMATCH, CC100
        var anna = await desk.SignInAsync("anna.manager");
        await anna.GotoAsync(desk.BaseUrl + $"/hangfire/invoice/{bank.Id}");
        await anna.SelectOptionAsync("#action", "Accept");
        await anna.FillAsync("#reason", "Account confirmed with the supplier by phone");
        await anna.ClickAsync("#do");
        await anna.SelectOptionAsync("#action", "Attest");
        await anna.ClickAsync("#do");
        await Assertions.Expect(anna.Locator("#message")).ToContainTextAsync("Segregation of duties");
        await ShotAsync(anna, "segregation-of-duties");

        // Bo has authority for CC200 and CC300 only: a CC100 invoice is outside it.
        var bo = await desk.SignInAsync("bo.chef");
        await bo.GotoAsync(desk.BaseUrl + $"/hangfire/invoice/{bank.Id}");
        await bo.SelectOptionAsync("#action", "Attest");
        await bo.ClickAsync("#do");
        await Assertions.Expect(bo.Locator("#message")).ToContainTextAsync("no attestation authority for cost centre CC100");
        Assert.Equal(InvoiceStatus.AwaitingAttestation, (await InvoiceAsync("F2026-1150")).Status);
    }

    [Fact]
    public async Task EveryDeskPage_RendersWhatItsQueryLoaded_InsideHangfiresLayout()
    {
        var invoice = await InvoiceAsync("IK-5570");
        var page = await desk.SignInAsync("anna.manager");
        foreach (var (path, element, text) in new[]
        {
            ("/hangfire/exceptions", "#queue", "IK-5570"), ($"/hangfire/invoice/{invoice.Id}", "#title", "IK-5570"),
            ("/hangfire/attestation", "body", "awaiting attestation are within your authority"), ("/hangfire/runs", "#runs", "Completed"),
            ("/hangfire/throughput", "#kpi", "Per FTE"), ("/hangfire/payroll", "#summary", "await your attestation"),
        })
        {
            var response = await page.GotoAsync(desk.BaseUrl + path);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator(element)).ToContainTextAsync(text);
            await Assertions.Expect(page.Locator("#whoami")).ToHaveTextAsync("anna.manager");
            await Assertions.Expect(page.Locator(".navbar")).ToContainTextAsync("Throughput"); // Hangfire's layout and the desk's menu
        }
    }

    [Fact]
    public async Task OnlyOperators_SeeJobControls()
    {
        var accountant = await desk.SignInAsync("david.ekonom");
        await accountant.GotoAsync(desk.BaseUrl + "/hangfire/recurring");
        await Assertions.Expect(accountant.Locator("body")).ToContainTextAsync("nightly-invoices");
        Assert.Equal(0, await accountant.Locator("button.js-jobs-list-command").CountAsync());
        var op = await desk.SignInAsync("olle.operator");
        await op.GotoAsync(desk.BaseUrl + "/hangfire/recurring");
        Assert.True(await op.Locator("button.js-jobs-list-command").CountAsync() > 0, "the operator sees Trigger now / Delete");
    }

    [Fact]
    public async Task HostileInvoiceText_RendersAsText_AndRunsNothing()
    {
        var hostile = await InvoiceAsync("88999");
        var page = await desk.SignInAsync("david.ekonom");
        await page.GotoAsync(desk.BaseUrl + $"/hangfire/invoice/{hostile.Id}");
        await Assertions.Expect(page.Locator("#lines")).ToContainTextAsync("<script>window.__pwned=1</script>");
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Equal(0, await page.Locator("#lines img").CountAsync());
        await ShotAsync(page, "hostile-invoice");
    }
}
