using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InvoicePipeline.Payments;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Payments;
using InvoicePipeline.Worker.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Cli;

/// <summary>
/// `payments propose|approve|export|cancel|verify-account|pending-accounts`: every one acts as the person of the
/// operating-system account or personal token (<see cref="CliIdentity"/>), and each needs the finance role.
/// </summary>
public static class PaymentsCommand
{
    public static Command Build()
    {
        var user = CliIdentity.UserOption();
        var dueBy = new Option<DateOnly>("--due-by") { Description = "Pay posted, attested, unpaid invoices due on or before this date", Required = true };
        var outFile = new Option<string>("--out") { Description = "The pain.001.001.03 file to write for review (never over an existing file)", Required = true };
        var organisation = new Option<string?>("--organisation") { Description = "The organisation whose invoices are paid from its account (needed when the centre has several)" };
        var propose = new Command("propose", "Propose credit transfers (pain.001.001.03) for posted, attested, unpaid invoices due by the date; another finance user releases them")
        {
            dueBy, outFile, user, organisation,
        };
        propose.SetAction((parse, ct) => With(parse, user, "propose payments", async (run, person) =>
        {
            var path = Path.GetFullPath(parse.GetValue(outFile)!);
            if (Path.GetDirectoryName(path) is { } dir && !Directory.Exists(dir)) throw new ConfigurationException($"folder '{dir}' does not exist");
            var r = await run.ProposeAsync(parse.GetValue(dueBy), path, person.UserId, ct, parse.GetValue(organisation));
            if (parse.GetValue(GlobalOptions.Json))
                Console.WriteLine(JsonSerializer.Serialize(new { file = r.Path, fileId = r.FileId, payments = r.Payments, controlSum = r.ControlSum, withheld = r.Withheld.Select(w => new { invoiceId = w.Invoice.InvoiceId, supplierId = w.Invoice.SupplierId, reason = w.Reason }) }));
            else
            {
                Console.WriteLine(r.Path is null ? "Nothing to pay." : string.Create(CultureInfo.InvariantCulture, $"{r.Path}: {r.Payments} payment(s), control sum {r.ControlSum:0.00}, proposed as payment file {r.FileId}; another finance user releases it with 'payments approve --file-id {r.FileId}'"));
                foreach (var w in r.Withheld) Console.WriteLine($"withheld: invoice {w.Invoice.InvoiceId} ({w.Invoice.SupplierId} {w.Invoice.InvoiceNumber}): {w.Reason}");
            }
            return Cli.Ok;
        }, ct));

        var fileId = new Option<long>("--file-id") { Description = "The payment file", Required = true };
        var approve = new Command("approve", "Release a proposed payment file to the bank channel (Pipeline:Payments:Outbox): another finance user than its proposer; its invoices become Paid") { fileId, user };
        approve.SetAction((parse, ct) => With(parse, user, "release payment files", async (run, person) =>
        {
            var r = await run.ApproveAsync(parse.GetValue(fileId), person.UserId, person.Roles, ct);
            Console.WriteLine(parse.GetValue(GlobalOptions.Json) ? JsonSerializer.Serialize(r)
                : string.Create(CultureInfo.InvariantCulture, $"payment file {r.FileId} ({r.MessageId}) released by {person.UserId}: {r.Payments} invoice(s) paid, control sum {r.ControlSum:0.00}, {r.OutboxPath}"));
            return Cli.Ok;
        }, ct));

        var exportOut = new Option<string>("--out") { Description = "Where to write the stored file (never over an existing file)", Required = true };
        var export = new Command("export", "Write a payment file's stored pain.001 again: the same bytes, the same MsgId") { fileId, exportOut, user };
        export.SetAction((parse, ct) => With(parse, user, "export payment files", async (run, _) =>
        {
            var path = await run.ExportAsync(parse.GetValue(fileId), parse.GetValue(exportOut)!, ct);
            Console.WriteLine(parse.GetValue(GlobalOptions.Json) ? JsonSerializer.Serialize(new { file = path }) : path);
            return Cli.Ok;
        }, ct));

        var cancel = new Command("cancel", "Cancel a payment file the bank did not execute; its invoices become payable again") { fileId, user };
        cancel.SetAction((parse, ct) => With(parse, user, "cancel payment files", async (run, person) =>
        {
            var n = await run.CancelAsync(parse.GetValue(fileId), person.UserId, ct);
            Console.WriteLine(parse.GetValue(GlobalOptions.Json) ? JsonSerializer.Serialize(new { invoices = n }) : $"{n} invoice(s) are payable again.");
            return Cli.Ok;
        }, ct));

        var supplier = new Option<string>("--supplier") { Description = "Supplier whose new or changed account was verified", Required = true };
        var account = new Option<string>("--account") { Description = "The account number verified (bankgiro, plusgiro or IBAN): only this number leaves quarantine", Required = true };
        var verify = new Command("verify-account", "Record (as finance, not the importer) that this account number of the supplier was verified; ends its quarantine") { supplier, account, user };
        verify.SetAction((parse, ct) => With(parse, user, "verify supplier accounts", async (run, person) =>
        {
            var n = await run.VerifyAccountAsync(parse.GetValue(supplier)!, parse.GetValue(account)!, person.UserId, person.Roles, ct);
            Console.WriteLine(parse.GetValue(GlobalOptions.Json) ? JsonSerializer.Serialize(new { verified = n }) : $"account {parse.GetValue(account)} of {parse.GetValue(supplier)} verified by {person.UserId}.");
            return Cli.Ok;
        }, ct));

        var pending = new Command("pending-accounts", "New or changed supplier accounts waiting for verification") { user };
        pending.SetAction((parse, ct) => With(parse, user, "see pending account verifications", async (run, _) =>
        {
            var rows = await run.PendingAsync(ct);
            if (parse.GetValue(GlobalOptions.Json)) Console.WriteLine(JsonSerializer.Serialize(rows));
            else foreach (var r in rows) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.SupplierId,-8} {r.Kind,-9} {r.Number,-34} imported {r.ChangedAt:yyyy-MM-dd} by {r.ImportedBy ?? "-"}"));
            return Cli.Ok;
        }, ct));
        return new Command("payments", "Payment files (pain.001) with two people, and bank-account controls") { propose, approve, export, cancel, verify, pending };
    }

    private static Task<int> With(ParseResult parse, Option<string?> user, string what, Func<PaymentRun, CliPerson, Task<int>> run, CancellationToken ct) => Cli.Guard(parse, async () =>
    {
        using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
        using var scope = host.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var person = CliIdentity.Resolve(sp, parse.GetValue(user)).Require(PaymentRelease.FinanceRole, what);
        return await run(new PaymentRun(sp.GetRequiredService<PipelineDbContext>(), sp.GetRequiredService<IOptions<PipelineOptions>>().Value, sp.GetRequiredService<BusinessClock>()), person);
    });
}
