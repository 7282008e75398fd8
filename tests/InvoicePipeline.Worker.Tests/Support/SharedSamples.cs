namespace InvoicePipeline.Worker.Tests.Support;

/// <summary>
/// The official sample files in ../shared beside the repository. Tests read them in place: they skip with a
/// reason on a developer machine without the folder, and fail when CI=true (CI always has it).
/// </summary>
public static class SharedSamples
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The ../shared folder, or skips (fails on CI) when it is absent.</summary>
    public static string Folder
    {
        get
        {
            var root = Root.Value;
            if (root is not null) return root;
            Ci.SkipOrFail("../shared (official sample files) is not beside the repository");
            return "";
        }
    }

    public static string PathTo(params string[] parts) => Path.Combine([Folder, .. parts]);

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("INVOICEPIPELINE_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        var repo = RepositoryRoot.Find();
        var candidate = Path.GetFullPath(Path.Combine(repo, "..", "shared"));
        return Directory.Exists(Path.Combine(candidate, "spec")) ? candidate : null;
    }
}

public static class Ci
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The one way a test gives up for a missing dependency: on a developer's machine it skips with the reason; with
    /// CI=true it fails, because CI must run every test (tests/run-all.sh installs what they need).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void SkipOrFail(string why)
    {
        if (IsCi) Assert.Fail(why + ": CI must run this test.");
        Assert.Skip(why + ".");
    }
}

public static class RepositoryRoot
{
    /// <summary>The folder that holds InvoicePipeline.sln, found upwards from the test assembly.</summary>
    public static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InvoicePipeline.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("InvoicePipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
