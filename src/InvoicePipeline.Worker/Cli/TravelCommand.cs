using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InvoicePipeline.Worker.Travel;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`travel queue`, `travel attest`, `travel reject`, `travel history`: claims are posted by `payroll post`.</summary>
public static class TravelCommand
{
    public static Command Build()
    {
        var user = CliIdentity.UserOption();
        var queue = new Command("queue", "A manager's queue: travel claim lines awaiting their attestation") { user };
        queue.SetAction((parse, ct) => With(parse, async (desk, sp) =>
        {
            var lines = await desk.QueueAsync(CliIdentity.Resolve(sp, parse.GetValue(user)).UserId, ct);
            if (parse.GetValue(GlobalOptions.Json))
                Console.WriteLine(JsonSerializer.Serialize(lines.Select(e => new { e.ClaimId, e.Line, e.EmployeeId, LineType = e.LineType.ToString().ToLowerInvariant(), e.Amount, e.TaxFree, e.Taxable, e.NetAmount, e.VatAmount, e.Period, e.Explanation })));
            else
                foreach (var e in lines)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{e.ClaimId,-10} {e.EmployeeId,-8} {e.LineType.ToString().ToLowerInvariant(),-8} {e.Amount,12:N2} tax-free {e.TaxFree,10:N2} taxable {e.Taxable,10:N2} {e.Period}  {e.Explanation}"));
            return Cli.Ok;
        }, ct));

        var claims = new Option<string[]>("--claim") { Description = "Claim id(s); without it, the user's whole queue", AllowMultipleArgumentsPerToken = true };
        var attest = new Command("attest", "Attest travel claims (four eyes: the employee's manager; never one's own claim, one reported or imported)") { user, claims };
        attest.SetAction((parse, ct) => With(parse, (desk, sp) => ActAsync(parse, desk, sp, user, claims, true, null, ct), ct));

        var rejectClaims = new Option<string[]>("--claim") { Description = "Claim id(s) to reject", Required = true, AllowMultipleArgumentsPerToken = true };
        var reason = new Option<string>("--reason") { Description = "Why", Required = true };
        var reject = new Command("reject", "Reject travel claims, with the reason") { user, rejectClaims, reason };
        reject.SetAction((parse, ct) => With(parse, (desk, sp) => ActAsync(parse, desk, sp, user, rejectClaims, false, parse.GetValue(reason), ct), ct));

        var employee = new Option<string>("--employee") { Description = "Employee id", Required = true };
        var history = new Command("history", "An employee's claim lines: amounts, status, corrections and reversals") { employee };
        history.SetAction((parse, ct) => With(parse, async (desk, _) =>
        {
            var lines = await desk.HistoryOfEmployeeAsync(parse.GetValue(employee)!, ct);
            if (parse.GetValue(GlobalOptions.Json))
                Console.WriteLine(JsonSerializer.Serialize(lines.Select(e => new { e.ClaimId, e.Line, LineType = e.LineType.ToString().ToLowerInvariant(), Status = e.Status.ToString(), e.Amount, e.TaxFree, e.Taxable, e.Period, e.Corrects, e.CorrectedBy, e.Reasons })));
            else
                foreach (var e in lines)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{e.ClaimId,-10} {e.LineType.ToString().ToLowerInvariant(),-8} {e.Status,-19} {e.Amount,12:N2} {e.Period}{(e.Corrects is null ? "" : " corrects " + e.Corrects)}{(e.CorrectedBy is null ? "" : " corrected by " + e.CorrectedBy)}{(e.Reasons is null ? "" : "  " + e.Reasons)}"));
            return Cli.Ok;
        }, ct));
        return new Command("travel", "Travel and expense claims: attestation (posted and exported by `payroll post`)") { queue, attest, reject, history };
    }

    private static async Task<int> ActAsync(ParseResult parse, TravelDesk desk, IServiceProvider sp, Option<string?> user, Option<string[]> claims, bool attest, string? reason, CancellationToken ct)
    {
        var person = CliIdentity.Resolve(sp, parse.GetValue(user));
        var chosen = parse.GetValue(claims) is { Length: > 0 } c ? c : null;
        var (done, refused) = await desk.ActAsync(person.UserId, attest, chosen, reason, ct);
        foreach (var r in refused) await Console.Error.WriteLineAsync("refused: " + r);
        Console.WriteLine(parse.GetValue(GlobalOptions.Json) ? JsonSerializer.Serialize(new { done, refused }) : $"{done} claim(s) {(attest ? "attested" : "rejected")}, {refused.Count} refused.");
        return refused.Count == 0 ? Cli.Ok : Cli.InputError;
    }

    private static Task<int> With(ParseResult parse, Func<TravelDesk, IServiceProvider, Task<int>> run, CancellationToken ct) => Cli.Guard(parse, async () =>
    {
        using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
        using var scope = host.Services.CreateScope();
        return await run(scope.ServiceProvider.GetRequiredService<TravelDesk>(), scope.ServiceProvider);
    });
}
