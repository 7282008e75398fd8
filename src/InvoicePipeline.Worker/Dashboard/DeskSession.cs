using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>
/// A signed-in person's session. The cookie holds who (id, name), how (local or OpenID Connect) and the provider's
/// roles; the desk's roles are worked out again on every request from the current configuration, so a removed person
/// or role takes effect at once, and the session ends a fixed time after sign-in however active it is.
/// </summary>
public static class DeskSession
{
    public const string MethodClaim = "signin";
    public const string ProviderRoleClaim = "idp_role";
    public const string Local = "local";
    public const string Oidc = "oidc";

    public static bool HasRole(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindAll(ClaimTypes.Role).Any(r => Roles.All.Contains(r.Value));

    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "?";

    /// <summary>The cookie's principal for a person: who and how, never the desk's roles (those are read per request).</summary>
    public static ClaimsPrincipal Principal(string userId, string name, string method, IEnumerable<string> providerRoles)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Name, name), new(MethodClaim, method) };
        claims.AddRange(providerRoles.Select(r => new Claim(ProviderRoleClaim, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<DashboardOptions>>().CurrentValue;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeskSession));
        var principal = ctx.Principal!;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var method = principal.FindFirstValue(MethodClaim);
        var person = options.Find(userId);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        string? ended = null;
        if (ctx.Properties.IssuedUtc is not { } issued || now - issued > TimeSpan.FromHours(options.SessionHours))
            ended = "the session is older than Pipeline:Dashboard:SessionHours";
        else if (method == Local && (person is null || string.IsNullOrEmpty(person.PasswordHash) || options.UsesOidc))
            ended = "no longer a local user";
        else if (method == Oidc && !options.UsesOidc)
            ended = "OpenID Connect is no longer configured";
        else if (method is not (Local or Oidc))
            ended = "unknown sign-in method";
        if (ended is not null)
        {
            SignInLog.SessionEnded(logger, userId, ended);
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var roles = person is not null && (method == Local || person.Roles.Length > 0)
            ? person.Roles
            : principal.FindAll(ProviderRoleClaim).Select(c => c.Value).ToArray();
        var identity = new ClaimsIdentity(principal.Claims.Where(c => c.Type != ClaimTypes.Role), principal.Identity!.AuthenticationType);
        identity.AddClaims(roles.Where(Roles.All.Contains).Distinct(StringComparer.Ordinal).Select(r => new Claim(ClaimTypes.Role, r)));
        ctx.ReplacePrincipal(new ClaimsPrincipal(identity));
    }

    public static async Task NoRoleAsync(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        var logger = ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeskSession));
        var userId = ctx.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        SignInLog.NoRole(logger, userId, ctx.Request.Path);
        ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.WriteAsync(LoginPage.Message("No access",
            $"You are signed in as {userId}, but you have no role in the desk. Ask for one to be given to you."));
    }

    public static Task FromOidc(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext ctx, string userIdClaim)
    {
        var token = ctx.Principal!;
        var userId = token.FindFirstValue(userIdClaim) ?? token.FindFirstValue("sub") ?? "";
        if (userId.Length == 0)
        {
            ctx.Fail("the token names nobody (no sub)");
            return Task.CompletedTask;
        }
        var name = token.FindFirstValue("name") ?? userId;
        ctx.Principal = Principal(userId, name, Oidc, token.FindAll("roles").Select(c => c.Value));
        var logger = ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeskSession));
        SignInLog.SignedIn(logger, userId, Oidc, Address(ctx.HttpContext));
        return Task.CompletedTask;
    }

    public static async Task OidcFailedAsync(RemoteFailureContext ctx)
    {
        var logger = ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeskSession));
        SignInLog.Failed(logger, "?", Address(ctx.HttpContext), ctx.Failure?.Message ?? "OpenID Connect sign-in failed");
        ctx.HandleResponse();
        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.WriteAsync(LoginPage.Message("Sign-in failed", "The identity provider's answer was not accepted."));
    }
}
