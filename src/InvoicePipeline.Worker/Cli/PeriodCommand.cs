using System.CommandLine;
using System.Text.Json;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Cli;

/// <summary>
/// `period close --month YYYY-MM [--user U] [--organisation ID]` (cli.md): locks a month of the ledger. The person is the
/// signed-in one (<see cref="CliIdentity"/>), with the finance role; a typed --user is only checked against it.
/// </summary>
public static class PeriodCommand
{
    public static Command Build()
    {
        var month = new Option<string>("--month") { Description = "The month to close, YYYY-MM", Required = true };
        var user = CliIdentity.UserOption();
        var organisation = new Option<string>("--organisation") { Description = "The organisation whose ledger is closed", DefaultValueFactory = _ => "" };
        var close = new Command("close", "Lock a period: nothing is posted into it afterwards; later postings take the first open date") { month, user, organisation };
        close.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
            using var scope = host.Services.CreateScope();
            var sp = scope.ServiceProvider;
            // Who closes it comes from the operating-system account or a personal token, and it takes the finance role.
            var person = CliIdentity.Resolve(sp, parse.GetValue(user)).Require(InvoicePipeline.Payments.PaymentRelease.FinanceRole, "close a period");
            var r = await PeriodLocks.CloseAsync(sp.GetRequiredService<PipelineDbContext>(), parse.GetValue(organisation)!, parse.GetValue(month)!,
                person.UserId, sp.GetRequiredService<InvoicePipeline.Worker.Hosting.BusinessClock>().UtcNow, ct);
            Console.WriteLine(parse.GetValue(GlobalOptions.Json)
                ? JsonSerializer.Serialize(new { month = r.Month, closed = r.Closed, through = r.Through.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), message = r.Message })
                : r.Message);
            return r.Closed ? Cli.Ok : Cli.InputError;
        }));
        return new Command("period", "Ledger periods") { close };
    }
}
