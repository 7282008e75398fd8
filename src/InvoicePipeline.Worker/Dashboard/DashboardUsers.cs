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

/// <summary>A dashboard user of the embedded default (Pipeline:Dashboard:Users); production signs in with OpenID Connect instead.</summary>
public sealed class DashboardUser
{
    [Required]
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>From `invoicepipeline hash-password` (ASP.NET Core Identity's PBKDF2 format); never a plain password.</summary>
    [Required]
    public string PasswordHash { get; set; } = "";
    public string[] Roles { get; set; } = [];
}

public sealed class DashboardOptions
{
    public List<DashboardUser> Users { get; set; } = [];
    /// <summary>OpenID Connect authority; when set, the dashboard signs in there instead of with configured users.</summary>
    [Url]
    public string? OidcAuthority { get; set; }
    public string? OidcClientId { get; set; }
    public string? OidcClientSecret { get; set; }
}

/// <summary>Password hashing with ASP.NET Core Identity's hasher (PBKDF2-SHA512, salted, versioned).</summary>
public static class Passwords
{
    private static readonly PasswordHasher<DashboardUser> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(new DashboardUser(), password);

    public static bool Verify(DashboardUser user, string password) =>
        !string.IsNullOrEmpty(user.PasswordHash)
        && Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}
