using System.Globalization;
using System.Text;
using Hangfire.Dashboard;
using InvoicePipeline.Identifiers;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>
/// The signed-in manager's payroll attestation queue (<see cref="PayrollDesk.QueueAsync"/>: the employee's or the
/// cost centre's manager, four eyes), with attest and reject per row or for the selected rows. Employees are shown by
/// employee id and name; a person id only masked (<see cref="PersonalIdentityNumber.Mask"/>).
/// </summary>
public sealed class PayrollPage() : DeskPage("Payroll")
{
    protected override void Render(StringBuilder html, IServiceProvider services, PipelineDbContext db)
    {
        var desk = services.GetRequiredService<PayrollDesk>();
        var queue = desk.QueueAsync(UserId, Http.RequestAborted).GetAwaiter().GetResult();
        var employeeIds = queue.Select(e => e.EmployeeId).OfType<string>().Distinct().ToList();
        var employees = db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.EmployeeId))
            .Select(e => new { e.EmployeeId, e.Name, e.PersonId }).ToList()
            .ToDictionary(e => e.EmployeeId, e => (e.Name, Masked: PersonalIdentityNumber.Mask(e.PersonId)), StringComparer.Ordinal);

        html.Append(CultureInfo.InvariantCulture, $"<p id=\"summary\">{queue.Count} payroll transaction(s) await your attestation ({Money(queue.Sum(e => e.Amount ?? 0))} SEK). You never see your own, ones you reported, or rows of a file you imported.</p>");
        // A disabled first submit button: Enter in a reason field submits nothing (instead of the first row's Attest).
        var rows = new StringBuilder("<button type=\"submit\" disabled style=\"display:none\" aria-hidden=\"true\"></button>");
        rows.Append("<table class=\"table table-striped table-condensed\" id=\"payroll-queue\"><thead><tr><th><input type=\"checkbox\" id=\"select-all\" onclick=\"document.querySelectorAll('input[name=tx]').forEach(c=>c.checked=this.checked)\"></th><th>Transaction</th><th>Employee</th><th>Person id</th><th>Pay code</th><th>Work date</th><th class=\"text-right\">Quantity</th><th class=\"text-right\">Rate</th><th class=\"text-right\">Amount</th><th>Period</th><th>Cost centre</th><th>Reported by</th><th>Reference</th><th>To check</th><th>Act</th></tr></thead><tbody>");
        foreach (var e in queue)
        {
            var (name, masked) = e.EmployeeId is not null && employees.TryGetValue(e.EmployeeId, out var found) ? found : ("", "");
            var id = H(e.TransactionId);
            rows.Append(CultureInfo.InvariantCulture,
                $"<tr data-tx=\"{id}\"><td><input type=\"checkbox\" name=\"tx\" value=\"{id}\"></td><td>{id}</td><td>{H(e.EmployeeId)} {H(name)}</td><td>{H(masked)}</td><td>{H(e.PayCode)}</td><td>{e.WorkDate:yyyy-MM-dd}</td><td class=\"text-right\">{H(e.Quantity?.ToString("0.##", CultureInfo.InvariantCulture))}</td><td class=\"text-right\">{H(e.Rate?.ToString("0.00##", CultureInfo.InvariantCulture))}</td><td class=\"text-right\">{Money(e.Amount ?? 0)}</td><td>{H(e.Period)}</td><td>{H(e.CostCentre)}</td><td>{H(e.ReportedBy)}</td><td>{H(e.Reference)}</td><td class=\"to-check\">{H(e.Reasons)}</td>");
            rows.Append(CultureInfo.InvariantCulture,
                $"<td style=\"white-space:nowrap\"><button class=\"btn btn-success btn-xs attest\" name=\"row\" value=\"attest|{id}\">Attest</button> <input class=\"form-control input-sm row-reason\" name=\"reason|{id}\" placeholder=\"Reason to reject\" size=\"18\"> <button class=\"btn btn-danger btn-xs reject\" name=\"row\" value=\"reject|{id}\">Reject</button></td></tr>");
        }
        rows.Append("</tbody></table>");
        if (queue.Count == 0) rows.Append("<p id=\"empty\">Nothing awaits your attestation.</p>");
        else rows.Append("<p>Selected rows: <input class=\"form-control\" name=\"reason\" id=\"reason\" size=\"40\" placeholder=\"Reason (required to reject)\"> <button class=\"btn btn-success\" name=\"action\" value=\"attest\" id=\"attest-selected\">Attest selected</button> <button class=\"btn btn-danger\" name=\"action\" value=\"reject\" id=\"reject-selected\">Reject selected</button></p>");
        html.Append(Form("/payroll/act", rows.ToString()).Replace("class=\"form-inline\"", "", StringComparison.Ordinal));

        var mine = db.History.AsNoTracking().Where(h => h.Subject == "payroll" && h.Actor == UserId).OrderByDescending(h => h.Id).Take(20).ToList();
        var subjects = mine.Select(h => h.SubjectId).ToList();
        var ids = db.PayrollEntries.AsNoTracking().Where(e => subjects.Contains(e.Id)).Select(e => new { e.Id, e.TransactionId }).ToList().ToDictionary(e => e.Id, e => e.TransactionId);
        html.Append("<h4>Your latest decisions</h4><table class=\"table table-condensed\" id=\"payroll-history\"><tr><th>When (UTC)</th><th>Transaction</th><th>Action</th><th>From</th><th>To</th><th>Why</th></tr>");
        foreach (var h in mine)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{h.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{H(ids.GetValueOrDefault(h.SubjectId))}</td><td>{H(h.Action)}</td><td>{H(h.FromStatus)}</td><td>{H(h.ToStatus)}</td><td>{H(h.Reason)}</td></tr>");
        html.Append("</table>");
    }
}

/// <summary>
/// POST /payroll/act: one row (<c>row=attest|ID</c> or <c>reject|ID</c>, with that row's reason) or the selected rows
/// (<c>action</c>, <c>tx</c>…, <c>reason</c>), through the same <see cref="PayrollDesk.ActAsync"/> as the CLI; the rules are
/// checked there, on the server, and every change is written to the history. Nothing selected acts on nothing.
/// </summary>
public sealed class PayrollActDispatcher : IDashboardDispatcher
{
    public async Task Dispatch(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (DeskPage.RefusedUnlessPost(http)) return;
        var form = await http.Request.ReadFormAsync();
        var user = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
        string action;
        List<string> ids;
        string reason;
        if (form["row"].ToString() is { Length: > 0 } row && row.IndexOf('|', StringComparison.Ordinal) is var bar and > 0)
        {
            action = row[..bar];
            ids = [row[(bar + 1)..]];
            reason = form["reason|" + ids[0]].ToString() is { Length: > 0 } own ? own : form["reason"].ToString();
        }
        else
        {
            action = form["action"].ToString();
            ids = [.. form["tx"].OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];
            reason = form["reason"].ToString();
        }

        bool ok;
        string message;
        if (action is not ("attest" or "reject")) (ok, message) = (false, "Unknown action.");
        else if (ids.Count == 0) (ok, message) = (false, "Select at least one transaction.");
        else if (user.Length == 0) (ok, message) = (false, "Not signed in.");
        else
        {
            using var scope = http.RequestServices.CreateScope();
            var desk = scope.ServiceProvider.GetRequiredService<PayrollDesk>();
            var (done, refused) = await desk.ActAsync(user, action == "attest", ids, reason.Trim() is { Length: > 0 } r ? r : null, http.RequestAborted);
            ok = done > 0 && refused.Count == 0;
            message = $"{(action == "attest" ? "Attested" : "Rejected")} {done} transaction(s)." + (refused.Count == 0 ? "" : " Refused: " + string.Join("; ", refused));
        }
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = context.Options.PrefixPath + context.Request.PathBase + $"/payroll?ok={(ok ? 1 : 0)}&message={Uri.EscapeDataString(message)}";
    }
}
