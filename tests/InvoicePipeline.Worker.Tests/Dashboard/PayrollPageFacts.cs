using InvoicePipeline.Payroll;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InvoicePipeline.Worker.Tests.Dashboard;

/// <summary>The Payroll page on the demo data: a manager's own queue, attest and reject through PayrollDesk, four eyes on the server.</summary>
public sealed class PayrollPageFacts(DeskFixture desk) : IClassFixture<DeskFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<PayrollEntry> EntryAsync(string transactionId)
    {
        await using var db = desk.Db.Open();
        return await db.PayrollEntries.AsNoTracking().SingleAsync(e => e.TransactionId == transactionId && e.Status != PayrollStatus.Duplicate, Ct);
    }

    private async Task<List<string>> QueueAsync(string user)
    {
        await using var db = desk.Db.Open();
        return [.. (await new PayrollDesk(db, new PipelineOptions(), new BusinessClock(TimeProvider.System, "Europe/Stockholm")).QueueAsync(user, Ct)).Select(e => e.TransactionId)];
    }

    private async Task<List<StatusChange>> HistoryAsync(long id)
    {
        await using var db = desk.Db.Open();
        return await db.History.AsNoTracking().Where(h => h.Subject == "payroll" && h.SubjectId == id).OrderBy(h => h.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task Manager_SeesOnlyTheirQueue_Attests_AndRejectsWithAReason_EveryChangeInTheHistory()
    {
        var expected = await QueueAsync("anna.manager");
        Assert.Contains("D-0011", expected);      // E1010 Bo Chef, CC100: anna manages both; bo.chef reported it
        Assert.Contains("F-2025-03-013", expected);
        var page = await desk.SignInAsync("anna.manager");
        await page.GotoAsync(desk.BaseUrl + "/hangfire/payroll");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(desk.Screenshots, "payroll.png"), FullPage = true });

        // Exactly her queue: not her own overtime (D-0010), not what she reported (D-0001), not bo.chef's employees' rows (D-0003).
        var shown = await page.Locator("#payroll-queue tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.tx)");
        Assert.Equal(expected, shown);
        Assert.DoesNotContain("D-0010", shown);
        Assert.DoesNotContain("D-0001", shown);
        Assert.DoesNotContain("D-0003", shown);
        // Employees by id and name; the person id only masked.
        var html = await page.ContentAsync();
        Assert.Contains("19820127-****", html, StringComparison.Ordinal);
        Assert.DoesNotContain("19820127-9877", html, StringComparison.Ordinal);
        Assert.DoesNotContain("198201279877", html, StringComparison.Ordinal);

        // Attest one row.
        await page.Locator("#payroll-queue tr[data-tx='D-0011'] button.attest").ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Attested 1 transaction(s).");
        await Assertions.Expect(page.Locator("#payroll-queue tr[data-tx='D-0011']")).ToHaveCountAsync(0);
        var attested = await EntryAsync("D-0011");
        Assert.Equal((PayrollStatus.Attested, "anna.manager"), (attested.Status, attested.AttestedBy));
        Assert.NotNull(attested.AttestedAt);
        var h = Assert.Single(await HistoryAsync(attested.Id), x => x.Action == "attest");
        Assert.Equal(("anna.manager", "AwaitingAttestation", "Attested"), (h.Actor, h.FromStatus, h.ToStatus));
        Assert.Contains("manager of employee E1010", h.Reason, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#payroll-history")).ToContainTextAsync("D-0011");

        // Reject needs a reason: refused without, done with the row's own reason.
        var row = page.Locator("#payroll-queue tr[data-tx='F-2025-03-013']");
        await row.Locator("button.reject").ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("a rejection needs a reason");
        Assert.Equal(PayrollStatus.AwaitingAttestation, (await EntryAsync("F-2025-03-013")).Status);
        await row.Locator("input.row-reason").FillAsync("No receipt attached");
        await row.Locator("button.reject").ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Rejected 1 transaction(s).");
        var rejected = await EntryAsync("F-2025-03-013");
        Assert.Equal(PayrollStatus.Rejected, rejected.Status);
        var r = Assert.Single(await HistoryAsync(rejected.Id), x => x.Action == "reject");
        Assert.Equal(("anna.manager", "No receipt attached"), (r.Actor, r.Reason));
    }

    [Fact]
    public async Task OwnAndReportedTransactions_AreNotInTheQueue_AndRefusedOnTheServer()
    {
        var own = await EntryAsync("D-0010");       // E1009 is anna.manager's own employment (employees.csv user_id)
        var reported = await EntryAsync("D-0001");  // anna.manager reported it for her employee E1001
        Assert.Equal((PayrollStatus.AwaitingAttestation, PayrollStatus.AwaitingAttestation), (own.Status, reported.Status));
        var page = await desk.SignInAsync("anna.manager");
        await page.GotoAsync(desk.BaseUrl + "/hangfire/payroll");
        // A forged selection (the ids are not on her page): the server refuses both, with the reason, and changes nothing.
        // Built into the page's own form (with its antiforgery token), whether or not her queue still has rows:
        // the other test of this class may have emptied it.
        await page.Locator("#payroll-queue").EvaluateAsync("""
            (table, ids) => {
              const form = table.closest('form');
              for (const id of ids) { const c = document.createElement('input'); c.type = 'checkbox'; c.name = 'tx'; c.value = id; c.checked = true; form.appendChild(c); }
              const b = document.createElement('button'); b.name = 'action'; b.value = 'attest'; b.id = 'forged-attest'; form.appendChild(b);
            }
            """, new[] { "D-0010", "D-0001" });
        await page.ClickAsync("#forged-attest");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Attested 0 transaction(s). Refused:");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("may not attest their own transaction D-0010");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("reported transaction D-0001");
        Assert.Equal(PayrollStatus.AwaitingAttestation, (await EntryAsync("D-0010")).Status);
        Assert.Equal(PayrollStatus.AwaitingAttestation, (await EntryAsync("D-0001")).Status);
        Assert.Empty(await HistoryAsync(own.Id));

        // bo.chef manages E1009: her overtime is in his queue, and his own reported row D-0011 is not.
        var bo = await desk.SignInAsync("bo.chef");
        await bo.GotoAsync(desk.BaseUrl + "/hangfire/payroll");
        await Assertions.Expect(bo.Locator("#payroll-queue tr[data-tx='D-0010']")).ToHaveCountAsync(1);
        await Assertions.Expect(bo.Locator("#payroll-queue tr[data-tx='D-0011']")).ToHaveCountAsync(0);
    }
}
