namespace InvoicePipeline.Worker.Tests.Support;

/// <summary>
/// A command of the CLI run in this process against a test database, with what it printed: the exit code, standard
/// output and standard error. Tests in one collection share the console, so callers do not run these in parallel.
/// </summary>
public static class CliInProcess
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(TestDatabase db, IReadOnlyDictionary<string, string?>? settings, params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var o = new StringWriter();
        using var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            string[] full = [.. args, "--provider", db.Provider.ToString(), "--db", db.ConnectionString];
            var exit = await Worker.Cli.Cli.RunAsync(full, settings);
            return (exit, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
