using InvoicePipeline.Decisions;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.Worker.Processing;
using InvoicePipeline.Review;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Review;

/// <summary>
/// People's actions on an invoice, for the dashboard (and the CLI): the rules of <see cref="ReviewRules"/> are checked
/// on the server for every request, and every change is written to the history with user, role, time and reason.
/// </summary>
public sealed class InvoiceReview(PipelineDbContext db, Hosting.BusinessClock clock, Microsoft.Extensions.Options.IOptions<Hosting.PipelineOptions> options)
{
    public async Task<ReviewOutcome> ActAsync(long invoiceId, string userId, IReadOnlySet<string> roles, ReviewAction action, string? reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Locks first: the posting lock shared (a posting chunk holds it exclusively until it commits, so this waits it
        // out and the voucher check below, a new statement with a new snapshot, sees what it wrote: nobody acts on a
        // posted invoice), then the invoice's row (two people acting on the same invoice go one after the other).
        await Posting.PostingLock.HoldAsync(db, shared: true, ct);
        if (db is not SqlitePipelineDbContext)
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM invoices WHERE "Id" = {invoiceId} FOR UPDATE""", ct);
        var invoice = await db.Invoices.Include(i => i.Lines).Include(i => i.Issues).SingleOrDefaultAsync(i => i.Id == invoiceId, ct);
        if (invoice is null) return ReviewOutcome.Refuse($"Invoice {invoiceId} does not exist.");
        var status = InvoiceStates.Effective(invoice.Status, await db.Vouchers.AnyAsync(v => v.InvoiceId == invoiceId, ct));
        var poNumbers = invoice.Lines.Select(l => l.PoNumber).OfType<string>().Distinct().ToList();
        // Everything the rules read is the invoice's organisation's: its orders, and the person's authority there only.
        var org = invoice.OrganisationId ?? "";
        var orderedBy = await db.PurchaseOrderLines.AsNoTracking().Where(p => p.OrganisationId == org && poNumbers.Contains(p.PoNumber) && p.OrderedBy != null)
            .Select(p => p.OrderedBy!).Distinct().ToListAsync(ct);
        var authorities = await db.Approvers.AsNoTracking().Where(a => a.OrganisationId == org && a.UserId == userId).ToListAsync(ct);
        var history = await PeopleOnAsync(db, [invoiceId], ct);
        var now = clock.UtcNow;
        var c = new ReviewCase(status, invoice.LedgerAmountExclVat,
            invoice.Lines.Select(l => l.CostCentre).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            invoice.RegisteredBy, invoice.CodedBy, invoice.ReviewedBy, orderedBy, history.GetValueOrDefault(invoiceId) ?? []);
        var outcome = ReviewRules.Decide(c, new ReviewActor(userId, roles, authorities), action, reason, clock.DateOf(now));
        if (!outcome.Allowed) return outcome;

        var from = status;
        invoice.Status = outcome.NewStatus!.Value;
        switch (action)
        {
            case ReviewAction.Recode:
                if (Recode(invoice, reason!, userId) is { } recodeError) return ReviewOutcome.Refuse(recodeError);
                break;
            case ReviewAction.PickMatch:
                var picked = await PickAsync(invoice, reason!.Trim(), userId, now, ct);
                if (!picked.Allowed) return picked;
                outcome = picked;
                break;
            case ReviewAction.AssignOrganisation:
                var assigned = await AssignAsync(invoice, reason!.Trim(), userId, now, ct);
                if (!assigned.Allowed) return assigned;
                outcome = assigned;
                break;
            case ReviewAction.CorrectScan:
                var corrected = await CorrectScanAsync(invoice, reason!, userId, now, ct);
                if (!corrected.Allowed) return corrected;
                outcome = corrected;
                break;
            case ReviewAction.Accept:
                invoice.ReviewedBy = userId;
                foreach (var issue in invoice.Issues.Where(i => i.ResolvedAt is null))
                {
                    issue.ResolvedAt = now;
                    issue.ResolvedBy = userId;
                    issue.Resolution = "accepted: " + reason;
                }
                break;
            case ReviewAction.Attest:
                invoice.AttestedBy = userId;
                invoice.AttestedAt = now;
                break;
            case ReviewAction.Reject:
                invoice.DuplicateKey = null; // a rejected invoice no longer blocks a corrected one with the same number
                break;
        }
        db.History.Add(new StatusChange
        {
            SubjectId = invoice.Id, At = now, Actor = userId, ActorRole = string.Join(',', roles.Order(StringComparer.Ordinal)),
            Action = action.ToString().ToLowerInvariant(), FromStatus = from.ToString(), ToStatus = invoice.Status.ToString(), Reason = reason,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return outcome;
    }

    /// <summary>Every person's action on the invoices (the history, without the system's), for segregation of duties.</summary>
    public static async Task<Dictionary<long, List<PersonAction>>> PeopleOnAsync(PipelineDbContext db, IReadOnlyCollection<long> invoiceIds, CancellationToken ct) =>
        (await db.History.AsNoTracking().Where(h => h.Subject == "invoice" && invoiceIds.Contains(h.SubjectId) && h.Actor != "system")
            .Select(h => new { h.SubjectId, h.Actor, h.Action, h.At }).ToListAsync(ct))
        .GroupBy(h => h.SubjectId).ToDictionary(g => g.Key, g => g.Select(h => new PersonAction(h.Actor, h.Action, h.At)).ToList());

    /// <summary>"account;cost centre;project" for every line, or "line:account;cost centre;project" for one; accounts must exist.</summary>
    private string? Recode(SupplierInvoice invoice, string value, string userId)
    {
        var target = value.Contains(':', StringComparison.Ordinal) ? value[..value.IndexOf(':', StringComparison.Ordinal)].Trim() : null;
        var parts = (target is null ? value : value[(value.IndexOf(':', StringComparison.Ordinal) + 1)..]).Split(';', StringSplitOptions.TrimEntries);
        var org = invoice.OrganisationId ?? "";
        if (!db.Accounts.Any(a => a.OrganisationId == org && a.AccountNumber == parts[0])) return $"Account {parts[0]} is not in the organisation's chart of accounts.";
        if (parts.Length < 2 || parts[1].Length == 0 || !db.CostCentres.Any(c => c.OrganisationId == org && c.Code == parts[1]))
            return $"Cost centre {(parts.Length > 1 ? parts[1] : "(none)")} does not exist in the organisation.";
        var lines = invoice.Lines.Where(l => target is null || l.LineId == target).ToList();
        if (lines.Count == 0) return $"Invoice {invoice.Id} has no line {target}.";
        foreach (var l in lines)
        {
            l.Account = parts[0];
            l.CostCentre = parts[1];
            l.Project = parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null;
            l.CodingSource = nameof(InvoicePipeline.Coding.CodingSource.Person);
        }
        invoice.CodedBy = userId;
        foreach (var issue in invoice.Issues.Where(i => i.ResolvedAt is null && i.Code == ExceptionCode.MissingCoding))
        {
            issue.ResolvedAt = clock.UtcNow;
            issue.ResolvedBy = userId;
            issue.Resolution = "recoded: " + value;
        }
        invoice.Exceptions = string.Join(';', invoice.Issues.Where(i => i.ResolvedAt is null).Select(i => i.Code).Distinct());
        return null;
    }

    /// <summary>
    /// Applies a reviewer's corrections to a scanned invoice's fields ("InvoiceNumber=2026105; Vat=1837.50"), runs the
    /// checks again, keeps the corrections with the invoice, and re-runs matching, coding and routing.
    /// </summary>
    private async Task<ReviewOutcome> CorrectScanAsync(SupplierInvoice entity, string value, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var (previousInvoice, capture) = StoredDocument.Read(entity.DocumentJson);
        if (capture is null) return ReviewOutcome.Refuse($"Invoice {entity.Id} is not a scanned invoice.");
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) return ReviewOutcome.Refuse($"'{pair}' is not Field=value.");
            corrections[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        if (await OrganisationOfAsync(entity, ct) is not { } organisation) return NoOrganisation(entity);
        var register = await DecisionContextLoader.RegisterAsync(db, organisation.OrganisationId, ct);
        InvoicePipeline.Scanning.ScanResult result;
        try
        {
            result = InvoicePipeline.Scanning.ScanCorrection.Apply(new InvoicePipeline.Scanning.ScanResult(previousInvoice, capture, []), corrections,
                InvoicePipeline.Scanning.SupplierLookups.Over(register));
        }
        catch (ArgumentException ex)
        {
            return ReviewOutcome.Refuse(ex.Message);
        }
        var d = InvoiceDecider.Decide(result.Invoice, await ContextForAsync(entity, organisation, result.Invoice, register, ct), Policy(organisation), result.Issues);
        entity.DocumentJson = StoredDocument.Write(result.Invoice, result.Capture);
        entity.InvoiceNumber = result.Invoice.Number;
        entity.IssueDate = result.Invoice.IssueDate;
        entity.DueDate = result.Invoice.DueDate;
        entity.TotalExclVat = result.Invoice.Totals.TaxExclusive;
        entity.VatTotal = result.Invoice.Totals.TaxTotal ?? 0;
        entity.TotalInclVat = result.Invoice.Totals.TaxInclusive;
        entity.Payable = result.Invoice.Totals.Payable;
        entity.PaymentReference = result.Invoice.PaymentReference;
        entity.OrderReference = result.Invoice.OrderReference;
        entity.SupplierId = d.Supplier?.SupplierId;
        entity.LedgerAmountExclVat = d.LedgerAmountExclVat;
        return Apply(entity, d, now, userId, $"corrected by {userId}: {value}", [ExceptionCode.LowConfidence]);
    }

    /// <summary>
    /// The context to re-decide a stored invoice in, within its organisation: its supplier as identified now, else as
    /// stored; the invoice itself does not count.
    /// </summary>
    private async Task<DecisionContext> ContextForAsync(SupplierInvoice entity, InvoicePipeline.MasterData.Organisation organisation, Invoice invoice,
        List<InvoicePipeline.MasterData.Supplier> register, CancellationToken ct)
    {
        var identification = new Suppliers.SupplierIdentification(register);
        var supplier = identification.Identify(invoice).Supplier?.SupplierId ?? entity.SupplierId;
        return await DecisionContextLoader.LoadAsync(db, organisation, identification,
            invoice.OrderReference is { } po ? [po] : [], supplier is null ? [] : [supplier], ct, [entity.Id], options.Value.Posting.MaxRateAgeDays);
    }

    private DecisionPolicy Policy(InvoicePipeline.MasterData.Organisation organisation) =>
        options.Value.DecisionPolicy(organisation);

    private async Task<InvoicePipeline.MasterData.Organisation?> OrganisationOfAsync(SupplierInvoice entity, CancellationToken ct) =>
        (await Organisations.OrganisationBook.LoadAsync(db, options.Value, ct)).Find(entity.OrganisationId);

    private static ReviewOutcome NoOrganisation(SupplierInvoice entity) =>
        ReviewOutcome.Refuse($"Invoice {entity.Id} belongs to no organisation yet (UNKNOWN_BUYER): assign its organisation first.");

    /// <summary>
    /// AssignOrganisation (organisations.md): an invoice no organisation received is processed against the named
    /// organisation's master data as if it had arrived there — supplier identification, duplicates, matching, coding,
    /// routing — and UNKNOWN_BUYER is resolved. The organisation must exist and be active.
    /// </summary>
    private async Task<ReviewOutcome> AssignAsync(SupplierInvoice entity, string organisationId, string userId, DateTimeOffset now, CancellationToken ct)
    {
        if (entity.OrganisationId is { } already && !entity.Issues.Any(i => i.ResolvedAt is null && i.Code == ExceptionCode.UnknownBuyer))
            return ReviewOutcome.Refuse($"Invoice {entity.Id} already belongs to {already}.");
        var directory = await Organisations.OrganisationBook.LoadAsync(db, options.Value, ct);
        var registration = InvoicePipeline.Organisations.ArrivalRegistration.ByAssignment(organisationId, directory);
        if (registration.Organisation is not { } organisation) return ReviewOutcome.Refuse(registration.Explanation);
        var invoice = StoredDocument.Invoice(entity.DocumentJson);
        entity.OrganisationId = organisation.OrganisationId;
        var register = await DecisionContextLoader.RegisterAsync(db, organisation.OrganisationId, ct);
        var d = InvoiceDecider.Decide(invoice, await ContextForAsync(entity, organisation, invoice, register, ct), Policy(organisation));
        entity.SupplierId = d.Supplier?.SupplierId;
        entity.LedgerAmountExclVat = d.LedgerAmountExclVat;
        entity.DuplicateKey = d.DuplicateKey;
        entity.DuplicateOf = d.DuplicateOf;
        entity.PolicyVersion = d.PolicyVersion;
        return Apply(entity, d, now, userId, $"organisation {organisation.OrganisationId} assigned by {userId}", [ExceptionCode.UnknownBuyer]);
    }

    /// <summary>Takes a re-run decision over: match, lines, the exceptions it replaces, explanations, and the status a person's change leads to.</summary>
    private ReviewOutcome Apply(SupplierInvoice entity, InvoiceDecision d, DateTimeOffset now, string userId, string why, IReadOnlyCollection<string> replaced)
    {
        entity.Match = d.Match;
        entity.MatchRef = d.MatchRef;
        entity.SubscriptionPeriod = d.SubscriptionPeriod;
        foreach (var (line, decided) in entity.Lines.OrderBy(l => l.LineNo).Zip(d.Lines))
        {
            line.PoNumber = decided.PoNumber;
            line.PoLine = decided.PoLine;
            line.Account = decided.Account;
            line.CostCentre = decided.CostCentre;
            line.Project = decided.Project;
            line.CodingSource = decided.Source;
        }
        var current = d.Issues.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var issue in entity.Issues.Where(i => i.ResolvedAt is null && (replaced.Contains(i.Code) || i.Code == ExceptionCode.NoMatch) && !current.Contains(i.Code)))
        {
            issue.ResolvedAt = now;
            issue.ResolvedBy = userId;
            issue.Resolution = why;
        }
        foreach (var i in d.Issues.Where(i => !entity.Issues.Any(e => e.ResolvedAt is null && e.Code == i.Code)))
            entity.Issues.Add(new InvoiceException { Code = i.Code, Reason = i.Reason, RaisedAt = now });
        foreach (var e in d.Explanations)
            db.Decisions.Add(new DecisionRecord { InvoiceId = entity.Id, Step = e.Step, Rule = e.Rule, Explanation = e.Text, PolicyVersion = d.PolicyVersion, At = now });
        var open = entity.Issues.Where(i => i.ResolvedAt is null).Select(i => i.Code).Distinct().ToList();
        entity.Exceptions = string.Join(';', open);
        entity.Status = open.Count == 0 ? InvoiceStatus.AwaitingAttestation : ExceptionCode.MostSevere(open) ?? InvoiceStatus.AwaitingReview;
        return new ReviewOutcome(true, entity.Status, open.Count == 0
            ? $"Done ({why}); the invoice now needs attestation."
            : $"Done ({why}); still to resolve: {string.Join(", ", open)}.");
    }

    /// <summary>
    /// Re-runs matching, coding and routing with the order or subscription the person chose. A clean result needs
    /// attestation (a person decided the match); new findings stay with the invoice for review.
    /// </summary>
    private async Task<ReviewOutcome> PickAsync(SupplierInvoice entity, string reference, string userId, DateTimeOffset now, CancellationToken ct)
    {
        if (await OrganisationOfAsync(entity, ct) is not { } organisation) return NoOrganisation(entity);
        var org = organisation.OrganisationId;
        var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.OrganisationId == org && s.SubscriptionId == reference, ct);
        var isOrder = await db.PurchaseOrderLines.AnyAsync(p => p.OrganisationId == org && p.PoNumber == reference && p.SupplierId == entity.SupplierId, ct);
        if (!isOrder && subscription?.SupplierId != entity.SupplierId) return ReviewOutcome.Refuse($"{reference} is neither an order nor a subscription of supplier {entity.SupplierId}.");
        var invoice = isOrder
            ? StoredDocument.WithReference(entity.DocumentJson, orderReference: reference, contractReference: null)
            : StoredDocument.WithReference(entity.DocumentJson, orderReference: null, contractReference: subscription!.ContractRef ?? reference);
        var register = await DecisionContextLoader.RegisterAsync(db, org, ct);
        var d = InvoiceDecider.Decide(invoice, await ContextForAsync(entity, organisation, invoice, register, ct), Policy(organisation));
        if (d.Match == MatchKind.None) return ReviewOutcome.Refuse($"{reference} does not match: {d.Explanations.LastOrDefault(e => e.Step == "matching")?.Text}");
        entity.OrderReference = invoice.OrderReference;
        return Apply(entity, d, now, userId, $"matched by hand to {d.Match.Name()} {reference}", [ExceptionCode.NoMatch]);
    }
}
