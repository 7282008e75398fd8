using System.Globalization;
using System.Security.Claims;
using Hangfire.Dashboard;
using InvoicePipeline.Review;
using InvoicePipeline.Worker.Review;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>
/// POST /invoice/{id}/act: the same review service as the CLI; rules and segregation of duties checked here, on the
/// server.
/// </summary>
public sealed class InvoiceActDispatcher : IDashboardDispatcher
{
    public async Task Dispatch(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (DeskPage.RefusedUnlessPost(http)) return;
        var id = long.Parse(context.UriMatch.Groups["id"].Value, CultureInfo.InvariantCulture);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var user = http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";
        var roles = http.User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        ReviewOutcome outcome;
        if (!Enum.TryParse<ReviewAction>(form["action"].ToString(), ignoreCase: false, out var action))
            outcome = ReviewOutcome.Refuse("Unknown action.");
        else
        {
            await using var scope = http.RequestServices.CreateAsyncScope();
            var review = scope.ServiceProvider.GetRequiredService<InvoiceReview>();
            outcome = await review.ActAsync(id, user, roles, action, form["reason"].ToString(), http.RequestAborted);
        }
        var back = form["back"].ToString() is { Length: > 0 } b && b.StartsWith('/') && !b.StartsWith("//", StringComparison.Ordinal)
            ? b
            : $"/invoice/{id}";
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = context.Options.PrefixPath + context.Request.PathBase + back
            + $"?ok={(outcome.Allowed ? 1 : 0)}&message={Uri.EscapeDataString(outcome.Message)}";
    }
}
