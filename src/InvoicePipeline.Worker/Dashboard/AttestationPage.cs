using System.Globalization;
using System.Text;
using InvoicePipeline.Invoices;
using InvoicePipeline.Review;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>The invoices awaiting attestation, and those of them the signed-in approver may attest.</summary>
public sealed record AttestationView(int Waiting, IReadOnlyList<SupplierInvoice> Mine);

/// <summary>The approver's queue: the same rule (<see cref="ReviewRules.Decide"/>) as attesting itself.</summary>
public static class AttestationQuery
{
    public static async Task<AttestationView> LoadAsync(DeskRequest request)
    {
        var (db, ct, userId) = (request.Db, request.Ct, request.UserId);
        var authorities = await db.Approvers.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(ct);
        var waiting = await db.Invoices.AsNoTracking().Include(i => i.Lines)
            .Where(i => i.Status == InvoiceStatus.AwaitingAttestation).OrderBy(i => i.Id).Take(1000).ToListAsync(ct);
        var actor = new ReviewActor(userId, request.Roles, authorities);
        var today = request.Today;
        var mine = waiting.Where(i => ReviewRules.Decide(
            new ReviewCase(i.Status, i.LedgerAmountExclVat, i.Lines.Select(l => l.CostCentre).OfType<string>().Distinct().ToList(),
                i.RegisteredBy, i.CodedBy, i.ReviewedBy, []),
            actor, ReviewAction.Attest, null, today).Allowed).ToList();
        return new AttestationView(waiting.Count, mine);
    }
}

/// <summary>The approver's own queue: only what they have authority for.</summary>
public sealed class AttestationPage(AttestationView view) : DeskPage("Attestation")
{
    private const string AttestButton =
        "<input type=\"hidden\" name=\"action\" value=\"Attest\"><input type=\"hidden\" name=\"back\" value=\"/attestation\">" +
        "<button class=\"btn btn-success btn-sm\">Attest</button>";

    protected override void Render(StringBuilder html)
    {
        html.Append(CultureInfo.InvariantCulture,
            $"<p>{view.Mine.Count} of {view.Waiting} invoice(s) awaiting attestation are within your authority.</p>");
        html.Append("<table class=\"table table-striped\" id=\"attest-queue\"><thead><tr><th>Invoice</th><th>Supplier</th>");
        html.Append("<th>Number</th><th class=\"text-right\">Amount excl. VAT (SEK)</th><th>Cost centres</th><th></th></tr>");
        html.Append("</thead><tbody>");
        foreach (var i in view.Mine)
        {
            var centres = string.Join(", ", i.Lines.Select(l => l.CostCentre).Distinct());
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"{Link($"/invoice/{i.Id}")}\">#{i.Id}</a></td><td>{H(i.SellerName)}</td><td>{H(i.InvoiceNumber)}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td class=\"text-right\">{Money(i.LedgerAmountExclVat ?? 0)}</td><td>{H(centres)}</td><td>");
            html.Append(Form($"/invoice/{i.Id}/act", AttestButton));
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }
}
