using System.CommandLine;
using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Cli;

/// <summary>A usage error found after parsing (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The command line of `invoicepipeline` (cli.md) and its exit codes.</summary>
public static class Cli
{
    public const int Ok = 0, Unexpected = 1, Usage = 2, InputError = 3;

    public static RootCommand Build()
    {
        var root = new RootCommand("InvoicePipeline: supplier invoices and payroll transactions, from inbox to ledger");
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(RunCommands.Demo());
        root.Subcommands.Add(RunCommands.Run());
        root.Subcommands.Add(ServeCommand.Build());
        root.Subcommands.Add(ImportCommand.Build());
        root.Subcommands.Add(GenerateCommand.Build());
        root.Subcommands.Add(KpiCommand.Build());
        root.Subcommands.Add(ExportCommand.Build());
        root.Subcommands.Add(PaymentsCommand.Build());
        root.Subcommands.Add(ControlCommand.Build());
        root.Subcommands.Add(InvoiceCommand.Build());
        root.Subcommands.Add(SimulateCommand.Build());
        root.Subcommands.Add(PayrollCommand.Build());
        root.Subcommands.Add(TravelCommand.Build());
        root.Subcommands.Add(ReplayCommand.Build());
        root.Subcommands.Add(PeriodCommand.Build());
        root.Subcommands.Add(HashPasswordCommand.Build());
        root.Subcommands.Add(AlertsCommand.Build());
        root.Subcommands.Add(StatusCommand.Build());
        return root;
    }

    public static Task<int> RunAsync(string[] args) => RunAsync(args, null);

    /// <summary>Runs a command with settings of the embedding process (tests: the user configuration), below the command line's own options.</summary>
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings)
    {
        GlobalOptions.Embedded.Value = settings;
        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync("See 'invoicepipeline --help'.");
            return Usage;
        }
        if (parse.CommandResult.Command == root && parse.Tokens.Count == 0)
        {
            await Console.Error.WriteLineAsync("A command is required. See 'invoicepipeline --help'.");
            return Usage;
        }
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cts.Token);
    }

    /// <summary>Maps failures to the exit codes of cli.md with a message that says what and where.</summary>
    public static async Task<int> Guard(ParseResult parse, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"usage: {ex.Message}");
            return Usage;
        }
        catch (Exception ex) when (ex is ConfigurationException or DirectoryNotFoundException or FileNotFoundException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return InputError;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures) await Console.Error.WriteLineAsync($"error: configuration: {failure}");
            return InputError;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return Unexpected;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"unexpected error: {ex}");
            return Unexpected;
        }
    }
}
