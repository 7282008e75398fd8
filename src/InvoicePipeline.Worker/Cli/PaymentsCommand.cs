using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Payments;
using InvoicePipeline.Worker.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`payments propose`, `payments cancel`, `payments verify-account`.</summary>
public static class PaymentsCommand
{
    private static readonly Option<string> User = new("--user") { Description = "Who does it (recorded in the history)", DefaultValueFactory = _ => Environment.UserName };

    public static Command Build()
    {
        var dueBy = new Option<DateOnly>("--due-by") { Description = "Pay posted, attested, unpaid invoices due on or before this date", Required = true };
        var outFile = new Option<string>("--out") { Description = "The pain.001.001.03 file to write", Required = true };
        var propose = new Command("propose", "ISO 20022 pain.001.001.03 credit transfers for posted, attested, unpaid invoices due by the date") { dueBy, outFile, User };
        propose.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            var path = Path.GetFullPath(parse.GetValue(outFile)!);
            if (Path.GetDirectoryName(path) is { } dir && !Directory.Exists(dir)) throw new ConfigurationException($"folder '{dir}' does not exist");
            using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
            var r = await Run(host).ProposeAsync(parse.GetValue(dueBy), path, parse.GetValue(User)!, ct);
            if (parse.GetValue(GlobalOptions.Json))
                Console.WriteLine(JsonSerializer.Serialize(new { file = r.Path, fileId = r.FileId, payments = r.Payments, controlSum = r.ControlSum, withheld = r.Withheld.Select(w => new { invoiceId = w.Invoice.InvoiceId, supplierId = w.Invoice.SupplierId, reason = w.Reason }) }));
            else
            {
                Console.WriteLine(r.Path is null ? "Nothing to pay." : string.Create(CultureInfo.InvariantCulture, $"{r.Path}: {r.Payments} payment(s), control sum {r.ControlSum:0.00} (payment file {r.FileId})"));
                foreach (var w in r.Withheld) Console.WriteLine($"withheld: invoice {w.Invoice.InvoiceId} ({w.Invoice.SupplierId} {w.Invoice.InvoiceNumber}): {w.Reason}");
            }
            return Cli.Ok;
        }));

        var fileId = new Option<long>("--file-id") { Description = "The payment file to cancel", Required = true };
        var cancel = new Command("cancel", "Cancel a payment file the bank did not execute; its invoices become payable again") { fileId, User };
        cancel.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
            var n = await Run(host).CancelAsync(parse.GetValue(fileId), parse.GetValue(User)!, ct);
            Console.WriteLine(parse.GetValue(GlobalOptions.Json) ? JsonSerializer.Serialize(new { invoices = n }) : $"{n} invoice(s) are payable again.");
            return Cli.Ok;
        }));

        var supplier = new Option<string>("--supplier") { Description = "Supplier whose changed account was verified", Required = true };
        var verify = new Command("verify-account", "Record (as finance) that a supplier's changed account was verified; ends its quarantine") { supplier, User };
        verify.SetAction((parse, ct) => Cli.Guard(parse, async () =>
        {
            using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
            var n = await Run(host).VerifyAccountAsync(parse.GetValue(supplier)!, parse.GetValue(User)!, ct);
            Console.WriteLine(parse.GetValue(GlobalOptions.Json) ? JsonSerializer.Serialize(new { verified = n }) : $"{n} account change(s) verified.");
            return Cli.Ok;
        }));
        return new Command("payments", "Payment files (pain.001) and bank-account controls") { propose, cancel, verify };
    }

    private static PaymentRun Run(IHost host)
    {
        var scope = host.Services.CreateScope();
        var sp = scope.ServiceProvider;
        return new PaymentRun(sp.GetRequiredService<PipelineDbContext>(), sp.GetRequiredService<IOptions<PipelineOptions>>().Value, sp.GetRequiredService<BusinessClock>());
    }
}
