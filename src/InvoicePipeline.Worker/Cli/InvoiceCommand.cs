using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.Review;
using InvoicePipeline.Worker.Csv;
using InvoicePipeline.Worker.Dashboard;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Cli;

/// <summary>`invoice show|list|act`: the same review service and rules as the dashboard, for scripts and terminals.</summary>
public static class InvoiceCommand
{
    public static Command Build()
    {
        var id = new Argument<long>("ID") { Description = "Invoice id" };
        var show = new Command("show", "An invoice in full: header, lines, exceptions, decisions, history") { id };
        show.SetAction((parse, ct) => WithDb(parse, async (db, _) =>
        {
            var i = await db.Invoices.AsNoTracking().Include(x => x.Lines).Include(x => x.Issues).SingleOrDefaultAsync(x => x.Id == parse.GetValue(id), ct)
                ?? throw new ConfigurationException($"invoice {parse.GetValue(id)} does not exist");
            var decisions = await db.Decisions.AsNoTracking().Where(d => d.InvoiceId == i.Id).OrderBy(d => d.Id).ToListAsync(ct);
            var posting = InvoiceStates.VoucherOf(db, i.Id);
            var history = InvoiceStates.History(db, i.Id, posting);
            var voucher = posting is null ? null : string.Create(CultureInfo.InvariantCulture, $"{posting.Series}{posting.Number}");
            var state = InvoiceStates.Effective(i.Status, posting is not null);
            var voucherLines = posting is null ? [] : await db.VoucherLines.AsNoTracking().Where(l => l.VoucherId == posting.Id).OrderBy(l => l.LineNo).ToListAsync(ct);
            var kind = DocumentSign.Describe(i.Kind, i.Sign);
            var responses = await db.SentResponses.AsNoTracking().Where(r => r.InvoiceId == i.Id).OrderBy(r => r.Id).ToListAsync(ct);
            var payments = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == i.Id).OrderBy(p => p.Id).ToListAsync(ct);
            if (parse.GetValue(GlobalOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    i.Id, kind, organisation = i.OrganisationId, i.SupplierId, i.SellerName, i.InvoiceNumber, i.IssueDate, i.DueDate, i.Currency, i.TotalInclVat, i.Prepaid,
                    i.Payable,
                    status = state.ToString(), voucher, Match = i.Match.Name(), i.MatchRef,
                    duplicateOf = i.DuplicateOf,
                    lines = i.Lines.OrderBy(l => l.LineNo).Select(l => new
                    {
                        l.LineId, kind = l.Kind.ToString(), l.Description, l.Quantity, l.UnitPrice, l.NetAmount, l.VatCategory, l.VatRate,
                        l.PoNumber, l.PoLine, l.Account, l.CostCentre, l.Project, l.CodingSource,
                    }),
                    voucherLines = voucherLines.Select(l => new
                    {
                        l.LineNo, l.Account, debit = l.Amount > 0 ? l.Amount : (decimal?)null, credit = l.Amount < 0 ? -l.Amount : (decimal?)null,
                        l.CostCentre, l.Project, l.Text,
                    }),
                    exceptions = i.Issues.Select(e => new { e.Code, e.Reason, e.ResolvedBy, e.Resolution }),
                    decisions = decisions.Select(d => new { d.Step, d.Rule, d.Explanation, d.PolicyVersion }),
                    history = history.Select(h => new { h.At, h.Actor, h.Action, h.FromStatus, h.ToStatus, h.Reason }),
                    payments = payments.Select(p => new
                    {
                        p.PaymentFileId, p.Amount, p.Currency, p.ExecutionDate, active = p.ActiveInvoiceId is not null, p.BankStatus, p.BankReason, p.BookingDate, p.BankReference,
                    }),
                    responses = responses.Select(r => new { r.EventKey, r.Status, r.Format, r.ResponseId, r.FileName, r.CreatedAt, r.WrittenAt, r.Summary, r.Note }),
                }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
                return 0;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"#{i.Id} {kind} {i.SupplierId} {i.SellerName} {i.InvoiceNumber} {i.IssueDate:yyyy-MM-dd} {i.TotalInclVat:N2} {i.Currency}: {state}{(voucher is null ? "" : " " + voucher)} ({i.Match.Name()} {i.MatchRef})"));
            if (i.DuplicateOf is { } earlier) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  duplicate of invoice #{earlier}"));
            if (i.Prepaid is { } prepaid) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  prepaid {prepaid:N2}, amount due {i.Payable:N2} {i.Currency}"));
            foreach (var l in i.Lines.OrderBy(l => l.LineNo))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(l.Kind == InvoicePipeline.Coding.LineKind.Line ? "line" : l.Kind.ToString().ToLowerInvariant())} {l.LineId}: {l.Quantity} × {l.UnitPrice} = {l.NetAmount:N2} {l.VatCategory}{l.VatRate:0.##}  {l.PoNumber}/{l.PoLine}  {l.Account} {l.CostCentre} {l.Project} ({l.CodingSource})"));
            foreach (var l in voucherLines)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  voucher {voucher} line {l.LineNo}: {l.Account,-6} {(l.Amount > 0 ? "debit " : "credit")} {Math.Abs(l.Amount),14:N2}  {l.CostCentre} {l.Project}"));
            foreach (var e in i.Issues) Console.WriteLine($"  {e.Code}: {e.Reason}{(e.ResolvedBy is null ? "" : $" [resolved by {e.ResolvedBy}: {e.Resolution}]")}");
            foreach (var d in decisions) Console.WriteLine($"  decision {d.Step}/{d.Rule}: {d.Explanation}");
            foreach (var h in history) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {h.At:yyyy-MM-dd HH:mm} {h.Actor} {h.Action}: {h.FromStatus} → {h.ToStatus} {h.Reason}"));
            foreach (var p in payments)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  payment file {p.PaymentFileId}: {p.Amount:N2} {p.Currency} on {p.ExecutionDate:yyyy-MM-dd}{(p.ActiveInvoiceId is null ? " (inactive)" : "")}{(p.BankStatus is null ? "" : $", bank: {p.BankStatus}")}{(p.BookingDate is { } booked ? $" {booked:yyyy-MM-dd}" : "")}{(p.BankReference is null ? "" : $" ref {p.BankReference}")}{(p.BankReason is null ? "" : $" ({p.BankReason})")}"));
            foreach (var r in responses)
                Console.WriteLine(r.FileName is null
                    ? $"  response {r.EventKey} ({r.Status}): not sent: {r.Note}"
                    : string.Create(CultureInfo.InvariantCulture, $"  response {r.EventKey} ({r.Status}) sent {r.CreatedAt:yyyy-MM-dd HH:mm} as {r.Format}: {r.FileName}{(r.Summary is null ? "" : " — " + r.Summary)}"));
            return 0;
        }, ct));

        var status = new Option<InvoiceStatus?>("--status") { Description = "Only invoices with this status" };
        var list = new Command("list", "Invoices, optionally by status") { status };
        list.SetAction((parse, ct) => WithDb(parse, async (db, _) =>
        {
            var q = db.Invoices.AsNoTracking();
            if (parse.GetValue(status) is { } s) q = q.WithStatus(db, s);
            var rows = (await q.OrderBy(i => i.Id).Take(10_000)
                    .Select(i => new { i.Id, i.SupplierId, i.InvoiceNumber, i.TotalInclVat, i.Currency, i.Status, Voucher = db.Vouchers.Any(v => v.InvoiceId == i.Id), i.Exceptions }).ToListAsync(ct))
                .Select(i => new { i.Id, i.SupplierId, i.InvoiceNumber, i.TotalInclVat, i.Currency, Status = InvoiceStates.Effective(i.Status, i.Voucher), i.Exceptions }).ToList();
            if (parse.GetValue(GlobalOptions.Json)) Console.WriteLine(JsonSerializer.Serialize(rows.Select(r => new { r.Id, r.SupplierId, r.InvoiceNumber, r.TotalInclVat, r.Currency, status = r.Status.ToString(), r.Exceptions })));
            else foreach (var r in rows) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Id,6} {r.SupplierId,-8} {r.InvoiceNumber,-14} {r.TotalInclVat,14:N2} {r.Currency} {r.Status,-20} {r.Exceptions}"));
            return 0;
        }, ct));

        var user = CliIdentity.UserOption();
        var action = new Option<ReviewAction?>("--action")
        {
            Description = "Accept, Reject, Hold, Release, Attest, SendBack, PickMatch, Recode, CorrectScan, AssignOrganisation (--reason: the organisation id)",
        };
        var reason = new Option<string?>("--reason") { Description = "Why (required to accept, reject, hold or send back)" };
        var invoice = new Option<long?>("--invoice") { Description = "Invoice id" };
        var file = new Option<string?>("--file") { Description = "Batch: a CSV with columns invoice_id,action,reason (one decision per row)" };
        var act = new Command("act", "Act on invoices as a user, with the same rules as the dashboard") { user, action, reason, invoice, file };
        act.SetAction((parse, ct) => WithDb(parse, async (db, sp) =>
        {
            var person = CliIdentity.Resolve(sp, parse.GetValue(user));
            var review = new InvoiceReview(db, sp.GetRequiredService<Hosting.BusinessClock>(), sp.GetRequiredService<IOptions<Hosting.PipelineOptions>>());
            var decisions = new List<(long Id, ReviewAction Action, string? Reason, string Where)>();
            if (parse.GetValue(file) is { } path)
            {
                var errors = new List<CsvError>();
                await foreach (var r in CsvRows.ReadAsync(path, ["invoice_id", "action"], errors, ct))
                {
                    var idValue = r.Decimal("invoice_id", true);
                    var a = r.Enum<ReviewAction>("action", true);
                    errors.AddRange(r.RowErrors);
                    if (r.RowErrors.Count == 0) decisions.Add(((long)idValue!.Value, a!.Value, r.Text("reason"), $"{Path.GetFileName(path)}:{r.Line}"));
                }
                if (errors.Count > 0)
                {
                    foreach (var e in errors) await Console.Error.WriteLineAsync(e.ToString());
                    throw new ConfigurationException($"{path} has errors; no decision was applied");
                }
            }
            else if (parse.GetValue(invoice) is { } one && parse.GetValue(action) is { } a) decisions.Add((one, a, parse.GetValue(reason), $"invoice {one}"));
            else throw new UsageException("give --invoice and --action, or --file");
            var refused = 0;
            foreach (var (invoiceId, a, why, where) in decisions)
            {
                var outcome = await review.ActAsync(invoiceId, person.UserId, person.Roles, a, why, ct);
                if (!outcome.Allowed) refused++;
                Console.WriteLine($"{where}: {a} {(outcome.Allowed ? "done" : "refused")}: {outcome.Message}");
            }
            return refused == 0 ? Cli.Ok : Cli.InputError;
        }, ct));
        return new Command("invoice", "Look at and act on invoices") { show, list, act };
    }

    private static Task<int> WithDb(ParseResult parse, Func<PipelineDbContext, IServiceProvider, Task<int>> run, CancellationToken ct) => Cli.Guard(parse, async () =>
    {
        using var host = await CommandHost.StartAsync(GlobalOptions.Overrides(parse), hangfireServer: false, ct);
        using var scope = host.Services.CreateScope();
        return await run(scope.ServiceProvider.GetRequiredService<PipelineDbContext>(), scope.ServiceProvider);
    });
}
