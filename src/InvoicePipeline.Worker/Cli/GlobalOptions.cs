using System.CommandLine;
using InvoicePipeline.Worker.Hosting;

namespace InvoicePipeline.Worker.Cli;

/// <summary>Options every command accepts (cli.md): storage overrides, --json and --as-of.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Db = new("--db") { Description = "Connection string (overrides ConnectionStrings:Pipeline)", Recursive = true };
    public static readonly Option<DatabaseProvider?> Provider = new("--provider") { Description = "Sqlite or Postgres (overrides Pipeline:Database:Provider)", Recursive = true };
    public static readonly Option<bool> Json = new("--json") { Description = "Print the summary as one JSON object on standard output", Recursive = true };
    public static readonly Option<DateOnly?> AsOf = new("--as-of") { Description = "Fix today's date (YYYY-MM-DD) for posting dates, due dates and windows", Recursive = true };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Db);
        root.Options.Add(Provider);
        root.Options.Add(Json);
        root.Options.Add(AsOf);
    }

    /// <summary>Settings of a host that runs the command line in its own process (<see cref="Cli.RunAsync(string[], IReadOnlyDictionary{string, string?})"/>); never from the command line itself.</summary>
    internal static readonly AsyncLocal<IReadOnlyDictionary<string, string?>?> Embedded = new();

    /// <summary>The command line's overrides as configuration keys.</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var o = new Dictionary<string, string?>(Embedded.Value ?? new Dictionary<string, string?>(), StringComparer.Ordinal);
        if (parse.GetValue(Db) is { } db) o["ConnectionStrings:Pipeline"] = db;
        if (parse.GetValue(Provider) is { } p) o["Pipeline:Database:Provider"] = p.ToString();
        if (parse.GetValue(AsOf) is { } d) o["Pipeline:AsOf"] = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return o;
    }
}
