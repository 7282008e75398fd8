using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>
/// /login and /logout. With OpenID Connect configured, /login starts a sign-in at the identity provider and a posted
/// password is refused (404); otherwise (the embedded demo) the local users sign in with their password, at most
/// <see cref="DashboardOptions.SignInFailuresPerUser"/> failures per user name and window. Every attempt is logged.
/// </summary>
public static class SignInEndpoints
{
    private const string Html = "text/html; charset=utf-8";
    private const string Landing = "/hangfire/exceptions";

    public static void Map(WebApplication app)
    {
        app.MapGet("/login", (HttpContext http, IAntiforgery af, IOptionsMonitor<DashboardOptions> options) =>
                options.CurrentValue.UsesOidc
                    ? Results.Challenge(new() { RedirectUri = Landing }, [OpenIdConnectDefaults.AuthenticationScheme])
                    : Results.Content(LoginPage.Render(af.GetAndStoreTokens(http), null), Html))
            .DisableAntiforgery();
        app.MapPost("/login", SignInAsync).DisableAntiforgery();
        app.MapPost("/logout", async (HttpContext http, ILogger<DashboardOptions> logger) =>
        {
            SignInLog.SignedOut(logger, http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, IOptionsMonitor<DashboardOptions> monitor, IAntiforgery antiforgery, SignInThrottle throttle,
        ILogger<DashboardOptions> logger)
    {
        var options = monitor.CurrentValue;
        var address = DeskSession.Address(http);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var userId = form["user"].ToString().Trim();
        if (options.UsesOidc)
        {
            SignInLog.Failed(logger, userId, address, "a password sign-in while OpenID Connect is configured");
            return Results.NotFound();
        }
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.BadRequest("The form has expired; reload the sign-in page.");
        IResult Page(string error, int status) =>
            Results.Content(LoginPage.Render(antiforgery.GetAndStoreTokens(http), error), Html, statusCode: status);
        if (throttle.IsRefused(userId, address))
        {
            SignInLog.Throttled(logger, userId, address);
            return Page("Too many failed sign-ins: try again later.", StatusCodes.Status429TooManyRequests);
        }
        var user = options.Find(userId);
        if (user is null || !Passwords.Verify(user, form["password"].ToString()))
        {
            throttle.Failed(userId, address);
            SignInLog.Failed(logger, userId, address, user is null ? "unknown user" : "wrong password");
            return Page("Unknown user or wrong password.", StatusCodes.Status401Unauthorized);
        }
        var principal = DeskSession.Principal(user.UserId, user.Name, DeskSession.Local, []);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        SignInLog.SignedIn(logger, user.UserId, DeskSession.Local, address);
        return Results.Redirect(Landing);
    }
}
