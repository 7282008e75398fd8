using System.Security.Claims;
using Hangfire.Dashboard;
using InvoicePipeline.Worker.Payroll;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Dashboard;

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
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var user = http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";
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
            await using var scope = http.RequestServices.CreateAsyncScope();
            var desk = scope.ServiceProvider.GetRequiredService<PayrollDesk>();
            var why = reason.Trim() is { Length: > 0 } r ? r : null;
            var (done, refused) = await desk.ActAsync(user, action == "attest", ids, why, http.RequestAborted);
            ok = done > 0 && refused.Count == 0;
            message = $"{(action == "attest" ? "Attested" : "Rejected")} {done} transaction(s)."
                + (refused.Count == 0 ? "" : " Refused: " + string.Join("; ", refused));
        }
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = context.Options.PrefixPath + context.Request.PathBase
            + $"/payroll?ok={(ok ? 1 : 0)}&message={Uri.EscapeDataString(message)}";
    }
}
