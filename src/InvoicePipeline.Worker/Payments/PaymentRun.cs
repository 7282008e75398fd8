using System.Globalization;
using InvoicePipeline.Invoices;
using InvoicePipeline.Payments;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Payments;

public sealed record PaymentRunResult(long? FileId, string? Path, int Payments, decimal ControlSum, IReadOnlyList<WithheldPayment> Withheld);

public sealed record PaymentReleaseResult(long FileId, string MessageId, string OutboxPath, int Payments, decimal ControlSum);

public sealed record AccountVerification(string SupplierId, string Number, string Kind, string? ImportedBy, DateTimeOffset ChangedAt);

/// <summary>
/// Payments with two people: `payments propose` stores the proposal (the pain.001 XML, its payment rows, the history)
/// in one transaction, and only after commit writes the file for review (temporary file, flushed, renamed; never over
/// an existing one). `payments approve` by another finance user releases it: the invoices become Paid in that
/// transaction, and after commit the stored XML goes to the bank channel (Pipeline:Payments:Outbox). A crash after
/// a commit loses no file: the stored XML is exported again, with the same MsgId.
/// </summary>
public sealed class PaymentRun(PipelineDbContext db, PipelineOptions options, BusinessClock clock)
{
    /// <summary>
    /// Proposes one organisation's payments (organisations.md): its posted invoices, paid from its own account. With
    /// several organisations <paramref name="organisationId"/> is needed (exit 2 with the list of ids otherwise).
    /// </summary>
    public async Task<PaymentRunResult> ProposeAsync(DateOnly dueBy, string path, string user, CancellationToken ct, string? organisationId = null)
    {
        var organisation = Organisations.OrganisationBook.Choose(await Organisations.OrganisationBook.LoadAsync(db, options, ct), organisationId);
        var org = organisation.OrganisationId;
        path = Path.GetFullPath(path);
        if (File.Exists(path)) throw new ConfigurationException($"'{path}' already exists and is not overwritten");
        var now = clock.UtcNow;
        var today = clock.DateOf(now);
        // Posted and not yet paid: attested with a voucher (InvoiceStates).
        var candidates = await (from i in db.Invoices.AsNoTracking()
                                join v in db.Vouchers.AsNoTracking() on (long?)i.Id equals v.InvoiceId
                                where i.OrganisationId == org && i.Status == InvoiceStatus.Attested && i.SupplierId != null
                                select new { i.Id, i.SupplierId, i.InvoiceNumber, i.IssueDate, i.DueDate, i.Payable, i.Currency, i.PaymentReference, VoucherId = (long?)v.Id, i.AttestedBy, i.Sign })
            .ToListAsync(ct);
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => s.OrganisationId == org).ToDictionaryAsync(s => s.SupplierId, StringComparer.Ordinal, ct);
        var changes = await db.SupplierAccountChanges.AsNoTracking().Where(c => c.OrganisationId == org).Select(c => new AccountChange(c.SupplierId, c.NewNumber, c.ChangedAt, c.VerifiedBy, c.ImportedBy)).ToListAsync(ct);
        var paid = (await db.Payments.AsNoTracking().Where(p => p.ActiveInvoiceId != null).Select(p => p.InvoiceId).ToListAsync(ct)).ToHashSet();
        var plan = PaymentProposal.Propose(
            candidates.Select(c => new PayableInvoice(c.Id, c.SupplierId!, c.InvoiceNumber, c.IssueDate ?? today, c.DueDate,
                DocumentSign.Signed(c.Payable, c.Sign), c.Currency, c.PaymentReference, c.VoucherId)),
            suppliers, changes, paid, dueBy, today);
        if (plan.Payments.Count == 0) return new PaymentRunResult(null, null, 0, 0, plan.Withheld);

        var messageId = $"IP-{now.UtcDateTime:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var doc = Pain001Writer.Build(messageId, now, new Debtor(organisation.Name, organisation.OrgNo,
            organisation.DebtorIban ?? options.Ledger.DebtorIban, organisation.DebtorBic ?? options.Ledger.DebtorBic), plan.Payments);
        var problems = Pain001Check.Check(doc);
        if (problems.Count > 0) throw new InvalidOperationException("the payment file does not add up: " + string.Join("; ", problems));
        var bytes = Pain001Writer.Bytes(doc);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var file = new PaymentFile
        {
            OrganisationId = org, MessageId = messageId, Path = path, CreatedAt = now, CreatedBy = user,
            Transactions = plan.Payments.Count, ControlSum = plan.Payments.Sum(p => p.Amount), Xml = System.Text.Encoding.UTF8.GetString(bytes),
        };
        db.PaymentFiles.Add(file);
        await db.SaveChangesAsync(ct);
        var attestedBy = candidates.ToDictionary(c => c.Id, c => c.AttestedBy);
        // One row per settled document: the invoice with its amount, each netted credit note with its (negative) one.
        var settled = plan.Payments.SelectMany(p => p.Credits.Select(c => (Document: c, Transfer: p)).Prepend((Document: p.Invoice, Transfer: p))).ToList();
        db.Payments.AddRange(settled.Select(x => new Payment
        {
            OrganisationId = org, PaymentFileId = file.Id, InvoiceId = x.Document.InvoiceId, ActiveInvoiceId = x.Document.InvoiceId, SupplierId = x.Transfer.Supplier.SupplierId,
            AccountKind = x.Transfer.Account.Kind.ToString(), Account = x.Transfer.Account.Number, Amount = x.Document.Payable, Currency = x.Document.Currency,
            Reference = x.Document.PaymentReference, ExecutionDate = x.Transfer.ExecutionDate, AttestedBy = attestedBy.GetValueOrDefault(x.Document.InvoiceId),
            VoucherId = x.Document.VoucherId, TransferInvoiceId = x.Transfer.Invoice.InvoiceId,
        }));
        // The invoices stay posted and unpaid: the payment rows (ActiveInvoiceId) keep them out of another proposal.
        db.History.AddRange(settled.Select(x => new StatusChange
        {
            SubjectId = x.Document.InvoiceId, At = now, Actor = user, Action = "propose-payment", FromStatus = nameof(InvoiceStatus.Posted), ToStatus = nameof(InvoiceStatus.Posted),
            Reason = (x.Document == x.Transfer.Invoice
                ? string.Create(CultureInfo.InvariantCulture, $"payment file {file.Id} ({messageId}), {x.Transfer.Account}, execution {x.Transfer.ExecutionDate:yyyy-MM-dd}")
                    + (x.Transfer.Credits.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
                        $", {x.Transfer.Amount:0.00} {x.Transfer.Invoice.Currency} after netting {x.Transfer.Credits.Count} credit note(s)"))
                : string.Create(CultureInfo.InvariantCulture,
                    $"netted against invoice {x.Transfer.Invoice.InvoiceId} ({x.Transfer.Invoice.InvoiceNumber}) in payment file {file.Id} ({messageId})"))
                + ": to be released by another finance user",
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        NewFiles.Write(path, bytes);
        return new PaymentRunResult(file.Id, path, plan.Payments.Count, file.ControlSum, plan.Withheld);
    }

    /// <summary>
    /// The second person's release: refused for the proposer, a non-finance user, a cancelled or an already released
    /// file (releasing twice changes nothing). The invoices become Paid in the transaction that records the release;
    /// the stored XML is written to the outbox after commit (again, byte for byte, if the first write was lost).
    /// </summary>
    public async Task<PaymentReleaseResult> ApproveAsync(long fileId, string user, IReadOnlySet<string> roles, CancellationToken ct)
    {
        var now = clock.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db is not SqlitePipelineDbContext)
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM payment_files WHERE \"Id\" = {fileId} FOR UPDATE", ct);
        var file = await db.PaymentFiles.SingleOrDefaultAsync(f => f.Id == fileId, ct) ?? throw new ConfigurationException($"payment file {fileId} does not exist");
        var outbox = Path.GetFullPath(Path.Combine(options.Payments.Outbox, file.MessageId + ".xml"));
        if (file.State == PaymentFileState.Released)
        {
            await tx.CommitAsync(ct);
            NewFiles.Write(file.OutboxPath ?? outbox, System.Text.Encoding.UTF8.GetBytes(file.Xml));
            return new PaymentReleaseResult(file.Id, file.MessageId, file.OutboxPath ?? outbox, file.Transactions, file.ControlSum);
        }
        if (PaymentRelease.RefuseRelease(file.State, file.CreatedBy, user, roles) is { } refusal) throw new ConfigurationException($"payment file {fileId}: {refusal}");
        // One writer on SQLite: the conditional update takes the write lock, so of two releases only one changes the row.
        var claimed = await db.PaymentFiles.Where(f => f.Id == fileId && f.ReleasedBy == null && !f.Cancelled)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ReleasedBy, user).SetProperty(f => f.ReleasedAt, now).SetProperty(f => f.OutboxPath, outbox), ct);
        if (claimed == 0) throw new ConfigurationException($"payment file {fileId} was released or cancelled meanwhile");
        var ids = await db.Payments.Where(p => p.PaymentFileId == fileId && p.ActiveInvoiceId != null).Select(p => p.InvoiceId).ToListAsync(ct);
        // Pipeline:Payments:PaidOn: released = paid (release), or Paid only when the bank confirms it (bank).
        var to = BankSettlement.OnRelease(options.Payments.PaidOn);
        if (to == InvoiceStatus.Paid)
            await db.Invoices.Where(i => ids.Contains(i.Id) && i.Status == InvoiceStatus.Attested).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvoiceStatus.Paid), ct);
        db.History.AddRange(ids.Select(id => new StatusChange
        {
            SubjectId = id, At = now, Actor = user, ActorRole = PaymentRelease.FinanceRole, Action = to == InvoiceStatus.Paid ? "pay" : "release-payment",
            FromStatus = nameof(InvoiceStatus.Posted), ToStatus = to.ToString(),
            Reason = $"payment file {file.Id} ({file.MessageId}) proposed by {file.CreatedBy}, released by {user}"
                + (to == InvoiceStatus.Paid ? "" : "; Paid when the bank confirms it"),
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        NewFiles.Write(outbox, System.Text.Encoding.UTF8.GetBytes(file.Xml));
        return new PaymentReleaseResult(file.Id, file.MessageId, outbox, ids.Count, file.ControlSum);
    }

    /// <summary>Writes the stored pain.001 of a payment file again (same MsgId, same bytes) to a file that does not exist yet.</summary>
    public async Task<string> ExportAsync(long fileId, string path, CancellationToken ct)
    {
        var file = await db.PaymentFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, ct) ?? throw new ConfigurationException($"payment file {fileId} does not exist");
        if (file.Xml.Length == 0) throw new ConfigurationException($"payment file {fileId} was made before proposals were stored; it cannot be exported again");
        path = Path.GetFullPath(path);
        if (File.Exists(path)) throw new ConfigurationException($"'{path}' already exists and is not overwritten");
        NewFiles.Write(path, System.Text.Encoding.UTF8.GetBytes(file.Xml));
        return path;
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

    /// <summary>The accounts waiting for verification (new or changed, not yet verified), oldest first: the dashboard's and the CLI's list.</summary>
    public async Task<List<AccountVerification>> PendingAsync(CancellationToken ct) =>
        (await db.SupplierAccountChanges.AsNoTracking().Where(c => c.VerifiedBy == null).ToListAsync(ct))
            .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).Select(c => new AccountVerification(c.SupplierId, c.NewNumber, c.Kind, c.ImportedBy, c.ChangedAt)).ToList();

    /// <summary>
    /// A finance user records that they verified this number of the supplier (e.g. by calling the supplier on a number
    /// from the register, not from the letter that announced the change). Only that number leaves quarantine, and only
    /// when the verifier is not the one who imported it.
    /// </summary>
    public async Task<int> VerifyAccountAsync(string supplierId, string number, string user, IReadOnlySet<string> roles, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var normalised = Identifiers.AccountNumber.Normalise(number);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var pending = await db.SupplierAccountChanges.Where(c => c.SupplierId == supplierId && c.NewNumber == normalised && c.VerifiedBy == null).ToListAsync(ct);
        if (pending.Count == 0) throw new ConfigurationException($"supplier {supplierId} has no account {number} waiting for verification");
        foreach (var c in pending)
        {
            if (PaymentRelease.RefuseVerification(new AccountChange(c.SupplierId, c.NewNumber, c.ChangedAt, c.VerifiedBy, c.ImportedBy), user, roles) is { } refusal)
                throw new ConfigurationException(refusal);
            c.VerifiedBy = user;
            c.VerifiedAt = now;
        }
        db.History.Add(new StatusChange
        {
            Subject = "supplier-account", SubjectId = pending[0].Id, At = now, Actor = user, ActorRole = PaymentRelease.FinanceRole, Action = "verify-account",
            FromStatus = "Quarantine", ToStatus = "Verified", Reason = $"supplier {supplierId} account {normalised} verified by {user}",
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return pending.Count;
    }
}
