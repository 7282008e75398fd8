using System.Security.Claims;
using System.Text.RegularExpressions;
using Hangfire.Dashboard;
using InvoicePipeline.Worker.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>What a page's query may use: the signed-in person, the route and query string, the request's services.</summary>
public sealed class DeskRequest(HttpContext http, Match route, IServiceProvider services)
{
    public HttpContext Http { get; } = http;
    public Match Route { get; } = route;
    public IServiceProvider Services { get; } = services;
    public PipelineDbContext Db => Services.GetRequiredService<PipelineDbContext>();
    public CancellationToken Ct => Http.RequestAborted;
    public string UserId => Http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public IReadOnlySet<string> Roles =>
        Http.User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The business clock (the configured time zone): "today" on a page is the jobs' and the commands' today.</summary>
    public Hosting.BusinessClock Clock => Services.GetRequiredService<Hosting.BusinessClock>();
    public DateTimeOffset Now => Clock.UtcNow;
    public DateOnly Today => Clock.Today;
    public string Query(string key) => Http.Request.Query[key].ToString();
}

/// <summary>
/// A desk page's route: its query runs asynchronously in its own scope, then Hangfire renders the page (which only
/// formats what was loaded) inside its layout. Hangfire's Razor pages render synchronously, so loading first is what
/// keeps a page from blocking on the database.
/// </summary>
public sealed class DeskRoute(Func<DeskRequest, Task<DeskPage>> load) : IDashboardDispatcher
{
    public async Task Dispatch(DashboardContext context)
    {
        var http = context.GetHttpContext();
        await using var scope = http.RequestServices.CreateAsyncScope();
        var request = new DeskRequest(http, context.UriMatch, scope.ServiceProvider);
        var page = await load(request);
        page.OpenAlerts = await Health.Alerts.OpenAsync(request.Db, request.Ct);
        // Hangfire's page dispatcher (internal) gives the page its context, URL helper and layout.
        var render = new Hangfire.Dashboard.RouteCollection();
        render.AddRazorPage("/", _ => page);
        await render.FindDispatcher("/").Item1.Dispatch(context);
    }
}
