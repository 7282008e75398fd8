using System.Globalization;
using InvoicePipeline.Invoices;
using InvoicePipeline.Payments;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Payments;

public sealed record PaymentRunResult(long? FileId, string? Path, int Payments, decimal ControlSum, IReadOnlyList<WithheldPayment> Withheld);

/// <summary>
/// `payments propose`: the proposal, the pain.001 file, the payment rows and the invoices' move to Paid in one
/// transaction. The file is checked (counts and sums) before anything is committed.
/// </summary>
public sealed class PaymentRun(PipelineDbContext db, PipelineOptions options, BusinessClock clock)
{
    public async Task<PaymentRunResult> ProposeAsync(DateOnly dueBy, string path, string user, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var today = clock.DateOf(now);
        // Posted and not yet paid: attested with a voucher (InvoiceStates).
        var candidates = await (from i in db.Invoices.AsNoTracking()
                                join v in db.Vouchers.AsNoTracking() on (long?)i.Id equals v.InvoiceId
                                where i.Status == InvoiceStatus.Attested && i.SupplierId != null
                                select new { i.Id, i.SupplierId, i.InvoiceNumber, i.IssueDate, i.DueDate, i.Payable, i.Currency, i.PaymentReference, VoucherId = (long?)v.Id, i.AttestedBy, i.Kind })
            .ToListAsync(ct);
        var suppliers = await db.Suppliers.AsNoTracking().ToDictionaryAsync(s => s.SupplierId, StringComparer.Ordinal, ct);
        var changes = await db.SupplierAccountChanges.AsNoTracking().Select(c => new AccountChange(c.SupplierId, c.NewNumber, c.ChangedAt, c.VerifiedBy)).ToListAsync(ct);
        var paid = (await db.Payments.AsNoTracking().Where(p => p.ActiveInvoiceId != null).Select(p => p.InvoiceId).ToListAsync(ct)).ToHashSet();
        var plan = PaymentProposal.Propose(
            candidates.Select(c => new PayableInvoice(c.Id, c.SupplierId!, c.InvoiceNumber, c.IssueDate ?? today, c.DueDate,
                c.Kind == DocumentKind.CreditNote ? -c.Payable : c.Payable, c.Currency, c.PaymentReference, c.VoucherId)),
            suppliers, changes, paid, dueBy, today, options.Payments.QuarantineDays);
        if (plan.Payments.Count == 0) return new PaymentRunResult(null, null, 0, 0, plan.Withheld);

        var messageId = $"IP-{now.UtcDateTime:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var doc = Pain001Writer.Build(messageId, now, new Debtor(options.Ledger.CompanyName, options.Ledger.OrgNo, options.Ledger.DebtorIban, options.Ledger.DebtorBic), plan.Payments);
        var problems = Pain001Check.Check(doc);
        if (problems.Count > 0) throw new InvalidOperationException("the payment file does not add up: " + string.Join("; ", problems));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var file = new PaymentFile
        {
            MessageId = messageId, Path = Path.GetFullPath(path), CreatedAt = now, CreatedBy = user,
            Transactions = plan.Payments.Count, ControlSum = plan.Payments.Sum(p => p.Invoice.Payable),
        };
        db.PaymentFiles.Add(file);
        await db.SaveChangesAsync(ct);
        var attestedBy = candidates.ToDictionary(c => c.Id, c => c.AttestedBy);
        db.Payments.AddRange(plan.Payments.Select(p => new Payment
        {
            PaymentFileId = file.Id, InvoiceId = p.Invoice.InvoiceId, ActiveInvoiceId = p.Invoice.InvoiceId, SupplierId = p.Supplier.SupplierId,
            AccountKind = p.Account.Kind.ToString(), Account = p.Account.Number, Amount = p.Invoice.Payable, Currency = p.Invoice.Currency,
            Reference = p.Invoice.PaymentReference, ExecutionDate = p.ExecutionDate, AttestedBy = attestedBy.GetValueOrDefault(p.Invoice.InvoiceId),
            VoucherId = p.Invoice.VoucherId,
        }));
        var ids = plan.Payments.Select(p => p.Invoice.InvoiceId).ToList();
        await db.Invoices.Where(i => ids.Contains(i.Id) && i.Status == InvoiceStatus.Attested).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvoiceStatus.Paid), ct);
        db.History.AddRange(plan.Payments.Select(p => new StatusChange
        {
            SubjectId = p.Invoice.InvoiceId, At = now, Actor = user, Action = "pay", FromStatus = nameof(InvoiceStatus.Posted), ToStatus = nameof(InvoiceStatus.Paid),
            Reason = string.Create(CultureInfo.InvariantCulture, $"payment file {messageId}, {p.Account}, execution {p.ExecutionDate:yyyy-MM-dd}"),
        }));
        await db.SaveChangesAsync(ct);
        Pain001Writer.Save(doc, path);
        await tx.CommitAsync(ct);
        return new PaymentRunResult(file.Id, path, plan.Payments.Count, file.ControlSum, plan.Withheld);
    }

    /// <summary>Cancels a payment file that the bank did not execute: its invoices are posted and unpaid again.</summary>
    public async Task<int> CancelAsync(long fileId, string user, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var file = await db.PaymentFiles.SingleOrDefaultAsync(f => f.Id == fileId, ct) ?? throw new ConfigurationException($"payment file {fileId} does not exist");
        if (file.Cancelled) return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        file.Cancelled = true;
        file.CancelledBy = user;
        file.CancelledAt = now;
        var ids = await db.Payments.Where(p => p.PaymentFileId == fileId).Select(p => p.InvoiceId).ToListAsync(ct);
        await db.Payments.Where(p => p.PaymentFileId == fileId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ActiveInvoiceId, (long?)null), ct);
        // Back to posted: attested with its voucher (InvoiceStates).
        await db.Invoices.Where(i => ids.Contains(i.Id) && i.Status == InvoiceStatus.Paid).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvoiceStatus.Attested), ct);
        db.History.AddRange(ids.Select(id => new StatusChange
        {
            SubjectId = id, At = now, Actor = user, Action = "cancel-payment", FromStatus = nameof(InvoiceStatus.Paid), ToStatus = nameof(InvoiceStatus.Posted),
            Reason = $"payment file {file.MessageId} cancelled",
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ids.Count;
    }

    /// <summary>A finance user records that a changed supplier account was verified (e.g. by calling the supplier).</summary>
    public async Task<int> VerifyAccountAsync(string supplierId, string user, CancellationToken ct)
    {
        var now = clock.UtcNow;
        return await db.SupplierAccountChanges.Where(c => c.SupplierId == supplierId && c.VerifiedBy == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.VerifiedBy, user).SetProperty(c => c.VerifiedAt, now), ct);
    }
}
