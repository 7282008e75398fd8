using System.CommandLine;
using InvoicePipeline.Worker.Dashboard;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`hash-password`: the value for Pipeline:Dashboard:Users:N:PasswordHash (reads the password from standard input).</summary>
public static class HashPasswordCommand
{
    public static Command Build()
    {
        var cmd = new Command("hash-password", "Hash a dashboard password (read from standard input) for the configuration");
        cmd.SetAction((parse, ct) => Cli.Guard(parse, () =>
        {
            var password = Console.In.ReadLine();
            if (string.IsNullOrEmpty(password)) throw new UsageException("give the password on standard input");
            Console.WriteLine(Passwords.Hash(password));
            return Task.FromResult(Cli.Ok);
        }));
        return cmd;
    }
}
