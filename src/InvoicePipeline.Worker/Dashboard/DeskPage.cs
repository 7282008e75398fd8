using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using InvoicePipeline.Worker.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>
/// A page of the accountants' desk inside Hangfire's dashboard (its layout, menu and look). Every value from an
/// invoice is untrusted supplier input and goes through <see cref="H"/>.
/// </summary>
public abstract class DeskPage(string title) : RazorPage
{
    /// <summary>Commands change data: only a POST acts; anything else gets 405.</summary>
    internal static bool RefusedUnlessPost(Microsoft.AspNetCore.Http.HttpContext http)
    {
        if (Microsoft.AspNetCore.Http.HttpMethods.IsPost(http.Request.Method)) return false;
        http.Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status405MethodNotAllowed;
        return true;
    }

    protected HttpContext Http => Context.GetHttpContext();
    protected ClaimsPrincipal User => Http.User;
    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    protected IReadOnlySet<string> UserRoles => User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    protected static string H(object? value) => WebUtility.HtmlEncode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
    protected static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    protected string Link(string path) => Url.To(path);

    public override void Execute()
    {
        Layout = new LayoutPage(title);
        using var scope = Http.RequestServices.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">{H(title)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"text-muted\">Signed in as <b id=\"whoami\">{H(UserId)}</b> ({H(string.Join(", ", UserRoles.Order(StringComparer.Ordinal)))})</p>");
        if (Http.Request.Query["message"].ToString() is { Length: > 0 } message)
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"alert {(Http.Request.Query["ok"] == "1" ? "alert-success" : "alert-danger")}\" id=\"message\">{H(message)}</div>");
        Render(html, scope.ServiceProvider, db);
        html.Append("</div></div>");
        WriteLiteral(html.ToString());
    }

    protected abstract void Render(StringBuilder html, IServiceProvider services, PipelineDbContext db);

    /// <summary>A form that posts to one of the desk's commands, with the anti-forgery token.</summary>
    protected string Form(string action, string inner)
    {
        var tokens = Http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(Http);
        return $"<form method=\"post\" action=\"{Link(action)}\" class=\"form-inline\" style=\"margin:.3em 0\"><input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">{inner}</form>";
    }
}
