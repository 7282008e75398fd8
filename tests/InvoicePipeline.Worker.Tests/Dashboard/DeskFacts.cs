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
    public async Task AnOpenAlert_IsABannerOnEveryDeskPage_AndHealthIs503_UntilAcknowledged()
    {
        long id;
        await using (var db = desk.Db.Open())
        {
            await Health.Alerts.RaiseAsync(db, Health.Alerts.RunIncomplete, "test-run", "Run test-run did not complete: <b>boom</b>", DateTimeOffset.UtcNow,
                Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, Ct);
            id = (await db.Alerts.AsNoTracking().SingleAsync(a => a.Subject == "test-run", Ct)).Id;
        }
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(desk.BaseUrl) };
            var health = await http.GetAsync("/health", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains($"alert {id} run-incomplete test-run", await health.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            var page = await desk.SignInAsync("david.ekonom");
            foreach (var path in new[] { "/hangfire/exceptions", "/hangfire/runs", "/hangfire/payroll" })
            {
                await page.GotoAsync(desk.BaseUrl + path);
                await Assertions.Expect(page.Locator("#alerts")).ToContainTextAsync($"Alert {id} (run-incomplete");
                await Assertions.Expect(page.Locator("#alerts")).ToContainTextAsync("did not complete: <b>boom</b>"); // as text
            }
            await using (var db = desk.Db.Open())
                await Health.Alerts.AcknowledgeAsync(db, id, "olle.operator", "looked at the night", DateTimeOffset.UtcNow, Ct);
            await page.GotoAsync(desk.BaseUrl + "/hangfire/runs");
            await Assertions.Expect(page.Locator("#alerts")).ToHaveCountAsync(0);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health", Ct)).StatusCode);
        }
        finally
        {
            await using var db = desk.Db.Open();
            await db.Alerts.Where(a => a.Id == id && a.AcknowledgedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.AcknowledgedAt, DateTimeOffset.UtcNow).SetProperty(a => a.AcknowledgedBy, "test"), Ct);
        }
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
    public async Task Bug_18_WhoPickedTheMatch_MayNotAttest_AfterSomeoneElseAccepted()
    {
        var inv = await InvoiceAsync("88503"); // NO_MATCH
        var anna = await desk.SignInAsync("anna.manager");
        await anna.GotoAsync(desk.BaseUrl + $"/hangfire/invoice/{inv.Id}");
        await anna.SelectOptionAsync("#action", "PickMatch");
        await anna.FillAsync("#reason", "PO-1002");
        await anna.ClickAsync("#do");
        await Assertions.Expect(anna.Locator("#message")).ToContainTextAsync("PRICE_VARIANCE");
        var david = await desk.SignInAsync("david.ekonom");
        await david.GotoAsync(desk.BaseUrl + $"/hangfire/invoice/{inv.Id}");
        await david.SelectOptionAsync("#action", "Accept");
        await david.FillAsync("#reason", "Price agreed for the extra cleaning");
        await david.ClickAsync("#do");
        Assert.Equal(InvoiceStatus.AwaitingAttestation, (await InvoiceAsync("88503")).Status);
        await anna.GotoAsync(desk.BaseUrl + "/hangfire/attestation");
        Assert.Equal(0, await anna.Locator($"#attest-queue a[href$='/invoice/{inv.Id}']").CountAsync());
        await anna.GotoAsync(desk.BaseUrl + $"/hangfire/invoice/{inv.Id}");
        await anna.SelectOptionAsync("#action", "Attest");
        await anna.ClickAsync("#do");
        await Assertions.Expect(anna.Locator("#message")).ToContainTextAsync("Segregation of duties: you picked the match of");
        Assert.Equal(InvoiceStatus.AwaitingAttestation, (await InvoiceAsync("88503")).Status);
    }

    [Fact]
    public async Task EveryDeskPage_RendersWhatItsQueryLoaded_InsideHangfiresLayout()
    {
        // NL-1 (NO_MATCH, MISSING_CODING) is an invoice no other test of this class acts on, so it is in the queue
        // whatever order the tests run in (IK-5570 is accepted and attested by another test).
        var invoice = await InvoiceAsync("NL-1");
        var page = await desk.SignInAsync("anna.manager");
        foreach (var (path, element, text) in new[]
        {
            ("/hangfire/exceptions", "#queue", "NL-1"), ($"/hangfire/invoice/{invoice.Id}", "#title", "NL-1"),
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
    public async Task EveryPage_CarriesTheSecurityHeaders_AndNothingBreaksThePolicy()
    {
        var violations = new List<string>();
        var page = await desk.SignInAsync("anna.manager");
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(m.Text); };
        var invoice = await InvoiceAsync("IK-5570");
        foreach (var path in new[] { "/login", "/health", "/hangfire/exceptions", $"/hangfire/invoice/{invoice.Id}", "/hangfire/attestation",
            "/hangfire/payroll", "/hangfire/runs", "/hangfire/throughput", "/hangfire", "/hangfire/recurring", "/hangfire/jobs/succeeded" })
        {
            var response = await page.GotoAsync(desk.BaseUrl + path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var headers = await response!.AllHeadersAsync();
            Assert.True(headers.TryGetValue("content-security-policy", out var csp), path);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline' 'unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", headers["x-content-type-options"]);
            Assert.Equal("same-origin", headers["referrer-policy"]);
            Assert.Equal("DENY", headers["x-frame-options"]);
        }
        // The payroll page's "select all" still works under the policy (its script is /desk.js, not inline).
        await page.GotoAsync(desk.BaseUrl + "/hangfire/payroll");
        if (await page.Locator("input[name=tx]").CountAsync() > 0)
        {
            await page.ClickAsync("#select-all");
            Assert.All(await page.Locator("input[name=tx]").EvaluateAllAsync<bool[]>("cs => cs.map(c => c.checked)"), Assert.True);
        }
        // An injected inline script is refused by the browser itself.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.appendChild(s); }");
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__inline"));
        Assert.Single(violations);
    }

    [Fact]
    public async Task SignIn_IsRateLimited_PerUserName_EvenForTheRightPassword()
    {
        var page = await desk.NewPageAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync(desk.BaseUrl + "/login");
            await page.FillAsync("#user", "karin.controller");
            await page.FillAsync("#password", $"guess-{attempt}");
            var failed = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#signin"), r => r.Url.EndsWith("/login", StringComparison.Ordinal));
            Assert.Equal(401, failed.Status);
            await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("Unknown user or wrong password.");
        }
        await page.GotoAsync(desk.BaseUrl + "/login");
        await page.FillAsync("#user", "karin.controller");
        await page.FillAsync("#password", "demo");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#signin"), r => r.Url.EndsWith("/login", StringComparison.Ordinal));
        Assert.Equal(429, refused.Status);
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("Too many failed sign-ins");
        var context = page.Context;
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "invoicepipeline");
        // Another person from the same address is not locked out.
        var other = await desk.SignInAsync("fiona.finance");
        await Assertions.Expect(other.Locator("#whoami")).ToHaveTextAsync("fiona.finance");
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

    [Fact]
    public async Task TheInvoicePage_ShowsTheResponseSent_AndAReturnedPaymentIsRaisedAboveTheQueue()
    {
        long rejectedId, postedId;
        await using (var db = desk.Db.Open())
        {
            // The nightly run of the fixture answered its rejections (Pipeline:Responses:Send defaults to Rejected and Paid).
            var response = await db.SentResponses.AsNoTracking().Where(r => r.FileName != null).OrderBy(r => r.Id).FirstAsync(Ct);
            rejectedId = response.InvoiceId;
            // A posted invoice whose payment the bank returned (as BankReturnJob leaves it), and a bank file with a statement that matched nothing.
            postedId = await (from i in db.Invoices where i.Status == InvoiceStatus.Attested && db.Vouchers.Any(v => v.InvoiceId == i.Id)
                              orderby i.Id descending select i.Id).FirstAsync(Ct);
            var file = new PaymentFile { MessageId = "IP-DESK-RETURN", Path = "desk.xml", CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "fiona.finance",
                ReleasedBy = "frank.finance", ReleasedAt = DateTimeOffset.UtcNow, Transactions = 1, ControlSum = 100m };
            db.PaymentFiles.Add(file);
            await db.SaveChangesAsync(Ct);
            db.Payments.Add(new Payment { PaymentFileId = file.Id, InvoiceId = postedId, SupplierId = "S001", AccountKind = "Bankgiro", Account = "50501055",
                Amount = 100m, ExecutionDate = new DateOnly(2026, 12, 8), BankStatus = "Rejected", BankReason = "AC04 Account closed" });
            db.BankReturnFiles.Add(new BankReturnFile { FileName = "bank/desk-camt054.xml", Sha256 = "desk", Kind = "camt.054", ReadAt = DateTimeOffset.UtcNow,
                Unmatched = "end-to-end id INV-424242 names no payment that was sent", UnmatchedCount = 1 });
            await db.SaveChangesAsync(Ct);
        }
        var page = await desk.SignInAsync("david.ekonom");
        await Assertions.Expect(page.Locator("#bank-returned")).ToContainTextAsync("AC04 Account closed");
        await Assertions.Expect(page.Locator("#bank-unmatched")).ToContainTextAsync("INV-424242");
        await page.GotoAsync(desk.BaseUrl + $"/hangfire/invoice/{rejectedId}");
        await Assertions.Expect(page.Locator("#responses")).ToContainTextAsync("RE");
        await Assertions.Expect(page.Locator("#responses")).ToContainTextAsync("peppol-invoice-response-3");
        await page.GotoAsync(desk.BaseUrl + $"/hangfire/invoice/{postedId}");
        await Assertions.Expect(page.Locator("#payments")).ToContainTextAsync("AC04 Account closed");
        await ShotAsync(page, "bank-returned");
    }
}
