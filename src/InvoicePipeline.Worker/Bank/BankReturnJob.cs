using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using Hangfire;
using InvoicePipeline.Invoices;
using InvoicePipeline.Payments;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvoicePipeline.Worker.Bank;

public sealed record BankReturnRun(int Files, int Confirmed, int Rejected, int Accepted, IReadOnlyList<string> Unmatched, IReadOnlyList<string> Errors);

/// <summary>
/// Reads the bank's returns from &lt;inbox&gt;/bank/ (pain.002 payment status reports, camt.054 debit notifications), each
/// file once (by SHA-256), and applies them with the core's rules (<see cref="BankReturns.Match"/>,
/// <see cref="BankSettlement.Decide"/>) in one transaction per file: a booked payment makes its invoice Paid (booking date
/// and bank reference kept on the payment), a rejected or returned one puts the invoice back to payable (Posted, the
/// payment row inactive) with the bank's reason in the history; a statement that matches nothing, or contradicts what
/// we hold, is stored with the file, logged and in the run report. A file that cannot be read is kept with the reason.
/// </summary>
public sealed class BankReturnJob(PipelineDbContext db, BusinessClock clock, ILogger<BankReturnJob> log)
{
    /// <summary>Payment files released within this many days are matched against (older ones are long settled).</summary>
    private const int LookBackDays = 400;

    [Queue("default")]
    public async Task<BankReturnRun> RunAsync(string inbox, string? runId, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetFullPath(inbox), "bank");
        var (files, confirmed, rejected, accepted) = (0, 0, 0, 0);
        var unmatched = new List<string>();
        var errors = new List<string>();
        if (!Directory.Exists(folder)) return new BankReturnRun(0, 0, 0, 0, unmatched, errors);
        foreach (var path in Directory.EnumerateFiles(folder, "*.xml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var name = "bank/" + Path.GetFileName(path);
            var bytes = await File.ReadAllBytesAsync(path, ct);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (await db.BankReturnFiles.AsNoTracking().AnyAsync(f => f.Sha256 == sha, ct)) continue;
            files++;
            var row = new BankReturnFile { FileName = name, Sha256 = sha, ReadAt = clock.UtcNow, RunId = runId };
            BankFile read;
            try
            {
                read = BankReturnReader.Read(name, bytes);
            }
            catch (BankFileException e)
            {
                row.Error = e.Message.Length > 4000 ? e.Message[..4000] : e.Message;
                db.BankReturnFiles.Add(row);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                errors.Add(row.Error);
                log.BankFileUnreadable(name, row.Error);
                continue;
            }
            row.Kind = read.Kind;
            row.MessageId = read.MessageId;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var sent = await SentAsync(ct);
            var result = BankReturns.Match(read.Entries, sent.Payments);
            var problems = result.Unmatched.Select(u => u.Why).ToList();
            db.BankReturnFiles.Add(row);
            await db.SaveChangesAsync(ct);
            foreach (var outcome in result.Outcomes)
            {
                var file = sent.FileOf[outcome.InvoiceId];
                var settled = await db.Payments.Where(p => p.PaymentFileId == file && (p.TransferInvoiceId ?? p.InvoiceId) == outcome.InvoiceId).ToListAsync(ct);
                // Counted per credit transfer (the invoice and the credit notes netted against it move together).
                var kinds = new HashSet<SettlementKind>();
                foreach (var payment in settled)
                {
                    var invoice = await db.Invoices.SingleAsync(i => i.Id == payment.InvoiceId, ct);
                    var current = invoice.Status == InvoiceStatus.Attested ? InvoiceStatus.Posted : invoice.Status;
                    var recorded = Enum.TryParse<BankStatus>(payment.BankStatus, out var r) ? r : (BankStatus?)null;
                    var step = BankSettlement.Decide(outcome, current, payment.ActiveInvoiceId is not null, recorded);
                    kinds.Add(step.Kind);
                    switch (step.Kind)
                    {
                        case SettlementKind.None:
                            break;
                        case SettlementKind.Conflict:
                            problems.Add($"invoice {invoice.Id} ({invoice.InvoiceNumber}): {step.Reason}");
                            break;
                        case SettlementKind.Accepted:
                            (payment.BankStatus, payment.BankFileId) = (nameof(BankStatus.Accepted), row.Id);
                            break;
                        case SettlementKind.Paid or SettlementKind.Confirmed:
                            (payment.BankStatus, payment.BankFileId, payment.BookingDate, payment.BankReference) =
                                (nameof(BankStatus.Booked), row.Id, outcome.BookingDate, outcome.BankReference);
                            if (step.Kind == SettlementKind.Paid) invoice.Status = InvoiceStatus.Paid;
                            History(invoice.Id, step.Kind == SettlementKind.Paid ? "bank-paid" : "bank-confirm", current, InvoiceStatus.Paid, step.Reason, runId);
                            break;
                        case SettlementKind.BackToPayable:
                            (payment.BankStatus, payment.BankFileId, payment.BankReason, payment.ActiveInvoiceId) =
                                (nameof(BankStatus.Rejected), row.Id, BankSettlement.BankReason(outcome), null);
                            if (invoice.Status == InvoiceStatus.Paid) invoice.Status = InvoiceStatus.Attested;
                            History(invoice.Id, "bank-return", current, InvoiceStatus.Posted, step.Reason, runId);
                            log.PaymentReturned(invoice.Id, step.Reason);
                            break;
                    }
                }
                if (kinds.Contains(SettlementKind.Accepted)) row.Accepted++;
                if (kinds.Contains(SettlementKind.Paid) || kinds.Contains(SettlementKind.Confirmed)) row.Confirmed++;
                if (kinds.Contains(SettlementKind.BackToPayable)) row.Rejected++;
            }
            (confirmed, rejected, accepted) = (confirmed + row.Confirmed, rejected + row.Rejected, accepted + row.Accepted);
            foreach (var p in problems) log.BankEntryUnmatched(name, p);
            unmatched.AddRange(problems.Select(p => $"{name}: {p}"));
            row.UnmatchedCount = problems.Count;
            var text = string.Join("\n", problems);
            row.Unmatched = text.Length > 100_000 ? text[..100_000] : text;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            log.BankFileRead(name, read.Kind, row.Confirmed, row.Rejected, row.Accepted);
        }
        return new BankReturnRun(files, confirmed, rejected, accepted, unmatched, errors);
    }

    private void History(long invoiceId, string action, InvoiceStatus from, InvoiceStatus to, string reason, string? runId) => db.History.Add(new StatusChange
    {
        SubjectId = invoiceId, At = clock.UtcNow, Actor = "bank", Action = action, FromStatus = from.ToString(), ToStatus = to.ToString(),
        Reason = reason.Length > 4000 ? reason[..4000] : reason, RunId = runId,
    });

    private sealed record Sent(List<SentPayment> Payments, Dictionary<long, long> FileOf);

    /// <summary>The credit transfers of the released payment files, as they left (read from the stored pain.001): the ids the bank quotes back.</summary>
    private async Task<Sent> SentAsync(CancellationToken ct)
    {
        var since = clock.UtcNow.AddDays(-LookBackDays);
        var released = await db.PaymentFiles.AsNoTracking().Where(f => f.ReleasedBy != null && f.ReleasedAt >= since && f.Xml != "")
            .OrderBy(f => f.Id).Select(f => new { f.Id, f.Xml }).ToListAsync(ct);
        var payments = new List<SentPayment>();
        var fileOf = new Dictionary<long, long>();
        foreach (var f in released)
        {
            var doc = XDocument.Parse(f.Xml);
            XNamespace ns = doc.Root!.Name.Namespace;
            var messageId = doc.Root.Descendants(ns + "GrpHdr").Select(g => (string?)g.Element(ns + "MsgId")).FirstOrDefault() ?? "";
            foreach (var block in doc.Root.Descendants(ns + "PmtInf"))
            {
                var blockId = (string?)block.Element(ns + "PmtInfId") ?? "";
                foreach (var tx in block.Elements(ns + "CdtTrfTxInf"))
                {
                    var endToEnd = (string?)tx.Element(ns + "PmtId")?.Element(ns + "EndToEndId");
                    var amount = tx.Element(ns + "Amt")?.Element(ns + "InstdAmt");
                    if (endToEnd is null || amount is null || !endToEnd.StartsWith("INV-", StringComparison.Ordinal)
                        || !long.TryParse(endToEnd.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var invoiceId))
                        continue;
                    payments.Add(new SentPayment(invoiceId, messageId, blockId, endToEnd,
                        decimal.Parse(amount.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), (string?)amount.Attribute("Ccy") ?? ""));
                    fileOf[invoiceId] = f.Id;
                }
            }
        }
        // An invoice paid again after a rejection is in two files: the later one (higher id) is the one the bank answers.
        var latest = payments.GroupBy(p => p.EndToEndId).Select(g => g.Last()).ToList();
        return new Sent(latest, fileOf);
    }
}
