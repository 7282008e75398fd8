using System.CommandLine;
using InvoicePipeline.Worker.Dashboard;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Cli;

/// <summary>The person a command acts as, and their roles from the user configuration (the same roles as on the dashboard).</summary>
public sealed record CliPerson(string UserId, IReadOnlySet<string> Roles)
{
    public bool Has(string role) => Roles.Contains(role);

    /// <summary>Refuses (exit 3) unless the person has the role, naming what they tried.</summary>
    public CliPerson Require(string role, string what) =>
        Has(role) ? this : throw new ConfigurationException($"{UserId} may not {what}: it needs the role '{role}' (Pipeline:Dashboard:Users)");
}

/// <summary>
/// Who acts on the command line: the operating-system account, mapped to a person in the user configuration
/// (<c>OsAccount</c>), or a personal token in <c>INVOICEPIPELINE_TOKEN</c> checked against the person's <c>TokenHash</c>.
/// A typed <c>--user</c> is only a claim checked against that identity. Without a mapping or token it names a local
/// user only on the embedded SQLite storage (the demo and its own users); on PostgreSQL (production) it is refused.
/// </summary>
public static class CliIdentity
{
    public const string TokenVariable = "INVOICEPIPELINE_TOKEN";

    public static Option<string?> UserOption(string description = "Who you are: checked against your operating-system account or personal token (a local demo user on the embedded SQLite storage)") =>
        new("--user") { Description = description };

    public static CliPerson Resolve(IServiceProvider services, string? claimed)
    {
        var users = services.GetRequiredService<IOptions<DashboardOptions>>().Value.Users;
        var provider = services.GetRequiredService<IOptions<PipelineOptions>>().Value.Database.Provider;
        return Resolve(users, provider, Environment.UserName, Environment.GetEnvironmentVariable(TokenVariable), claimed);
    }

    public static CliPerson Resolve(IReadOnlyList<DashboardUser> users, DatabaseProvider provider, string osAccount, string? token, string? claimed)
    {
        DashboardUser? user;
        string how;
        if (!string.IsNullOrEmpty(token))
        {
            user = users.FirstOrDefault(u => Passwords.VerifyToken(u, token))
                ?? throw new ConfigurationException($"the personal token in {TokenVariable} belongs to no configured user");
            how = "personal token";
        }
        else
        {
            user = users.FirstOrDefault(u => string.Equals(u.OsAccount, osAccount, StringComparison.OrdinalIgnoreCase));
            how = $"operating-system account '{osAccount}'";
        }
        if (user is not null)
        {
            if (claimed is not null && !string.Equals(claimed, user.UserId, StringComparison.OrdinalIgnoreCase))
                throw new ConfigurationException($"you act as {user.UserId} ({how}); --user {claimed} is someone else");
            return Person(user);
        }
        if (claimed is null)
            throw new ConfigurationException($"{how} is not mapped to a person (Pipeline:Dashboard:Users:N:OsAccount) and {TokenVariable} is not set");
        if (provider != DatabaseProvider.Sqlite)
            throw new ConfigurationException($"--user {claimed} is not proof of who you are: on {provider} map {how} to a person (OsAccount) or use a personal token ({TokenVariable})");
        var local = users.FirstOrDefault(u => string.Equals(u.UserId, claimed, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(u.PasswordHash))
            ?? throw new ConfigurationException($"user '{claimed}' is not a configured local user (Pipeline:Dashboard:Users)");
        return Person(local);
    }

    /// <summary>Who runs a command that needs no role (an import): the mapped person, else the operating-system account as "os:NAME".</summary>
    public static string Operator(IServiceProvider services)
    {
        try
        {
            return Resolve(services, null).UserId;
        }
        catch (ConfigurationException)
        {
            return "os:" + Environment.UserName;
        }
    }

    private static CliPerson Person(DashboardUser u) => new(u.UserId, u.Roles.Where(Roles.All.Contains).ToHashSet(StringComparer.Ordinal));
}
