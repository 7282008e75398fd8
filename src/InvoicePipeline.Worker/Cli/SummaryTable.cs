using System.Globalization;
using InvoicePipeline.Worker.Runs;
using Spectre.Console;

namespace InvoicePipeline.Worker.Cli;

/// <summary>The run summary as a table for people.</summary>
public static class SummaryTable
{
    public static void Print(RunSummary s)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        var t = new Table().Title($"Run {s.RunId}").AddColumn("").AddColumn(new TableColumn("count").RightAligned());
        void Row(string name, object value) => t.AddRow(Markup.Escape(name), Markup.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
        Row("documents received", s.Documents.Received);
        Row("  e-invoices", s.Documents.Einvoices);
        Row("  scanned", s.Documents.Scanned);
        Row("  payroll files", s.Documents.PayrollFiles);
        if (s.Documents.TravelFiles > 0) Row("  travel claim files", s.Documents.TravelFiles);
        Row("  already seen (not processed again)", s.Documents.AlreadySeen);
        // Only on a night after a bad one: the everyday summary stays as it was.
        if (s.Documents.Adopted > 0) Row("  adopted from unfinished runs", s.Documents.Adopted);
        if (s.Documents.NotTaken > 0) Row("  not taken (links, still arriving: see the log)", s.Documents.NotTaken);
        Row("invoices accepted", s.Invoices.Accepted);
        Row("  matched to an order", s.Invoices.MatchedOrder);
        Row("  matched to a subscription", s.Invoices.MatchedSubscription);
        Row("  unmatched", s.Invoices.Unmatched);
        Row("  awaiting review", s.Invoices.AwaitingReview);
        Row("  awaiting attestation", s.Invoices.AwaitingAttestation);
        Row("  on hold", s.Invoices.OnHold);
        Row("  posted", s.Invoices.Posted);
        Row("rejected", s.Invoices.Rejected);
        Row("duplicates", s.Invoices.Duplicates);
        Row("vouchers", s.Posting.Vouchers);
        Row($"posted amount ({s.Posting.Currency})", s.Posting.Amount.ToString("N2", CultureInfo.InvariantCulture));
        if (s.Payroll.Transactions > 0)
        {
            Row("payroll transactions", s.Payroll.Transactions);
            Row("  accepted", s.Payroll.Accepted);
            Row("  rejected", s.Payroll.Rejected);
            Row("  awaiting attestation", s.Payroll.AwaitingAttestation);
            Row("  posted", s.Payroll.Posted);
        }
        if (s.Travel is { } travel)
        {
            Row("travel claims", travel.Claims);
            Row("  claim lines", travel.Lines);
            Row("  accepted", travel.Accepted);
            Row("  rejected", travel.Rejected);
            Row("  awaiting attestation", travel.AwaitingAttestation);
            Row("  posted", travel.Posted);
        }
        if (s.Bank is { } bank)
        {
            Row("bank files", bank.Files);
            Row("  payments confirmed", bank.Confirmed);
            Row("  payments returned", bank.Rejected);
            Row("  matching nothing", bank.Unmatched.Count);
            Row("  unreadable", bank.Errors.Count);
        }
        console.Write(t);
        if (s.Organisations.Count > 1)
        {
            var o = new Table().Title("Organisations").AddColumn("organisation");
            foreach (var h in new[] { "received", "posted", "awaiting review", "awaiting attestation", "rejected", "posted amount" })
                o.AddColumn(new TableColumn(h).RightAligned());
            foreach (var (id, c) in s.Organisations)
                o.AddRow(Markup.Escape(id), $"{c.Received}", $"{c.Posted}", $"{c.AwaitingReview}", $"{c.AwaitingAttestation}", $"{c.Rejected}",
                    Markup.Escape(c.PostedAmount.ToString("N2", CultureInfo.InvariantCulture) + " " + c.Currency));
            var unknown = s.Invoices.Accepted + s.Invoices.Rejected + s.Invoices.Duplicates - s.Organisations.Values.Sum(x => x.Received);
            if (unknown > 0) o.AddRow("(no organisation)", $"{unknown}", "0", "", "", "", "");
            console.Write(o);
        }
        foreach (var u in s.Bank?.Unmatched ?? []) console.MarkupLine($"[yellow]bank: {Markup.Escape(u)}[/]");
        foreach (var e in s.Bank?.Errors ?? []) console.MarkupLine($"[red]bank: {Markup.Escape(e)}[/]");
        if (s.Exceptions.Count > 0)
        {
            var e = new Table().Title("Exceptions").AddColumn("code").AddColumn(new TableColumn("invoices").RightAligned());
            foreach (var (code, n) in s.Exceptions) e.AddRow(code, n.ToString(CultureInfo.InvariantCulture));
            console.Write(e);
        }
        Console.WriteLine($"Report: {s.ReportPath}");
    }
}
