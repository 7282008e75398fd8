using System.Globalization;
using System.Text;
using InvoicePipeline.Identifiers;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>The signed-in manager's queue, the names and masked person ids of its employees, and their latest decisions.</summary>
public sealed record PayrollView(
    IReadOnlyList<PayrollEntry> Queue, IReadOnlyDictionary<string, (string Name, string Masked)> Employees,
    IReadOnlyList<StatusChange> Latest, IReadOnlyDictionary<long, string> TransactionIds);

/// <summary>The payroll page's queries: the queue is <see cref="PayrollDesk.QueueAsync"/>, the same as the CLI's.</summary>
public static class PayrollQuery
{
    public static async Task<PayrollView> LoadAsync(DeskRequest request)
    {
        var (db, ct, userId) = (request.Db, request.Ct, request.UserId);
        var queue = await request.Services.GetRequiredService<PayrollDesk>().QueueAsync(userId, ct);
        var employeeIds = queue.Select(e => e.EmployeeId).OfType<string>().Distinct().ToList();
        var employees = (await db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.EmployeeId))
                .Select(e => new { e.EmployeeId, e.Name, e.PersonId }).ToListAsync(ct))
            .ToDictionary(e => e.EmployeeId, e => (e.Name, Masked: PersonalIdentityNumber.Mask(e.PersonId)), StringComparer.Ordinal);
        var latest = await db.History.AsNoTracking().Where(h => h.Subject == "payroll" && h.Actor == userId)
            .OrderByDescending(h => h.Id).Take(20).ToListAsync(ct);
        var subjects = latest.Select(h => h.SubjectId).ToList();
        var ids = (await db.PayrollEntries.AsNoTracking().Where(e => subjects.Contains(e.Id))
                .Select(e => new { e.Id, e.TransactionId }).ToListAsync(ct))
            .ToDictionary(e => e.Id, e => e.TransactionId);
        return new PayrollView(queue, employees, latest, ids);
    }
}

/// <summary>
/// The signed-in manager's payroll attestation queue (<see cref="PayrollDesk.QueueAsync"/>: the employee's or the
/// cost centre's manager, four eyes), with attest and reject per row or for the selected rows. Employees are shown by
/// employee id and name; a person id only masked (<see cref="PersonalIdentityNumber.Mask"/>).
/// </summary>
public sealed class PayrollPage(PayrollView view) : DeskPage("Payroll")
{
    private const string SelectAll =
        "<input type=\"checkbox\" id=\"select-all\" " +
        "onclick=\"document.querySelectorAll('input[name=tx]').forEach(c=>c.checked=this.checked)\">";

    private const string SelectedActions =
        "<p>Selected rows: <input class=\"form-control\" name=\"reason\" id=\"reason\" size=\"40\" " +
        "placeholder=\"Reason (required to reject)\"> " +
        "<button class=\"btn btn-success\" name=\"action\" value=\"attest\" id=\"attest-selected\">Attest selected</button> " +
        "<button class=\"btn btn-danger\" name=\"action\" value=\"reject\" id=\"reject-selected\">Reject selected</button></p>";

    protected override void Render(StringBuilder html)
    {
        var queue = view.Queue;
        var total = Money(queue.Sum(e => e.Amount ?? 0));
        html.Append(CultureInfo.InvariantCulture,
            $"<p id=\"summary\">{queue.Count} payroll transaction(s) await your attestation ({total} SEK). ");
        html.Append("You never see your own, ones you reported, or rows of a file you imported.</p>");
        // A disabled first submit button: Enter in a reason field submits nothing (instead of the first row's Attest).
        var rows = new StringBuilder("<button type=\"submit\" disabled style=\"display:none\" aria-hidden=\"true\"></button>");
        rows.Append(CultureInfo.InvariantCulture,
            $"<table class=\"table table-striped table-condensed\" id=\"payroll-queue\"><thead><tr><th>{SelectAll}</th>");
        rows.Append("<th>Transaction</th><th>Employee</th><th>Person id</th><th>Pay code</th><th>Work date</th>");
        rows.Append("<th class=\"text-right\">Quantity</th><th class=\"text-right\">Rate</th><th class=\"text-right\">Amount</th>");
        rows.Append("<th>Period</th><th>Cost centre</th><th>Reported by</th><th>Reference</th><th>Act</th></tr></thead><tbody>");
        foreach (var e in queue)
        {
            var (name, masked) = e.EmployeeId is not null && view.Employees.TryGetValue(e.EmployeeId, out var found) ? found : ("", "");
            var id = H(e.TransactionId);
            var quantity = H(e.Quantity?.ToString("0.##", CultureInfo.InvariantCulture));
            var rate = H(e.Rate?.ToString("0.00##", CultureInfo.InvariantCulture));
            rows.Append(CultureInfo.InvariantCulture,
                $"<tr data-tx=\"{id}\"><td><input type=\"checkbox\" name=\"tx\" value=\"{id}\"></td><td>{id}</td>");
            rows.Append(CultureInfo.InvariantCulture,
                $"<td>{H(e.EmployeeId)} {H(name)}</td><td>{H(masked)}</td><td>{H(e.PayCode)}</td><td>{e.WorkDate:yyyy-MM-dd}</td>");
            rows.Append(CultureInfo.InvariantCulture, $"<td class=\"text-right\">{quantity}</td><td class=\"text-right\">{rate}</td>");
            rows.Append(CultureInfo.InvariantCulture, $"<td class=\"text-right\">{Money(e.Amount ?? 0)}</td>");
            rows.Append(CultureInfo.InvariantCulture,
                $"<td>{H(e.Period)}</td><td>{H(e.CostCentre)}</td><td>{H(e.ReportedBy)}</td><td>{H(e.Reference)}</td>");
            rows.Append(CultureInfo.InvariantCulture, $"<td style=\"white-space:nowrap\">");
            rows.Append(CultureInfo.InvariantCulture,
                $"<button class=\"btn btn-success btn-xs attest\" name=\"row\" value=\"attest|{id}\">Attest</button> ");
            rows.Append(CultureInfo.InvariantCulture,
                $"<input class=\"form-control input-sm row-reason\" name=\"reason|{id}\" ");
            rows.Append("placeholder=\"Reason to reject\" size=\"18\"> ");
            rows.Append(CultureInfo.InvariantCulture,
                $"<button class=\"btn btn-danger btn-xs reject\" name=\"row\" value=\"reject|{id}\">Reject</button></td></tr>");
        }
        rows.Append("</tbody></table>");
        rows.Append(queue.Count == 0 ? "<p id=\"empty\">Nothing awaits your attestation.</p>" : SelectedActions);
        html.Append(Form("/payroll/act", rows.ToString(), formClass: ""));

        html.Append("<h4>Your latest decisions</h4><table class=\"table table-condensed\" id=\"payroll-history\"><tr><th>When (UTC)</th>");
        html.Append("<th>Transaction</th><th>Action</th><th>From</th><th>To</th><th>Why</th></tr>");
        foreach (var h in view.Latest)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{h.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}</td><td>{H(view.TransactionIds.GetValueOrDefault(h.SubjectId))}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td>{H(h.Action)}</td><td>{H(h.FromStatus)}</td><td>{H(h.ToStatus)}</td><td>{H(h.Reason)}</td></tr>");
        }
        html.Append("</table>");
    }
}
