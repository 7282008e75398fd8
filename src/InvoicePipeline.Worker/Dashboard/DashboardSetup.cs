using System.Net;
using System.Security.Claims;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>
/// The accountants' desk: sign-in (OpenID Connect in production, the demo's local users in the embedded demo), roles
/// required for every page, security headers, and the pages added to Hangfire's dashboard. Nothing but /health (and
/// sign-in) answers without signing in; only operators get Hangfire's job controls.
/// </summary>
public static class DashboardSetup
{
    public const string DeskPolicy = "desk";

    public static IServiceCollection AddPipelineDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        var dashboard = configuration.GetSection("Pipeline:Dashboard").Get<DashboardOptions>() ?? new DashboardOptions();
        var production = SignInPolicy.IsProduction(configuration);
        SignInPolicy.EnsureServable(dashboard, production);
        var secure = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddSingleton<SignInThrottle>();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in dashboard.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        var auth = services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            if (dashboard.UsesOidc) o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
        }).AddCookie(o =>
        {
            o.LoginPath = "/login";
            o.Cookie.Name = "invoicepipeline";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = dashboard.UsesOidc ? SameSiteMode.Lax : SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(dashboard.SessionHours);
            o.SlidingExpiration = false;
            o.Events.OnValidatePrincipal = DeskSession.ValidateAsync;
            o.Events.OnRedirectToLogin = ctx =>
            {
                ctx.Response.Redirect("/login");
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = DeskSession.NoRoleAsync;
        });
        // Production: the organisation's identity provider (Pipeline:Dashboard:Oidc*), roles from its "roles" claim unless
        // the person is configured (Pipeline:Dashboard:Users without a password), whose roles then decide.
        if (dashboard.UsesOidc)
        {
            auth.AddOpenIdConnect(o =>
            {
                o.Authority = dashboard.OidcAuthority;
                o.ClientId = dashboard.OidcClientId;
                o.ClientSecret = dashboard.OidcClientSecret;
                o.RequireHttpsMetadata = dashboard.OidcRequireHttpsMetadata;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.SaveTokens = false;
                o.UseTokenLifetime = false;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.CorrelationCookie.SecurePolicy = secure;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = secure;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.TokenValidationParameters.RoleClaimType = "roles";
                o.TokenValidationParameters.NameClaimType = "name";
                o.Events.OnTokenValidated = ctx => DeskSession.FromOidc(ctx, dashboard.OidcUserIdClaim);
                o.Events.OnRemoteFailure = DeskSession.OidcFailedAsync;
            });
        }
        services.AddAuthorizationBuilder()
            .AddPolicy(DeskPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => DeskSession.HasRole(c.User)));
        return services;
    }

    public static void MapPipelineDashboard(this WebApplication app)
    {
        var dashboard = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(dashboard.OidcAuthority);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        SignInEndpoints.Map(app);
        app.MapGet("/desk.js", () => Results.Text(DeskScript, "text/javascript; charset=utf-8"));

        DeskPages.Register();
        app.MapHangfireDashboard("/hangfire", new Hangfire.DashboardOptions
        {
            DashboardTitle = "InvoicePipeline",
            Authorization = [new DeskRoleFilter()],
            IsReadOnlyFunc = ctx => !ctx.GetHttpContext().User.IsInRole(Roles.Operator),
            AppPath = null,
        }).RequireAuthorization(DeskPolicy);
    }

    /// <summary>The desk's only script (a CSP without inline scripts): "select all" on the payroll queue.</summary>
    private const string DeskScript = """
        document.addEventListener('click', e => {
          if (e.target && e.target.id === 'select-all')
            document.querySelectorAll('input[name=tx]').forEach(c => { c.checked = e.target.checked; });
        });
        """;
}

/// <summary>Defence in depth behind the endpoint's policy: Hangfire itself answers only people with a role of the desk.</summary>
public sealed class DeskRoleFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => DeskSession.HasRole(context.GetHttpContext().User);
}
