using System.Globalization;
using System.Text;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>The stored original of an invoice, as the invoice page shows it.</summary>
public sealed record InvoiceOriginal(string FileName, byte[] Content, string Sha256);

/// <summary>One invoice with everything its page shows; <see cref="Invoice"/> is null when there is no such invoice.</summary>
public sealed record InvoiceView(
    SupplierInvoice? Invoice, VoucherEntry? Voucher, IReadOnlyList<DecisionRecord> Decisions,
    IReadOnlyList<StatusChange> History, InvoiceOriginal? Original)
{
    /// <summary>The lines of the voucher the invoice got, in order (empty before posting).</summary>
    public IReadOnlyList<VoucherLineEntry> VoucherLines { get; init; } = [];

    /// <summary>The invoice's payments with what the bank said of each.</summary>
    public IReadOnlyList<Payment> Payments { get; init; } = [];

    /// <summary>The responses told to the supplier (or kept with why they could not be sent).</summary>
    public IReadOnlyList<SentResponse> Responses { get; init; } = [];
}

/// <summary>The invoice page's queries.</summary>
public static class InvoiceQuery
{
    public static async Task<InvoiceView> LoadAsync(DeskRequest request, long id)
    {
        var (db, ct) = (request.Db, request.Ct);
        var invoice = await db.Invoices.AsNoTracking().Include(x => x.Lines).Include(x => x.Issues)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (invoice is null) return new InvoiceView(null, null, [], [], null);
        var voucher = InvoiceStates.VoucherOf(db, invoice.Id);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.InvoiceId == id).OrderBy(d => d.Id).ToListAsync(ct);
        var history = InvoiceStates.History(db, id, voucher);
        var original = await db.Documents.AsNoTracking().Where(d => d.Id == invoice.DocumentId)
            .Select(d => new InvoiceOriginal(d.FileName, d.Content, d.Sha256)).SingleOrDefaultAsync(ct);
        var voucherLines = voucher is null ? []
            : await db.VoucherLines.AsNoTracking().Where(l => l.VoucherId == voucher.Id).OrderBy(l => l.LineNo).ToListAsync(ct);
        var payments = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == id).OrderBy(p => p.Id).ToListAsync(ct);
        var responses = await db.SentResponses.AsNoTracking().Where(r => r.InvoiceId == id).OrderBy(r => r.Id).ToListAsync(ct);
        return new InvoiceView(invoice, voucher, decisions, history, original)
        {
            VoucherLines = voucherLines, Payments = payments, Responses = responses,
        };
    }
}

/// <summary>One invoice in full: header, lines, exceptions, the stored explanations, the history, the original, and the actions.</summary>
public sealed class InvoicePage(InvoiceView view) : DeskPage("Invoice")
{
    private const string Actions =
        "<select name=\"action\" id=\"action\" class=\"form-control\">" +
        "<option value=\"Accept\">Accept the exception</option><option value=\"Reject\">Reject</option>" +
        "<option value=\"Hold\">Hold</option><option value=\"Release\">Release</option><option value=\"Attest\">Attest</option>" +
        "<option value=\"SendBack\">Send back to review</option><option value=\"PickMatch\">Pick order / subscription</option>" +
        "<option value=\"Recode\">Recode lines</option><option value=\"CorrectScan\">Correct scanned fields</option>" +
        "<option value=\"AssignOrganisation\">Assign organisation</option></select> " +
        "<input name=\"reason\" id=\"reason\" class=\"form-control\" size=\"60\" placeholder=\"Reason; Pick: PO number or " +
        "subscription id; Recode: account;cost centre;project; Correct: Field=value; Assign: organisation id; …\"> " +
        "<button class=\"btn btn-primary\" id=\"do\">Do it</button>";

    protected override void Render(StringBuilder html)
    {
        if (view.Invoice is not { } i)
        {
            html.Append("<p>No such invoice.</p>");
            return;
        }
        html.Append(CultureInfo.InvariantCulture,
            $"<h3 id=\"title\">#{i.Id} {H(i.SellerName)} — {H(i.InvoiceNumber)}</h3><dl class=\"dl-horizontal\">");
        void Dt(string k, object? v) => html.Append(CultureInfo.InvariantCulture, $"<dt>{H(k)}</dt><dd>{H(v)}</dd>");
        var voucher = view.Voucher;
        var status = InvoiceStates.Effective(i.Status, voucher is not null);
        Dt("Status", status);
        if (voucher is not null)
            Dt("Voucher", string.Create(CultureInfo.InvariantCulture, $"{voucher.Series}{voucher.Number} ({voucher.Date:yyyy-MM-dd})"));
        Dt("Organisation", i.OrganisationId ?? "none (UNKNOWN_BUYER: assign it)");
        Dt("Supplier", i.SupplierId);
        Dt("Kind", DocumentSign.Describe(i.Kind, i.Sign));
        Dt("Issue date", i.IssueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Dt("Due date", i.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Dt("Total", $"{Money(i.TotalInclVat)} {i.Currency} (VAT {Money(i.VatTotal)})");
        if (i.Prepaid is { } prepaid) Dt("Prepaid", $"{Money(prepaid)} {i.Currency} (amount due {Money(i.Payable)})");
        if (i.DuplicateOf is { } earlier)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<dt>Duplicate of</dt><dd id=\"duplicate-of\"><a href=\"{Link($"/invoice/{earlier}")}\">#{earlier}</a></dd>");
        }
        Dt("Order", i.OrderReference);
        Dt("Match", $"{i.Match.Name()} {i.MatchRef}");
        Dt("Payee account", i.PayeeAccount);
        Dt("Payment reference", i.PaymentReference);
        html.Append("</dl><h4>Lines</h4><table class=\"table table-condensed\" id=\"lines\"><tr><th>#</th><th>Item</th>");
        html.Append("<th class=\"text-right\">Qty</th><th class=\"text-right\">Price</th><th class=\"text-right\">Net</th>");
        html.Append("<th>VAT</th><th>Order line</th><th>Account</th><th>Cost centre</th><th>Project</th><th>Coding from</th></tr>");
        foreach (var l in i.Lines.OrderBy(l => l.LineNo))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(l.LineId)}</td><td>{H(l.Description)}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td class=\"text-right\">{H(l.Quantity)}</td><td class=\"text-right\">{H(l.UnitPrice)}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td class=\"text-right\">{Money(l.NetAmount)}</td><td>{H(l.VatCategory)} {H(l.VatRate)} %</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td>{H(l.PoNumber)} {H(l.PoLine)}</td><td>{H(l.Account)}</td><td>{H(l.CostCentre)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{H(l.Project)}</td><td>{H(l.CodingSource)}</td></tr>");
        }
        if (voucher is not null) RenderVoucher(html, voucher, view.VoucherLines);
        html.Append("</table><h4>Exceptions</h4><ul id=\"exceptions\">");
        foreach (var e in i.Issues)
        {
            var resolved = e.ResolvedAt is null
                ? ""
                : $" <span class=\"label label-success\">resolved by {H(e.ResolvedBy)}: {H(e.Resolution)}</span>";
            html.Append(CultureInfo.InvariantCulture, $"<li><b>{H(e.Code)}</b>: {H(e.Reason)}{resolved}</li>");
        }
        html.Append("</ul>");
        if (status is InvoiceStatus.AwaitingReview or InvoiceStatus.OnHold or InvoiceStatus.AwaitingAttestation or InvoiceStatus.Attested)
        {
            html.Append("<h4>Act</h4>");
            html.Append(Form($"/invoice/{i.Id}/act", Actions));
        }
        html.Append("<h4>Decisions</h4><table class=\"table table-condensed\" id=\"decisions\">");
        html.Append("<tr><th>Step</th><th>Rule</th><th>Explanation</th><th>Policy</th></tr>");
        foreach (var d in view.Decisions)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{H(d.Step)}</td><td>{H(d.Rule)}</td><td>{H(d.Explanation)}</td><td>{H(d.PolicyVersion)}</td></tr>");
        }
        html.Append("</table><h4>History</h4><table class=\"table table-condensed\" id=\"history\"><tr><th>When (UTC)</th>");
        html.Append("<th>Who</th><th>Action</th><th>From</th><th>To</th><th>Why</th></tr>");
        foreach (var h in view.History)
        {
            var at = h.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{H(at)}</td><td>{H(h.Actor)} {H(h.ActorRole)}</td><td>{H(h.Action)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{H(h.FromStatus)}</td><td>{H(h.ToStatus)}</td><td>{H(h.Reason)}</td></tr>");
        }
        html.Append("</table>");
        RenderPayments(html, view.Payments);
        RenderResponses(html, view.Responses);
        if (view.Original is { } doc)
            RenderOriginal(html, doc);
    }

    /// <summary>The voucher the invoice got, line by line (charges and allowances are lines of their own, above and here).</summary>
    private static void RenderVoucher(StringBuilder html, VoucherEntry voucher, IReadOnlyList<VoucherLineEntry> lines)
    {
        html.Append(CultureInfo.InvariantCulture,
            $"</table><h4>Voucher {H(voucher.Series)}{voucher.Number}</h4><table class=\"table table-condensed\" id=\"voucher\">");
        html.Append("<tr><th>#</th><th>Account</th><th class=\"text-right\">Debit</th><th class=\"text-right\">Credit</th>");
        html.Append("<th>Cost centre</th><th>Project</th></tr>");
        foreach (var l in lines)
        {
            var (debit, credit) = (l.Amount > 0 ? Money(l.Amount) : "", l.Amount < 0 ? Money(-l.Amount) : "");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{l.LineNo}</td><td>{H(l.Account)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"text-right\">{debit}</td><td class=\"text-right\">{credit}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{H(l.CostCentre)}</td><td>{H(l.Project)}</td></tr>");
        }
    }

    /// <summary>Each payment with the bank's word: booked (date, reference), or rejected/returned with the bank's reason, in red.</summary>
    private static void RenderPayments(StringBuilder html, IReadOnlyList<Payment> payments)
    {
        if (payments.Count == 0) return;
        html.Append("<h4>Payments</h4><table class=\"table table-condensed\" id=\"payments\"><tr><th>File</th>");
        html.Append("<th class=\"text-right\">Amount</th><th>Execution</th><th>Bank</th><th>Booked</th><th>Bank reference</th>");
        html.Append("<th>Reason</th></tr>");
        foreach (var p in payments)
        {
            var returned = p.BankStatus == nameof(InvoicePipeline.Payments.BankStatus.Rejected);
            var row = returned ? " class=\"danger\"" : "";
            var state = p.BankStatus ?? (p.ActiveInvoiceId is null ? "inactive" : "sent");
            html.Append(CultureInfo.InvariantCulture,
                $"<tr{row}><td>{p.PaymentFileId}</td><td class=\"text-right\">{Money(p.Amount)} {H(p.Currency)}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td>{p.ExecutionDate:yyyy-MM-dd}</td><td>{H(state)}</td><td>{p.BookingDate:yyyy-MM-dd}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{H(p.BankReference)}</td><td>{H(p.BankReason)}</td></tr>");
        }
        html.Append("</table>");
    }

    /// <summary>What the supplier was told: one row per event, with the file the access point took (or why nothing was sent).</summary>
    private static void RenderResponses(StringBuilder html, IReadOnlyList<SentResponse> responses)
    {
        html.Append("<h4>Responses to the supplier</h4><table class=\"table table-condensed\" id=\"responses\"><tr><th>When (UTC)</th>");
        html.Append("<th>Event</th><th>Status</th><th>Format</th><th>File</th><th>Told</th></tr>");
        foreach (var r in responses)
        {
            var at = r.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{H(at)}</td><td>{H(r.EventKey)}</td><td>{H(r.Status)}</td><td>{H(r.Format)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{H(r.FileName ?? "not sent: " + r.Note)}</td><td>{H(r.Summary)}</td></tr>");
        }
        html.Append("</table>");
    }

    private static void RenderOriginal(StringBuilder html, InvoiceOriginal doc)
    {
        html.Append(CultureInfo.InvariantCulture,
            $"<h4>Original: {H(doc.FileName)}</h4><p class=\"text-muted\">SHA-256 {H(doc.Sha256)}</p>");
        var text = doc.FileName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(doc.Content)
            : $"({doc.Content.Length} bytes, binary)";
        html.Append(CultureInfo.InvariantCulture,
            $"<pre id=\"original\" style=\"max-height:30em;overflow:auto\">{H(text.Length > 200_000 ? text[..200_000] : text)}</pre>");
    }
}
