using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InvoicePipeline.Worker.Payroll;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`payroll list`, `payroll act`, `payroll post`.</summary>
public static class PayrollCommand
{
    public static Command Build()
    {
        var user = CliIdentity.UserOption();
        var list = new Command("list", "A manager's queue: transactions awaiting their attestation") { user };
        list.SetAction((parse, ct) => With(parse, async (desk, sp) =>
        {
            var queue = await desk.QueueAsync(CliIdentity.Resolve(sp, parse.GetValue(user)).UserId, ct);
            if (parse.GetValue(GlobalOptions.Json)) Console.WriteLine(JsonSerializer.Serialize(queue.Select(e => new { e.TransactionId, e.EmployeeId, e.PayCode, e.WorkDate, e.Quantity, e.Amount, e.Period, e.CostCentre, e.Reasons })));
            else foreach (var e in queue) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.TransactionId,-10} {e.EmployeeId,-8} {e.PayCode,-8} {e.WorkDate:yyyy-MM-dd} {e.Quantity,8} {e.Amount,12:N2} {e.Period} {e.CostCentre}{(e.Reasons is null ? "" : "  check: " + e.Reasons)}"));
            return Cli.Ok;
        }, ct));

        var action = new Option<string>("--action") { Description = "attest or reject", Required = true };
        action.AcceptOnlyFromAmong("attest", "reject");
        var ids = new Option<string[]>("--transaction") { Description = "Transaction id(s); without it, the user's whole queue", AllowMultipleArgumentsPerToken = true };
        var reason = new Option<string?>("--reason") { Description = "Why (required to reject)" };
        var act = new Command("act", "Attest or reject payroll transactions (four eyes: not one's own, reported or imported)") { user, action, ids, reason };
        act.SetAction((parse, ct) => With(parse, async (desk, sp) =>
        {
            var person = CliIdentity.Resolve(sp, parse.GetValue(user));
            var chosen = parse.GetValue(ids) is { Length: > 0 } t ? t : null;
            var (done, refused) = await desk.ActAsync(person.UserId, parse.GetValue(action) == "attest", chosen, parse.GetValue(reason), ct);
            foreach (var r in refused) await Console.Error.WriteLineAsync("refused: " + r);
            Console.WriteLine(parse.GetValue(GlobalOptions.Json) ? JsonSerializer.Serialize(new { done, refused }) : $"{done} transaction(s) {parse.GetValue(action)}ed, {refused.Count} refused.");
            return refused.Count == 0 ? Cli.Ok : Cli.InputError;
        }, ct));

        var period = new Option<string>("--period") { Description = "The payroll period YYYY-MM to close", Required = true };
        var outDir = new Option<string>("--out") { Description = "Folder for the payroll export file", DefaultValueFactory = _ => Path.Combine("out", "payroll") };
        var post = new Command("post", "Cut-off: post the period's attested transactions (one voucher), write the export file, carry the unattested to the next period") { period, outDir };
        post.SetAction((parse, ct) => With(parse, async (desk, _) =>
        {
            var r = await desk.PostAsync(parse.GetValue(period)!, parse.GetValue(outDir)!, ct);
            Console.WriteLine(parse.GetValue(GlobalOptions.Json) ? JsonSerializer.Serialize(r)
                : string.Create(CultureInfo.InvariantCulture, $"{r.Posted} transaction(s) and {r.TravelPosted} travel claim line(s) posted on voucher {r.Voucher ?? "-"} ({r.Amount:N2}), {r.Carried} transaction(s) and {r.TravelCarried} claim line(s) carried to the next period; export {r.ExportFile}"));
            return Cli.Ok;
        }, ct));
        return new Command("payroll", "Payroll attestation and posting") { list, act, post };
    }

    private static Task<int> With(ParseResult parse, Func<PayrollDesk, IServiceProvider, Task<int>> run, CancellationToken ct) => Cli.Guard(parse, async () =>
    {
        using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
        using var scope = host.Services.CreateScope();
        return await run(scope.ServiceProvider.GetRequiredService<PayrollDesk>(), scope.ServiceProvider);
    });
}
