using InvoicePipeline.Invoices;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Persistence;

/// <summary>
/// A supplier invoice as the pipeline keeps it: the header the later steps need, its status and decisions.
/// The full document stays in <see cref="ReceivedDocument"/>; <see cref="DocumentJson"/> is the parsed model.
/// </summary>
public sealed class SupplierInvoice
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    /// <summary>
    /// The customer organisation the invoice arrived for (arrival registration); null while the buyer is unknown
    /// (UNKNOWN_BUYER), until a person assigns it. Its suppliers, orders, approvers and ledger are the only ones used.
    /// </summary>
    public string? OrganisationId { get; set; }
    public DocumentKind Kind { get; set; }
    /// <summary>The one sign rule (<see cref="DocumentSign"/>) as read: -1 for a credit note of any syntax (a Svefaktura 381 too), +1 otherwise.</summary>
    public int Sign { get; set; } = 1;
    public string? SupplierId { get; set; }
    public string? SellerName { get; set; }
    public string InvoiceNumber { get; set; } = "";
    public DateOnly? IssueDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public string Currency { get; set; } = "SEK";
    public decimal TotalExclVat { get; set; }
    public decimal VatTotal { get; set; }
    public decimal TotalInclVat { get; set; }
    public decimal Payable { get; set; }
    /// <summary>What was paid in advance (BT-113), as stated: booked against the prepayment account.</summary>
    public decimal? Prepaid { get; set; }
    /// <summary>Total excluding VAT in the ledger currency, signed (credit notes negative): what authority limits compare with.</summary>
    public decimal? LedgerAmountExclVat { get; set; }
    public string? OrderReference { get; set; }
    public string? ContractReference { get; set; }
    public string? BuyerReference { get; set; }
    public string? PaymentReference { get; set; }
    public string? PayeeAccount { get; set; }
    /// <summary>
    /// The status as people and steps left it. Posting does not touch the invoice: <c>Posted</c> is a fact of the ledger
    /// ("a balanced voucher exists", outcomes.md), so a posted invoice keeps <c>Attested</c> here until it is paid, and
    /// everything that shows or selects by status goes through <see cref="InvoiceStates"/>.
    /// </summary>
    public InvoiceStatus Status { get; set; }
    /// <summary>order, subscription or none.</summary>
    /// <summary>Stored as its name: none, order, subscription.</summary>
    public InvoicePipeline.Matching.MatchKind Match { get; set; }
    public string? MatchRef { get; set; }
    /// <summary>The subscription period a subscription invoice pays (2026-11, 2026-Q4, 2026): a period is paid once.</summary>
    public string? SubscriptionPeriod { get; set; }
    /// <summary>Exception codes raised, ';'-separated, in the order raised.</summary>
    public string Exceptions { get; set; } = "";
    /// <summary>supplier|normalised number while the invoice counts as accepted; the unique index is the last guard against duplicates.</summary>
    public string? DuplicateKey { get; set; }
    /// <summary>The earlier invoice this one duplicates (status Duplicate): shown on the page, in 'invoice show' and the run report.</summary>
    public long? DuplicateOf { get; set; }
    public string? PolicyVersion { get; set; }
    public string RegisteredBy { get; set; } = "system";
    public string? CodedBy { get; set; }
    public string? ReviewedBy { get; set; }
    public string? AttestedBy { get; set; }
    public DateTimeOffset? AttestedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string RunId { get; set; } = "";
    public string DocumentJson { get; set; } = "";
    /// <summary>The document's VAT breakdown (JSON), what posting needs of the document besides the lines.</summary>
    public string VatBreakdownJson { get; set; } = "[]";
    public List<SupplierInvoiceLine> Lines { get; set; } = [];
    public List<InvoiceException> Issues { get; set; } = [];
}

/// <summary>
/// Posted is read from the ledger, not stored on the invoice: an attested invoice with a voucher (vouchers.InvoiceId,
/// unique) is posted. Posting a million invoices then writes vouchers and lines only, never a million invoice rows again.
/// </summary>
public static class InvoiceStates
{
    /// <summary>The status to show and report: the stored one, except that an attested invoice with a voucher is posted.</summary>
    public static InvoiceStatus Effective(InvoiceStatus stored, bool hasVoucher) =>
        stored == InvoiceStatus.Attested && hasVoucher ? InvoiceStatus.Posted : stored;

    /// <summary>
    /// The posting as a history entry, read from the voucher (who: CreatedBy, when: CreatedAt, why: the run and the
    /// voucher number). Posting writes no history row of its own: the voucher is the record of that state change.
    /// </summary>
    public static StatusChange PostingEntry(VoucherEntry v) => new()
    {
        SubjectId = v.InvoiceId ?? 0, At = v.CreatedAt, Actor = v.CreatedBy, Action = "post", RunId = v.RunId,
        FromStatus = nameof(InvoiceStatus.Attested), ToStatus = nameof(InvoiceStatus.Posted),
        Reason = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"voucher {v.Series}{v.Number}"),
    };

    /// <summary>The voucher that posted the invoice, if any (vouchers.InvoiceId is unique).</summary>
    public static VoucherEntry? VoucherOf(PipelineDbContext db, long invoiceId) =>
        db.Vouchers.AsNoTracking().SingleOrDefault(v => v.InvoiceId == invoiceId);

    /// <summary>
    /// An invoice's history in order: the recorded changes with the posting (from its voucher, as
    /// <see cref="VoucherOf"/> gives it) in its place.
    /// </summary>
    public static List<StatusChange> History(PipelineDbContext db, long invoiceId, VoucherEntry? voucher)
    {
        var history = db.History.AsNoTracking().Where(h => h.Subject == "invoice" && h.SubjectId == invoiceId).OrderBy(h => h.Id).ToList();
        if (voucher is not null)
        {
            var at = history.FindIndex(h => h.At > voucher.CreatedAt);
            history.Insert(at < 0 ? history.Count : at, PostingEntry(voucher));
        }
        return history;
    }

    /// <summary>Invoices whose effective status is <paramref name="status"/> (Posted and Attested look at the ledger).</summary>
    public static IQueryable<SupplierInvoice> WithStatus(this IQueryable<SupplierInvoice> invoices, PipelineDbContext db, InvoiceStatus status) => status switch
    {
        InvoiceStatus.Posted => invoices.Where(i => i.Status == InvoiceStatus.Attested && db.Vouchers.Any(v => v.InvoiceId == i.Id)),
        InvoiceStatus.Attested => invoices.Where(i => i.Status == InvoiceStatus.Attested && !db.Vouchers.Any(v => v.InvoiceId == i.Id)),
        _ => invoices.Where(i => i.Status == status),
    };
}

public sealed class SupplierInvoiceLine
{
    public long Id { get; set; }
    public long InvoiceId { get; set; }
    public int LineNo { get; set; }
    /// <summary>A line of the document, or a document-level charge or allowance (coded and posted like a line).</summary>
    public InvoicePipeline.Coding.LineKind Kind { get; set; }
    public string LineId { get; set; } = "";
    public string? Description { get; set; }
    public string? ItemId { get; set; }
    public decimal Quantity { get; set; }
    public decimal? UnitPrice { get; set; }
    public decimal NetAmount { get; set; }
    public string VatCategory { get; set; } = "S";
    public decimal VatRate { get; set; }
    public string? OrderLineReference { get; set; }
    public string? PoNumber { get; set; }
    public string? PoLine { get; set; }
    public string? Account { get; set; }
    public string? CostCentre { get; set; }
    public string? Project { get; set; }
    public string? CodingSource { get; set; }
}

/// <summary>An exception raised for an invoice, with the reason a person can act on; resolved ones stay for the record.</summary>
public sealed class InvoiceException
{
    public long Id { get; set; }
    public long InvoiceId { get; set; }
    public string Code { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }
}

/// <summary>A stored explanation of one automatic decision: which rule, which values, which tolerance/policy.</summary>
public sealed class DecisionRecord
{
    public long Id { get; set; }
    public long InvoiceId { get; set; }
    public string Step { get; set; } = "";
    public string Rule { get; set; } = "";
    public string Explanation { get; set; } = "";
    public string? PolicyVersion { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Append-only history of every state change: who, when, from, to, why.</summary>
public sealed class StatusChange
{
    public long Id { get; set; }
    /// <summary>invoice or payroll.</summary>
    public string Subject { get; set; } = "invoice";
    public long SubjectId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "system";
    public string? ActorRole { get; set; }
    public string Action { get; set; } = "";
    public string? FromStatus { get; set; }
    public string ToStatus { get; set; } = "";
    public string? Reason { get; set; }
    public string? RunId { get; set; }
}
