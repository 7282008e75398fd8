using System.Globalization;
using System.Text;
using Hangfire.Dashboard;
using InvoicePipeline.Invoices;
using InvoicePipeline.Kpi;
using InvoicePipeline.Review;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Review;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>The desk's pages and commands, registered with Hangfire's dashboard routes and menu.</summary>
public static class DeskPages
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        DashboardRoutes.Routes.AddRazorPage("/exceptions", _ => new ExceptionsPage());
        DashboardRoutes.Routes.AddRazorPage("/invoice/(?<id>\\d+)", m => new InvoicePage(long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture)));
        DashboardRoutes.Routes.AddRazorPage("/attestation", _ => new AttestationPage());
        DashboardRoutes.Routes.AddRazorPage("/runs", _ => new RunsPage());
        DashboardRoutes.Routes.AddRazorPage("/throughput", _ => new ThroughputPage());
        DashboardRoutes.Routes.Add("/invoice/(?<id>\\d+)/act", new ActDispatcher());
        DashboardRoutes.Routes.AddRazorPage("/payroll", _ => new PayrollPage());
        DashboardRoutes.Routes.Add("/payroll/act", new PayrollActDispatcher());
        NavigationMenu.Items.Add(page => new MenuItem("Exceptions", page.Url.To("/exceptions")) { Active = page.RequestPath.StartsWith("/exceptions", StringComparison.Ordinal) || page.RequestPath.StartsWith("/invoice", StringComparison.Ordinal) });
        NavigationMenu.Items.Add(page => new MenuItem("Attestation", page.Url.To("/attestation")) { Active = page.RequestPath.StartsWith("/attestation", StringComparison.Ordinal) });
        NavigationMenu.Items.Add(page => new MenuItem("Payroll", page.Url.To("/payroll")) { Active = page.RequestPath.StartsWith("/payroll", StringComparison.Ordinal) });
        NavigationMenu.Items.Add(page => new MenuItem("Runs", page.Url.To("/runs")) { Active = page.RequestPath.StartsWith("/runs", StringComparison.Ordinal) });
        NavigationMenu.Items.Add(page => new MenuItem("Throughput", page.Url.To("/throughput")) { Active = page.RequestPath.StartsWith("/throughput", StringComparison.Ordinal) });
    }
}

/// <summary>The review queue: invoices awaiting review or on hold, by exception code and age against the lead-time target.</summary>
public sealed class ExceptionsPage() : DeskPage("Exceptions")
{
    protected override void Render(StringBuilder html, IServiceProvider services, PipelineDbContext db)
    {
        var code = Http.Request.Query["code"].ToString();
        var q = Http.Request.Query["q"].ToString();
        var query = db.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.AwaitingReview || i.Status == InvoiceStatus.OnHold);
        if (code.Length > 0) query = query.Where(i => i.Exceptions.Contains(code));
        if (q.Length > 0) query = query.Where(i => i.InvoiceNumber.Contains(q) || (i.SupplierId != null && i.SupplierId.Contains(q)) || (i.SellerName != null && i.SellerName.Contains(q)));
        var rows = query.OrderBy(i => i.Id).Take(500).ToList();
        var codes = db.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.AwaitingReview || i.Status == InvoiceStatus.OnHold)
            .Select(i => i.Exceptions).ToList().SelectMany(e => e.Split(';', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(c => c).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        html.Append("<p>");
        html.Append(CultureInfo.InvariantCulture, $"<a class=\"btn btn-default btn-sm\" href=\"{Link("/exceptions")}\">All</a> ");
        foreach (var g in codes) html.Append(CultureInfo.InvariantCulture, $"<a class=\"btn btn-default btn-sm\" href=\"{Link("/exceptions")}?code={Uri.EscapeDataString(g.Key)}\">{H(g.Key)} <span class=\"badge\">{g.Count()}</span></a> ");
        html.Append(CultureInfo.InvariantCulture, $"</p><form method=\"get\" class=\"form-inline\"><input class=\"form-control\" name=\"q\" value=\"{H(q)}\" placeholder=\"Supplier or invoice number\"> <button class=\"btn btn-default\">Search</button></form><br>");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        html.Append("<table class=\"table table-striped\" id=\"queue\"><thead><tr><th>Invoice</th><th>Supplier</th><th>Number</th><th class=\"text-right\">Total</th><th>Exceptions</th><th>Status</th><th>Age (working days)</th></tr></thead><tbody>");
        foreach (var i in rows)
        {
            var age = SwedishCalendar.WorkingDaysBetween(DateOnly.FromDateTime(i.ReceivedAt.UtcDateTime), today);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{Link($"/invoice/{i.Id}")}\">#{i.Id}</a></td><td>{H(i.SupplierId ?? "?")} {H(i.SellerName)}</td><td>{H(i.InvoiceNumber)}</td><td class=\"text-right\">{Money(i.TotalInclVat)} {H(i.Currency)}</td><td>{H(i.Exceptions.Replace(";", ", ", StringComparison.Ordinal))}</td><td>{H(i.Status)}</td><td>{(age > 5 ? $"<span class=\"label label-danger\">{age}</span>" : age.ToString(CultureInfo.InvariantCulture))}</td></tr>");
        }
        html.Append("</tbody></table>");
        if (rows.Count == 0) html.Append("<p id=\"empty\">Nothing awaits review.</p>");
    }
}

/// <summary>One invoice in full: header, lines, exceptions, the stored explanations, the history, the original, and the actions.</summary>
public sealed class InvoicePage(long id) : DeskPage("Invoice")
{
    protected override void Render(StringBuilder html, IServiceProvider services, PipelineDbContext db)
    {
        var i = db.Invoices.AsNoTracking().Include(x => x.Lines).Include(x => x.Issues).SingleOrDefault(x => x.Id == id);
        if (i is null)
        {
            html.Append("<p>No such invoice.</p>");
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"<h3 id=\"title\">#{i.Id} {H(i.SellerName)} — {H(i.InvoiceNumber)}</h3><dl class=\"dl-horizontal\">");
        void Dt(string k, object? v) => html.Append(CultureInfo.InvariantCulture, $"<dt>{H(k)}</dt><dd>{H(v)}</dd>");
        var voucher = InvoiceStates.VoucherOf(db, i.Id);
        var status = InvoiceStates.Effective(i.Status, voucher is not null);
        Dt("Status", status);
        if (voucher is not null) Dt("Voucher", string.Create(CultureInfo.InvariantCulture, $"{voucher.Series}{voucher.Number} ({voucher.Date:yyyy-MM-dd})"));
        Dt("Supplier", i.SupplierId); Dt("Kind", InvoicePipeline.Invoices.DocumentSign.Describe(i.Kind, i.Sign)); Dt("Issue date", i.IssueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Dt("Due date", i.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); Dt("Total", $"{Money(i.TotalInclVat)} {i.Currency} (VAT {Money(i.VatTotal)})");
        if (i.Prepaid is { } prepaid) Dt("Prepaid", $"{Money(prepaid)} {i.Currency} (amount due {Money(i.Payable)})");
        if (i.DuplicateOf is { } earlier) html.Append(CultureInfo.InvariantCulture, $"<dt>Duplicate of</dt><dd id=\"duplicate-of\"><a href=\"{Link($"/invoice/{earlier}")}\">#{earlier}</a></dd>");
        Dt("Order", i.OrderReference); Dt("Match", $"{i.Match} {i.MatchRef}"); Dt("Payee account", i.PayeeAccount); Dt("Payment reference", i.PaymentReference);
        html.Append("</dl><h4>Lines</h4><table class=\"table table-condensed\" id=\"lines\"><tr><th>#</th><th>Item</th><th class=\"text-right\">Qty</th><th class=\"text-right\">Price</th><th class=\"text-right\">Net</th><th>VAT</th><th>Order line</th><th>Account</th><th>Cost centre</th><th>Project</th><th>Coding from</th></tr>");
        foreach (var l in i.Lines.OrderBy(l => l.LineNo))
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(l.LineId)}</td><td>{H(l.Description)}</td><td class=\"text-right\">{H(l.Quantity)}</td><td class=\"text-right\">{H(l.UnitPrice)}</td><td class=\"text-right\">{Money(l.NetAmount)}</td><td>{H(l.VatCategory)} {H(l.VatRate)} %</td><td>{H(l.PoNumber)} {H(l.PoLine)}</td><td>{H(l.Account)}</td><td>{H(l.CostCentre)}</td><td>{H(l.Project)}</td><td>{H(l.CodingSource)}</td></tr>");
        if (voucher is not null)
        {
            // The voucher the invoice got, line by line (document-level charges and allowances are lines above and here).
            html.Append(CultureInfo.InvariantCulture, $"</table><h4>Voucher {H(voucher.Series)}{voucher.Number}</h4><table class=\"table table-condensed\" id=\"voucher\"><tr><th>#</th><th>Account</th><th class=\"text-right\">Debit</th><th class=\"text-right\">Credit</th><th>Cost centre</th><th>Project</th></tr>");
            foreach (var l in db.VoucherLines.AsNoTracking().Where(l => l.VoucherId == voucher.Id).OrderBy(l => l.LineNo).ToList())
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{l.LineNo}</td><td>{H(l.Account)}</td><td class=\"text-right\">{(l.Amount > 0 ? Money(l.Amount) : "")}</td><td class=\"text-right\">{(l.Amount < 0 ? Money(-l.Amount) : "")}</td><td>{H(l.CostCentre)}</td><td>{H(l.Project)}</td></tr>");
        }
        html.Append("</table><h4>Exceptions</h4><ul id=\"exceptions\">");
        foreach (var e in i.Issues) html.Append(CultureInfo.InvariantCulture, $"<li><b>{H(e.Code)}</b>: {H(e.Reason)}{(e.ResolvedAt is null ? "" : $" <span class=\"label label-success\">resolved by {H(e.ResolvedBy)}: {H(e.Resolution)}</span>")}</li>");
        html.Append("</ul>");
        if (status is InvoiceStatus.AwaitingReview or InvoiceStatus.OnHold or InvoiceStatus.AwaitingAttestation or InvoiceStatus.Attested)
        {
            html.Append("<h4>Act</h4>");
            html.Append(Form($"/invoice/{i.Id}/act",
                "<select name=\"action\" id=\"action\" class=\"form-control\"><option value=\"Accept\">Accept the exception</option><option value=\"Reject\">Reject</option><option value=\"Hold\">Hold</option><option value=\"Release\">Release</option><option value=\"Attest\">Attest</option><option value=\"SendBack\">Send back to review</option><option value=\"PickMatch\">Pick order / subscription</option><option value=\"Recode\">Recode lines</option><option value=\"CorrectScan\">Correct scanned fields</option></select> " +
                "<input name=\"reason\" id=\"reason\" class=\"form-control\" size=\"60\" placeholder=\"Reason; Pick: PO number or subscription id; Recode: account;cost centre;project; Correct: Field=value; …\"> <button class=\"btn btn-primary\" id=\"do\">Do it</button>"));
        }
        html.Append("<h4>Decisions</h4><table class=\"table table-condensed\" id=\"decisions\"><tr><th>Step</th><th>Rule</th><th>Explanation</th><th>Policy</th></tr>");
        foreach (var d in db.Decisions.AsNoTracking().Where(d => d.InvoiceId == id).OrderBy(d => d.Id).ToList())
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(d.Step)}</td><td>{H(d.Rule)}</td><td>{H(d.Explanation)}</td><td>{H(d.PolicyVersion)}</td></tr>");
        html.Append("</table><h4>History</h4><table class=\"table table-condensed\" id=\"history\"><tr><th>When (UTC)</th><th>Who</th><th>Action</th><th>From</th><th>To</th><th>Why</th></tr>");
        foreach (var h in InvoiceStates.History(db, id, voucher))
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(h.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}</td><td>{H(h.Actor)} {H(h.ActorRole)}</td><td>{H(h.Action)}</td><td>{H(h.FromStatus)}</td><td>{H(h.ToStatus)}</td><td>{H(h.Reason)}</td></tr>");
        html.Append("</table>");
        var doc = db.Documents.AsNoTracking().Where(d => d.Id == i.DocumentId).Select(d => new { d.FileName, d.Content, d.Sha256 }).SingleOrDefault();
        if (doc is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h4>Original: {H(doc.FileName)}</h4><p class=\"text-muted\">SHA-256 {H(doc.Sha256)}</p>");
            var text = doc.FileName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetString(doc.Content) : $"({doc.Content.Length} bytes, binary)";
            html.Append(CultureInfo.InvariantCulture, $"<pre id=\"original\" style=\"max-height:30em;overflow:auto\">{H(text.Length > 200_000 ? text[..200_000] : text)}</pre>");
        }
    }
}

/// <summary>The approver's own queue: only what they have authority for.</summary>
public sealed class AttestationPage() : DeskPage("Attestation")
{
    protected override void Render(StringBuilder html, IServiceProvider services, PipelineDbContext db)
    {
        var authorities = db.Approvers.AsNoTracking().Where(a => a.UserId == UserId).ToList();
        var waiting = db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.Status == InvoiceStatus.AwaitingAttestation).OrderBy(i => i.Id).Take(1000).ToList();
        var actor = new ReviewActor(UserId, UserRoles, authorities);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var mine = waiting.Where(i => ReviewRules.Decide(new ReviewCase(i.Status, i.LedgerAmountExclVat,
            i.Lines.Select(l => l.CostCentre).OfType<string>().Distinct().ToList(), i.RegisteredBy, i.CodedBy, i.ReviewedBy, []), actor, ReviewAction.Attest, null, today).Allowed).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<p>{mine.Count} of {waiting.Count} invoice(s) awaiting attestation are within your authority.</p>");
        html.Append("<table class=\"table table-striped\" id=\"attest-queue\"><thead><tr><th>Invoice</th><th>Supplier</th><th>Number</th><th class=\"text-right\">Amount excl. VAT (SEK)</th><th>Cost centres</th><th></th></tr></thead><tbody>");
        foreach (var i in mine)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{Link($"/invoice/{i.Id}")}\">#{i.Id}</a></td><td>{H(i.SellerName)}</td><td>{H(i.InvoiceNumber)}</td><td class=\"text-right\">{Money(i.LedgerAmountExclVat ?? 0)}</td><td>{H(string.Join(", ", i.Lines.Select(l => l.CostCentre).Distinct()))}</td><td>");
            html.Append(Form($"/invoice/{i.Id}/act", "<input type=\"hidden\" name=\"action\" value=\"Attest\"><input type=\"hidden\" name=\"back\" value=\"/attestation\"><button class=\"btn btn-success btn-sm\">Attest</button>"));
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }
}

/// <summary>The nightly runs with their figures; links to Hangfire's own job pages.</summary>
public sealed class RunsPage() : DeskPage("Runs")
{
    protected override void Render(StringBuilder html, IServiceProvider services, PipelineDbContext db)
    {
        var runs = db.Runs.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(60).ToList();
        var ids = runs.Select(r => r.Id).ToList();
        var counts = (from i in db.Invoices.AsNoTracking()
                      where ids.Contains(i.RunId)
                      join v in db.Vouchers.AsNoTracking() on (long?)i.Id equals v.InvoiceId into vg
                      from v in vg.DefaultIfEmpty()
                      group i by new { i.RunId, i.Status, Voucher = v != null } into g
                      select new { g.Key.RunId, g.Key.Status, g.Key.Voucher, N = g.Count() }).ToList()
            .Select(g => new { g.RunId, Status = InvoiceStates.Effective(g.Status, g.Voucher), g.N }).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Link("/jobs/succeeded")}\">Succeeded jobs</a> · <a href=\"{Link("/jobs/failed")}\">Failed jobs</a> · <a href=\"{Link("/recurring")}\">Schedules</a></p>");
        html.Append("<table class=\"table table-striped\" id=\"runs\"><thead><tr><th>Run</th><th>Posting date</th><th>State</th><th>Started (UTC)</th><th>Finished</th><th>Chunks</th><th>Already seen</th><th>Posted</th><th>Awaiting review</th><th>Rejected</th><th>Report</th></tr></thead><tbody>");
        foreach (var r in runs)
        {
            int N(InvoiceStatus s) => counts.Where(c => c.RunId == r.Id && c.Status == s).Sum(c => c.N);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(r.Id)}</td><td>{r.PostingDate:yyyy-MM-dd}</td><td>{H(r.State)}{(r.Error is null ? "" : $" <span class=\"label label-danger\">{H(r.Error)}</span>")}</td><td>{r.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm}</td><td>{r.FinishedAt?.UtcDateTime:HH:mm:ss}</td><td>{r.ChunkCount}</td><td>{r.AlreadySeen}</td><td>{N(InvoiceStatus.Posted) + N(InvoiceStatus.Paid)}</td><td>{N(InvoiceStatus.AwaitingReview)}</td><td>{N(InvoiceStatus.Rejected)}</td><td>{H(r.ReportPath)}</td></tr>");
        }
        html.Append("</tbody></table>");
    }
}

/// <summary>The month's throughput per FTE against target, and the other KPIs (docs/kpi.md).</summary>
public sealed class ThroughputPage() : DeskPage("Throughput")
{
    protected override void Render(StringBuilder html, IServiceProvider services, PipelineDbContext db)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var month = Http.Request.Query["month"].ToString() is { Length: 7 } m ? m : TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var config = services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var r = Kpi.KpiData.ComputeAsync(db, month, Kpi.MonthlyKpiJob.Settings(config), zone, CancellationToken.None).GetAwaiter().GetResult();
        html.Append(CultureInfo.InvariantCulture, $"<h3>{H(month)}</h3><table class=\"table\" id=\"kpi\"><tr><th>Process</th><th class=\"text-right\">Handled</th><th class=\"text-right\">FTE</th><th class=\"text-right\">Per FTE</th><th class=\"text-right\">Target</th><th class=\"text-right\">Gap</th><th></th></tr>");
        foreach (var p in new[] { r.SupplierInvoices, r.Payroll })
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(p.Process)}</td><td class=\"text-right\">{p.Handled}</td><td class=\"text-right\">{H(p.Fte)}</td><td class=\"text-right\">{H(p.PerFte)}</td><td class=\"text-right\">{H(p.Target)}</td><td class=\"text-right\">{H(p.Gap)}</td><td>{H(p.Note)}</td></tr>");
        html.Append("</table><dl class=\"dl-horizontal\">");
        html.Append(CultureInfo.InvariantCulture, $"<dt>Posted</dt><dd>{r.Posted}</dd><dt>Touchless</dt><dd>{r.Touchless} ({r.TouchlessRate:P1})</dd>");
        html.Append(CultureInfo.InvariantCulture, $"<dt>Lead time</dt><dd>{r.AverageLeadTimeCalendarDays} calendar / {r.AverageLeadTimeWorkingDays} working days; SLA {r.SlaCompliance:P1} within {r.LeadTimeTargetWorkingDays}</dd>");
        html.Append(CultureInfo.InvariantCulture, $"<dt>Backlog at month end</dt><dd>{r.BacklogAtMonthEnd}</dd><dt>E-invoice share</dt><dd>{r.EInvoiceShare:P1}</dd></dl>");
        html.Append("<h4>Trend (handled per FTE)</h4><table class=\"table table-condensed\"><tr>");
        foreach (var t in r.Trend) html.Append(CultureInfo.InvariantCulture, $"<th>{H(t.Month)}</th>");
        html.Append("</tr><tr>");
        foreach (var t in r.Trend) html.Append(CultureInfo.InvariantCulture, $"<td>{H(t.PerFte?.ToString("N0", CultureInfo.InvariantCulture) ?? "–")}</td>");
        html.Append("</tr></table>");
    }
}

/// <summary>POST /invoice/{id}/act: the same review service as the CLI; rules and segregation of duties checked here, on the server.</summary>
public sealed class ActDispatcher : IDashboardDispatcher
{
    public async Task Dispatch(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (DeskPage.RefusedUnlessPost(http)) return;
        var id = long.Parse(context.UriMatch.Groups["id"].Value, CultureInfo.InvariantCulture);
        var form = await http.Request.ReadFormAsync();
        var user = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
        var roles = http.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        ReviewOutcome outcome;
        if (!Enum.TryParse<ReviewAction>(form["action"].ToString(), ignoreCase: false, out var action))
            outcome = ReviewOutcome.Refuse("Unknown action.");
        else
        {
            using var scope = http.RequestServices.CreateScope();
            outcome = await scope.ServiceProvider.GetRequiredService<InvoiceReview>().ActAsync(id, user, roles, action, form["reason"].ToString(), http.RequestAborted);
        }
        var back = form["back"].ToString() is { Length: > 0 } b && b.StartsWith('/') && !b.StartsWith("//", StringComparison.Ordinal) ? b : $"/invoice/{id}";
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = context.Options.PrefixPath + context.Request.PathBase + back + $"?ok={(outcome.Allowed ? 1 : 0)}&message={Uri.EscapeDataString(outcome.Message)}";
    }
}
