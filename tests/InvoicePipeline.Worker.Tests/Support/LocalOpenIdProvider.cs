using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InvoicePipeline.Worker.Tests.Support;

/// <summary>
/// A small OpenID provider on 127.0.0.1 for tests (no network): discovery, JWKS with a fresh RSA key, an authorize
/// endpoint that signs in <see cref="Next"/> at once, and a token endpoint that checks the client secret, the code, the
/// redirect URI and PKCE before it issues an RS256 id_token with the nonce it was given.
/// </summary>
public sealed class LocalOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "invoicepipeline-desk";
    public const string ClientSecret = "test-secret";

    private sealed record Grant(string RedirectUri, string Nonce, string Challenge, Person Who);
    public sealed record Person(string Sub, string Name, params string[] Roles);

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private int _authorizations;
    private int _tokens;

    private LocalOpenIdProvider(WebApplication app, RsaSecurityKey key) => (_app, _key) = (app, key);

    public string Authority { get; private set; } = "";
    /// <summary>Who the next authorize request signs in.</summary>
    public Person Next { get; set; } = new("nobody", "Nobody");
    public int Authorizations => _authorizations;
    public int Tokens => _tokens;

    public static async Task<LocalOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" };
        var provider = new LocalOpenIdProvider(app, key);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Authority,
            ["authorization_endpoint"] = provider.Authority + "/authorize",
            ["token_endpoint"] = provider.Authority + "/token",
            ["jwks_uri"] = provider.Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var p = key.Rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new
            {
                kty = "RSA", use = "sig", alg = "RS256", kid = key.KeyId,
                n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent),
            } } });
        });
        app.MapGet("/authorize", (Func<HttpContext, IResult>)provider.Authorize);
        app.MapPost("/token", (Func<HttpContext, Task<IResult>>)provider.TokenAsync);
        await app.StartAsync();
        provider.Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return provider;
    }

    private IResult Authorize(HttpContext http)
    {
        var q = http.Request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256")
            return Results.BadRequest("unexpected authorize request");
        Interlocked.Increment(ref _authorizations);
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(q["redirect_uri"].ToString(), q["nonce"].ToString(), q["code_challenge"].ToString(), Next);
        var redirect = q["redirect_uri"].ToString();
        return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
    }

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret) return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant)
            || grant.RedirectUri != form["redirect_uri"].ToString())
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != grant.Challenge) return Results.Json(new { error = "invalid_grant", error_description = "PKCE" }, statusCode: 400);
        Interlocked.Increment(ref _tokens);
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = grant.Who.Sub, ["preferred_username"] = grant.Who.Sub, ["name"] = grant.Who.Name,
                ["nonce"] = grant.Nonce, ["roles"] = grant.Who.Roles,
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { access_token = "opaque", token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
