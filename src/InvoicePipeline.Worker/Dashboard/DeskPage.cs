using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>
/// A page of the accountants' desk inside Hangfire's dashboard (its layout, menu and look). A page only renders
/// what its query loaded (<see cref="DeskRoute"/>); it reads no database. Every value from an invoice is untrusted
/// supplier input and goes through <see cref="H"/>.
/// </summary>
public abstract class DeskPage(string title) : RazorPage
{
    /// <summary>Commands change data: only a POST acts; anything else gets 405.</summary>
    internal static bool RefusedUnlessPost(HttpContext http)
    {
        if (HttpMethods.IsPost(http.Request.Method)) return false;
        http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        return true;
    }

    protected HttpContext Http => Context.GetHttpContext();
    protected ClaimsPrincipal User => Http.User;
    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    protected IReadOnlySet<string> UserRoles =>
        User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    protected static string H(object? value) =>
        WebUtility.HtmlEncode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");

    protected static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    protected string Link(string path) => Url.To(path);

    /// <summary>The open alerts (loaded by <see cref="DeskRoute"/>): every page shows them until an operator acknowledges them.</summary>
    internal IReadOnlyList<Persistence.Alert> OpenAlerts { get; set; } = [];

    public override void Execute()
    {
        Layout = new LayoutPage(title);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">{H(title)}</h1>");
        var roles = string.Join(", ", UserRoles.Order(StringComparer.Ordinal));
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"text-muted\">Signed in as <b id=\"whoami\">{H(UserId)}</b> ({H(roles)})</p>");
        if (OpenAlerts.Count > 0)
        {
            html.Append("<div class=\"alert alert-danger\" id=\"alerts\"><b>Needs an operator:</b><ul>");
            foreach (var a in OpenAlerts)
                html.Append(CultureInfo.InvariantCulture,
                    $"<li>Alert {a.Id} ({H(a.Kind)}, {a.RaisedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC): {H(a.Message)}</li>");
            html.Append("</ul>Acknowledge with <code>invoicepipeline alerts ack --id N --reason TEXT</code>; ");
            html.Append("/health answers 503 until then.</div>");
        }
        if (Http.Request.Query["message"].ToString() is { Length: > 0 } message)
        {
            var kind = Http.Request.Query["ok"] == "1" ? "alert-success" : "alert-danger";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"alert {kind}\" id=\"message\">{H(message)}</div>");
        }
        Render(html);
        html.Append("</div></div>");
        WriteLiteral(html.ToString());
    }

    protected abstract void Render(StringBuilder html);

    /// <summary>A form that posts to one of the desk's commands, with the anti-forgery token.</summary>
    protected string Form(string action, string inner, string formClass = "form-inline")
    {
        var tokens = Http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(Http);
        var hidden = $"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">";
        var cls = formClass.Length == 0 ? "" : $" class=\"{formClass}\"";
        return $"<form method=\"post\" action=\"{Link(action)}\"{cls} style=\"margin:.3em 0\">{hidden}{inner}</form>";
    }
}
