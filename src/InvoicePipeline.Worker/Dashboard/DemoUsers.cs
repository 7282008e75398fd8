using Microsoft.Extensions.Configuration;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>
/// The embedded demo's people (demo-users.json beside the program, password <c>demo</c>): added to the configuration
/// beneath everything else, and only when it is not production (<see cref="SignInPolicy.IsProduction"/>) and no
/// OpenID Connect authority and no people of its own are configured.
/// </summary>
public static class DemoUsers
{
    public const string FileName = "demo-users.json";

    public static IConfigurationBuilder AddDemoUsersUnlessProduction(this IConfigurationBuilder config)
    {
        var current = config as IConfiguration ?? config.Build();
        if (SignInPolicy.IsProduction(current) || !string.IsNullOrWhiteSpace(current["Pipeline:Dashboard:OidcAuthority"])
            || current.GetSection("Pipeline:Dashboard:Users").GetChildren().Any()) return config;
        var file = Path.Combine(AppContext.BaseDirectory, FileName);
        if (!File.Exists(file)) return config;
        var demo = new ConfigurationBuilder().AddJsonFile(file, optional: false).Build();
        var values = demo.AsEnumerable().Where(kv => kv.Value is not null).ToList();
        // Beneath every other source (which configures no people of its own: then the demo's are not added at all).
        config.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = values });
        return config;
    }
}
