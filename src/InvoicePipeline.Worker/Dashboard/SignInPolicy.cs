using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.Extensions.Configuration;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>
/// Where local users may sign in: only in the embedded demo. Production is a PostgreSQL database, or a host whose
/// environment (DOTNET_ENVIRONMENT / ASPNETCORE_ENVIRONMENT) says Production; `serve` refuses to start there with local
/// users, with the demo's password, without OpenID Connect, and anywhere with local users beside OpenID Connect.
/// </summary>
public static class SignInPolicy
{
    public const string DemoPassword = "demo";

    public static bool IsProduction(IConfiguration configuration) =>
        string.Equals(configuration["Pipeline:Database:Provider"], nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase)
        || string.Equals(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"), "Production", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"), "Production", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why `serve` must not start with this sign-in configuration; empty when it may.</summary>
    public static IReadOnlyList<string> Problems(DashboardOptions options, bool production)
    {
        var problems = new List<string>();
        var local = options.LocalUsers.ToList();
        var demo = local.Where(u => Passwords.Verify(u, DemoPassword)).Select(u => u.UserId).ToList();
        if (production && demo.Count > 0)
            problems.Add($"the demo password hash is configured for {string.Join(", ", demo)} (Pipeline:Dashboard:Users) in production");
        if (options.UsesOidc && local.Count > 0)
        {
            problems.Add("local users with a password (Pipeline:Dashboard:Users: "
                + string.Join(", ", local.Select(u => u.UserId))
                + ") while OpenID Connect is configured: remove their PasswordHash");
        }
        else if (production && local.Count > 0 && demo.Count < local.Count)
            problems.Add("local users with a password exist only for the embedded demo: production signs in with OpenID Connect");
        if (production && !options.UsesOidc)
            problems.Add("production signs in with OpenID Connect: set Pipeline:Dashboard:OidcAuthority, OidcClientId, OidcClientSecret");
        return problems;
    }

    public static void EnsureServable(DashboardOptions options, bool production)
    {
        var problems = Problems(options, production);
        if (problems.Count > 0) throw new ConfigurationException("the dashboard does not start: " + string.Join("; ", problems));
    }
}
