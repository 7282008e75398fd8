using System.Globalization;
using System.Text;
using InvoicePipeline.Invoices;
using InvoicePipeline.Kpi;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>What the review queue shows: the open invoices (filtered), the exception codes with their counts.</summary>
public sealed record ExceptionsView(
    string Code, string Search, IReadOnlyList<SupplierInvoice> Rows, IReadOnlyList<(string Code, int Count)> Codes,
    Hosting.BusinessClock Clock)
{
    /// <summary>Payments the bank rejected or returned whose invoice is payable again and not in a new payment file yet.</summary>
    public IReadOnlyList<ReturnedPayment> Returned { get; init; } = [];

    /// <summary>Bank files of the last 30 days with statements that matched nothing, or that could not be read.</summary>
    public IReadOnlyList<BankReturnFile> BankProblems { get; init; } = [];
}

public sealed record ReturnedPayment(
    long InvoiceId, string? SupplierId, string InvoiceNumber, decimal Amount, string Currency, string? Reason);

/// <summary>The review queue's queries: invoices awaiting review or on hold.</summary>
public static class ExceptionsQuery
{
    public static async Task<ExceptionsView> LoadAsync(DeskRequest request)
    {
        var (db, ct) = (request.Db, request.Ct);
        var code = request.Query("code");
        var q = request.Query("q");
        var open = db.Invoices.AsNoTracking()
            .Where(i => i.Status == InvoiceStatus.AwaitingReview || i.Status == InvoiceStatus.OnHold);
        var query = open;
        if (code.Length > 0) query = query.Where(i => i.Exceptions.Contains(code));
        if (q.Length > 0)
        {
            query = query.Where(i => i.InvoiceNumber.Contains(q)
                || (i.SupplierId != null && i.SupplierId.Contains(q))
                || (i.SellerName != null && i.SellerName.Contains(q)));
        }
        var rows = await query.OrderBy(i => i.Id).Take(500).ToListAsync(ct);
        var exceptions = await open.Select(i => i.Exceptions).ToListAsync(ct);
        var codes = exceptions.SelectMany(e => e.Split(';', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(c => c).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
        var returned = await (from p in db.Payments.AsNoTracking()
                              where p.BankStatus == "Rejected"
                                    && !db.Payments.Any(n => n.InvoiceId == p.InvoiceId && n.ActiveInvoiceId != null)
                              join i in db.Invoices.AsNoTracking() on p.InvoiceId equals i.Id
                              where i.Status == InvoiceStatus.Attested
                              orderby p.Id
                              select new ReturnedPayment(i.Id, i.SupplierId, i.InvoiceNumber, p.Amount, p.Currency, p.BankReason))
            .Take(200).ToListAsync(ct);
        var since = request.Clock.UtcNow.AddDays(-30);
        var problems = await db.BankReturnFiles.AsNoTracking().Where(f => f.ReadAt >= since && (f.UnmatchedCount > 0 || f.Error != null))
            .OrderByDescending(f => f.Id).Take(50).ToListAsync(ct);
        return new ExceptionsView(code, q, rows, codes, request.Clock) { Returned = returned, BankProblems = problems };
    }
}

/// <summary>The review queue: invoices awaiting review or on hold, by exception code and age against the lead-time target.</summary>
public sealed class ExceptionsPage(ExceptionsView view) : DeskPage("Exceptions")
{
    protected override void Render(StringBuilder html)
    {
        RenderBank(html);
        html.Append("<p>");
        html.Append(CultureInfo.InvariantCulture, $"<a class=\"btn btn-default btn-sm\" href=\"{Link("/exceptions")}\">All</a> ");
        foreach (var (code, count) in view.Codes)
        {
            var href = $"{Link("/exceptions")}?code={Uri.EscapeDataString(code)}";
            html.Append(CultureInfo.InvariantCulture,
                $"<a class=\"btn btn-default btn-sm\" href=\"{href}\">{H(code)} <span class=\"badge\">{count}</span></a> ");
        }
        html.Append(CultureInfo.InvariantCulture,
            $"</p><form method=\"get\" class=\"form-inline\"><input class=\"form-control\" name=\"q\" value=\"{H(view.Search)}\" ");
        html.Append("placeholder=\"Supplier or invoice number\"> <button class=\"btn btn-default\">Search</button></form><br>");
        html.Append("<table class=\"table table-striped\" id=\"queue\"><thead><tr><th>Invoice</th><th>Supplier</th>");
        html.Append("<th>Number</th><th class=\"text-right\">Total</th><th>Exceptions</th><th>Status</th>");
        html.Append("<th>Age (working days)</th></tr></thead><tbody>");
        var today = view.Clock.Today;
        foreach (var i in view.Rows)
        {
            var age = SwedishCalendar.WorkingDaysBetween(view.Clock.DateOf(i.ReceivedAt), today);
            var ageCell = age > 5 ? $"<span class=\"label label-danger\">{age}</span>" : age.ToString(CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"{Link($"/invoice/{i.Id}")}\">#{i.Id}</a></td><td>{H(i.SupplierId ?? "?")} {H(i.SellerName)}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td>{H(i.InvoiceNumber)}</td><td class=\"text-right\">{Money(i.TotalInclVat)} {H(i.Currency)}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td>{H(i.Exceptions.Replace(";", ", ", StringComparison.Ordinal))}</td><td>{H(i.Status)}</td><td>{ageCell}</td></tr>");
        }
        html.Append("</tbody></table>");
        if (view.Rows.Count == 0) html.Append("<p id=\"empty\">Nothing awaits review.</p>");
    }

    /// <summary>What the bank sent back: returned payments (payable again) and statements that matched nothing, above the queue.</summary>
    private void RenderBank(StringBuilder html)
    {
        if (view.Returned.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<div class=\"alert alert-danger\" id=\"bank-returned\"><b>The bank returned {view.Returned.Count} payment(s)</b>; ");
            html.Append("payable again:<ul>");
            foreach (var r in view.Returned)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<li><a href=\"{Link($"/invoice/{r.InvoiceId}")}\">#{r.InvoiceId}</a> {H(r.SupplierId)} {H(r.InvoiceNumber)} ");
                html.Append(CultureInfo.InvariantCulture, $"{Money(r.Amount)} {H(r.Currency)}: {H(r.Reason)}</li>");
            }
            html.Append("</ul></div>");
        }
        if (view.BankProblems.Count == 0) return;
        html.Append("<div class=\"alert alert-warning\" id=\"bank-unmatched\"><b>Bank files with statements that match nothing</b><ul>");
        foreach (var f in view.BankProblems)
        {
            var what = f.Error ?? f.Unmatched.Replace("\n", "; ", StringComparison.Ordinal);
            html.Append(CultureInfo.InvariantCulture, $"<li>{H(f.FileName)} ({f.ReadAt.UtcDateTime:yyyy-MM-dd}): {H(what)}</li>");
        }
        html.Append("</ul></div>");
    }
}
