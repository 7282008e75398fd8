using System.Diagnostics;
using System.Text;

namespace InvoicePipeline.Worker.Tests.Support;

/// <summary>A real `invoicepipeline serve` process, as operators start it on each machine.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output { get { lock (_output) return _output.ToString(); } }
    public bool HasExited => _process.HasExited;

    /// <summary>The worker dll built beside this test assembly's configuration (Debug or Release).</summary>
    public static string WorkerDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepositoryRoot.Find(), "src", "InvoicePipeline.Worker", "bin", configuration, "net10.0", "invoicepipeline.dll");
        Assert.True(File.Exists(dll), $"worker not built: {dll}");
        return dll;
    }

    public static WorkerProcess StartServe(TestDatabase db, int port, string workFolder, IDictionary<string, string> environment)
    {
        var jobs = Directory.CreateDirectory(Path.Combine(workFolder, "jobs-empty")).FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { WorkerDll(), "serve", "--urls", $"http://127.0.0.1:{port}", "--jobs", jobs, "--provider", db.Provider.ToString(), "--db", db.ConnectionString })
            info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        info.Environment["Pipeline__Hangfire__Storage"] = "Postgres";
        // A worker of a production installation (PostgreSQL): its dashboard signs in with OpenID Connect only, so it is
        // given a provider's settings; nothing here signs in, so the (unreachable) provider is never asked.
        info.Environment.TryAdd("Pipeline__Dashboard__OidcAuthority", "https://127.0.0.1:9/");
        info.Environment.TryAdd("Pipeline__Dashboard__OidcClientId", "worker-test");
        info.Environment.TryAdd("Pipeline__Dashboard__OidcClientSecret", "not-used");
        return new WorkerProcess(Process.Start(info)!);
    }

    /// <summary>SIGKILL: no shutdown, no cleanup, like a machine losing power.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
