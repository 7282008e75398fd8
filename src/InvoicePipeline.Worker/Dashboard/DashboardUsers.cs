using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>The roles of the people who work in the dashboard.</summary>
public static class Roles
{
    public const string Operator = "operator";
    public const string Accountant = "accountant";
    public const string Approver = "approver";
    public const string Controller = "controller";
    public const string Finance = "finance";

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>(StringComparer.Ordinal) { Operator, Accountant, Approver, Controller, Finance };
}

/// <summary>
/// A person of the desk (Pipeline:Dashboard:Users): id, name and roles, read again on every request. With a
/// <see cref="PasswordHash"/> the person is a local user, who signs in with a password: only in the embedded demo
/// (demo-users.json); production signs in with OpenID Connect, where a configured person's roles replace the provider's.
/// </summary>
public sealed class DashboardUser
{
    [Required]
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>From `invoicepipeline hash-password` (ASP.NET Core Identity's PBKDF2 format); never a plain password.</summary>
    public string PasswordHash { get; set; } = "";
    public string[] Roles { get; set; } = [];
    /// <summary>The operating-system account that acts as this person on the command line (docs/security.md).</summary>
    public string? OsAccount { get; set; }
    /// <summary>
    /// Hash of the person's token (`invoicepipeline hash-password`), for the command line without an OS mapping
    /// (INVOICEPIPELINE_TOKEN).
    /// </summary>
    public string? TokenHash { get; set; }
}

public sealed class DashboardOptions
{
    public List<DashboardUser> Users { get; set; } = [];
    /// <summary>OpenID Connect authority; when set, the dashboard signs in there and local users are refused.</summary>
    [Url]
    public string? OidcAuthority { get; set; }
    public string? OidcClientId { get; set; }
    public string? OidcClientSecret { get; set; }
    /// <summary>The token claim that is the person's user id (falls back to <c>sub</c>).</summary>
    public string OidcUserIdClaim { get; set; } = "preferred_username";
    /// <summary>Metadata over https only; false only for a provider on this machine (tests).</summary>
    public bool OidcRequireHttpsMetadata { get; set; } = true;
    /// <summary>A sign-in lasts this long from the moment it was made, however active the person is (absolute expiry).</summary>
    public double SessionHours { get; set; } = 10;
    /// <summary>Failed sign-ins per user name, and per client address, within <see cref="SignInWindowMinutes"/> before refusing.</summary>
    public int SignInFailuresPerUser { get; set; } = 5;
    public int SignInFailuresPerAddress { get; set; } = 30;
    public double SignInWindowMinutes { get; set; } = 15;
    /// <summary>The reverse proxies (IP addresses) whose X-Forwarded-For/-Proto are believed; loopback always is.</summary>
    public List<string> KnownProxies { get; set; } = [];

    public bool UsesOidc => !string.IsNullOrWhiteSpace(OidcAuthority);
    public IEnumerable<DashboardUser> LocalUsers => Users.Where(u => !string.IsNullOrEmpty(u.PasswordHash));

    public DashboardUser? Find(string? userId) =>
        Users.FirstOrDefault(u => string.Equals(u.UserId, userId, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Password hashing with ASP.NET Core Identity's hasher (PBKDF2-SHA512, salted, versioned).</summary>
public static class Passwords
{
    private static readonly PasswordHasher<DashboardUser> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(new DashboardUser(), password);

    public static bool VerifyToken(DashboardUser user, string token) =>
        !string.IsNullOrEmpty(user.TokenHash)
        && Hasher.VerifyHashedPassword(user, user.TokenHash, token) != PasswordVerificationResult.Failed;

    public static bool Verify(DashboardUser user, string password) =>
        !string.IsNullOrEmpty(user.PasswordHash)
        && Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}
