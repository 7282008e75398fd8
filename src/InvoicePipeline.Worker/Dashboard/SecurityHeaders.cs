using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>
/// The headers every response carries: a Content-Security-Policy (scripts only from this site, so injected supplier
/// text cannot run even if an encoding were missed; no framing: clickjacking), nosniff and a referrer policy that
/// keeps invoice ids and search terms in URLs from leaving the site.
/// </summary>
public static class SecurityHeaders
{
    public static string Policy(string? oidcAuthority)
    {
        // A form may post (and its redirect go) to this site, and to the identity provider when signing out or in.
        var formAction = Uri.TryCreate(oidcAuthority, UriKind.Absolute, out var idp)
            ? $"'self' {idp.GetLeftPart(UriPartial.Authority)}"
            : "'self'";
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + $"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action {formAction}; frame-ancestors 'none'";
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? oidcAuthority)
    {
        var policy = Policy(oidcAuthority);
        return app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return next(http);
        });
    }
}
