using System.Security.Claims;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>
/// The accountants' desk: sign-in (configured users with hashed passwords on the embedded default), roles, and
/// pages added to Hangfire's dashboard. Nothing but /health answers without signing in; only operators get
/// Hangfire's job controls.
/// </summary>
public static class DashboardSetup
{
    public static IServiceCollection AddPipelineDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        var dashboard = configuration.GetSection("Pipeline:Dashboard").Get<DashboardOptions>() ?? new DashboardOptions();
        var oidc = !string.IsNullOrWhiteSpace(dashboard.OidcAuthority);
        var auth = services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            if (oidc) o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
        }).AddCookie(o =>
        {
            o.LoginPath = "/login";
            o.Cookie.Name = "invoicepipeline";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = oidc ? SameSiteMode.Lax : SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
        });
        // Production: the organisation's identity provider, configured (Pipeline:Dashboard:Oidc*), with roles from its
        // "roles" claim.
        if (oidc)
        {
            auth.AddOpenIdConnect(o =>
            {
                o.Authority = dashboard.OidcAuthority;
                o.ClientId = dashboard.OidcClientId;
                o.ClientSecret = dashboard.OidcClientSecret;
                o.ResponseType = "code";
                o.SaveTokens = false;
                o.TokenValidationParameters.RoleClaimType = "roles";
                o.TokenValidationParameters.NameClaimType = "name";
            });
        }
        services.AddAuthorization();

        return services;
    }

    public static void MapPipelineDashboard(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapGet("/login", (HttpContext http, IAntiforgery af) =>
                Results.Content(LoginPage.Render(af.GetAndStoreTokens(http), null), "text/html; charset=utf-8"))
            .DisableAntiforgery();
        app.MapPost("/login", async (HttpContext http, IOptionsMonitor<DashboardOptions> options, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.BadRequest("The form has expired; reload the sign-in page.");
            var form = await http.Request.ReadFormAsync();
            var user = options.CurrentValue.Users
                .FirstOrDefault(u => string.Equals(u.UserId, form["user"], StringComparison.OrdinalIgnoreCase));
            if (user is null || !Passwords.Verify(user, form["password"].ToString()))
            {
                var af = http.RequestServices.GetRequiredService<IAntiforgery>();
                var page = LoginPage.Render(af.GetAndStoreTokens(http), "Unknown user or wrong password.");
                return Results.Content(page, "text/html; charset=utf-8", statusCode: 401);
            }
            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.UserId), new(ClaimTypes.Name, user.Name) };
            claims.AddRange(user.Roles.Where(Roles.All.Contains).Select(r => new Claim(ClaimTypes.Role, r)));
            var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Redirect("/hangfire/exceptions");
        }).DisableAntiforgery();
        app.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });

        DeskPages.Register();
        app.UseHangfireDashboard("/hangfire", new Hangfire.DashboardOptions
        {
            DashboardTitle = "InvoicePipeline",
            Authorization = [new SignedInFilter()],
            IsReadOnlyFunc = ctx => !ctx.GetHttpContext().User.IsInRole(Roles.Operator),
            AppPath = null,
        });
    }
}

/// <summary>The dashboard is for signed-in people only; anonymous requests are sent to sign in.</summary>
public sealed class SignedInFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated == true) return true;
        http.Response.Redirect("/login");
        return false;
    }
}
