using System.Security.Cryptography;
using System.Text;
using Hangfire;
using InvoicePipeline.Invoices;
using InvoicePipeline.Responses;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Responses;

public sealed record ResponseJobResult(int Written, int NotSendable);

/// <summary>
/// Tells suppliers what became of their invoices: for every status in Pipeline:Responses:Send, each invoice that has
/// reached it and was not answered for that event gets one response — the Peppol BIS Invoice Response 3 for Peppol
/// (and other UBL) senders, the OIOUBL ApplicationResponse for OIOUBL senders — stored with its XML (unique invoice +
/// event, so never twice) and written after commit to &lt;Outbox&gt;/&lt;organisation&gt;/&lt;response id&gt;.xml for the
/// access point. Idempotent: run again, it writes only what a lost write left unwritten. Runs at the end of every
/// nightly run and on its own (jobs/ "responses"), so an accountant's rejection during the day goes out too.
/// </summary>
public sealed class SupplierResponseJob(PipelineDbContext db, IOptions<PipelineOptions> options, BusinessClock clock, ILogger<SupplierResponseJob> log)
{
    public const string PeppolFormat = "peppol-invoice-response-3";
    public const string OioublFormat = "oioubl-2.1-applicationresponse";
    public const string NotSent = "none";
    private const int Batch = 500;

    [Queue("default")]
    public async Task<ResponseJobResult> RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        var outbox = Path.GetFullPath(o.Responses.Outbox);
        var written = await WritePendingAsync(outbox, ct);
        var notSendable = 0;
        var organisation = Organisation(o);
        foreach (var status in o.Responses.Statuses())
        {
            var key = ResponseEvents.EventKey(status);
            var candidates = ResponseEvents.CandidateStatuses(status).Select(s => s == InvoiceStatus.Posted ? InvoiceStatus.Attested : s).Distinct().ToList();
            long after = 0;
            while (true)
            {
                var invoices = await db.Invoices.AsNoTracking()
                    .Where(i => i.Id > after && candidates.Contains(i.Status) && !db.SentResponses.Any(r => r.InvoiceId == i.Id && r.EventKey == key))
                    .OrderBy(i => i.Id).Take(Batch)
                    .Select(i => new Candidate(i.Id, i.DocumentId, i.Status, i.Kind, i.Sign, i.InvoiceNumber, i.IssueDate, i.DocumentJson, i.ReceivedAt, i.AttestedAt,
                        i.OrganisationId))
                    .ToListAsync(ct);
                if (invoices.Count == 0) break;
                after = invoices[^1].Id;
                var rows = await DecideAsync(invoices, status, key, organisation, o, ct);
                if (rows.Count == 0) continue;
                db.SentResponses.AddRange(rows);
                await db.SaveChangesAsync(ct);
                notSendable += rows.Count(r => r.FileName is null);
                foreach (var r in rows.Where(r => r.FileName is not null))
                {
                    NewFiles.Write(Path.Combine(outbox, r.FileName!), Encoding.UTF8.GetBytes(r.Xml));
                    r.WrittenAt = clock.UtcNow;
                    written++;
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        log.SupplierResponsesWritten(written, notSendable, outbox);
        return new ResponseJobResult(written, notSendable);
    }

    /// <summary>
    /// The folder under the outbox of an installation without organisations.csv (Pipeline:Responses:Organisation or the
    /// ledger's number); with organisations each has its id as its folder.
    /// </summary>
    public static string Organisation(PipelineOptions o) =>
        string.IsNullOrWhiteSpace(o.Responses.Organisation) ? new string(o.Ledger.OrgNo.Where(char.IsAsciiLetterOrDigit).ToArray()) : o.Responses.Organisation.Trim();

    /// <summary>Responses stored but not yet in the outbox (the process stopped between commit and write): written now, the same bytes.</summary>
    private async Task<int> WritePendingAsync(string outbox, CancellationToken ct)
    {
        var pending = await db.SentResponses.Where(r => r.WrittenAt == null && r.FileName != null).OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var r in pending)
        {
            NewFiles.Write(Path.Combine(outbox, r.FileName!), Encoding.UTF8.GetBytes(r.Xml));
            r.WrittenAt = clock.UtcNow;
        }
        if (pending.Count > 0) await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return pending.Count;
    }

    private sealed record Candidate(long Id, long DocumentId, InvoiceStatus Status, DocumentKind Kind, int Sign, string InvoiceNumber, DateOnly? IssueDate,
        string DocumentJson, DateTimeOffset ReceivedAt, DateTimeOffset? AttestedAt, string? OrganisationId = null);

    private async Task<List<SentResponse>> DecideAsync(List<Candidate> invoices, ResponseStatus status, string key, string organisation, PipelineOptions o, CancellationToken ct)
    {
        var ids = invoices.Select(i => i.Id).ToList();
        var exceptions = (await db.InvoiceExceptions.AsNoTracking().Where(e => ids.Contains(e.InvoiceId)).OrderBy(e => e.Id)
                .Select(e => new { e.InvoiceId, e.Code, e.Reason, e.ResolvedAt }).ToListAsync(ct))
            .ToLookup(e => e.InvoiceId);
        var changes = (await db.History.AsNoTracking().Where(h => h.Subject == "invoice" && ids.Contains(h.SubjectId)).OrderBy(h => h.Id)
                .Select(h => new { h.SubjectId, h.At, h.Action, h.ToStatus, h.Reason }).ToListAsync(ct))
            .ToLookup(h => h.SubjectId);
        // A rejected invoice keeps no parsed document: its address is read again from the original bytes.
        var unparsed = invoices.Where(i => i.DocumentJson.Length == 0 && i.Kind != DocumentKind.Scanned).Select(i => i.DocumentId).ToList();
        var originals = unparsed.Count == 0 ? [] : await db.Documents.AsNoTracking()
            .Where(d => unparsed.Contains(d.Id) && d.Channel == Ingestion.DocumentChannel.EInvoices)
            .Select(d => new { d.Id, d.FileName, d.Content }).ToDictionaryAsync(d => d.Id, d => (d.FileName, d.Content), ct);
        var now = clock.UtcNow;
        var rows = new List<SentResponse>();
        foreach (var i in invoices)
        {
            DateOnly? Reached(params string[] to) => changes[i.Id].LastOrDefault(h => to.Contains(h.ToStatus)) is { } h ? clock.DateOf(h.At) : null;
            var raised = exceptions[i.Id].ToList();
            // What is still open is what the supplier is told; a rejection of an invoice whose exceptions were all resolved tells them all.
            var open = raised.Where(e => e.ResolvedAt is null).ToList();
            var told = (open.Count > 0 ? open : raised).Select(e => new RaisedException(e.Code, e.Reason)).ToList();
            var rejection = changes[i.Id].LastOrDefault(h => h.Action == "reject" && h.ToStatus == nameof(InvoiceStatus.Rejected));
            var facts = new ResponseFacts(i.Status, told, rejection?.Reason, clock.DateOf(i.ReceivedAt),
                Reached(nameof(InvoiceStatus.Rejected), nameof(InvoiceStatus.Duplicate)),
                i.AttestedAt is { } attested ? clock.DateOf(attested) : Reached(nameof(InvoiceStatus.Attested)),
                Reached(nameof(InvoiceStatus.Paid)));
            if (ResponseEvents.Due(facts, [status]) is not [var response, ..]) continue;
            var original = originals.TryGetValue(i.DocumentId, out var o2) ? Ingestion.EInvoices.EInvoiceReader.Read(o2.Content, o2.FileName).Invoice : null;
            // Each customer organisation's responses in its own folder (its access point picks them up); the installation's
            // one organisation and an invoice no organisation received keep the configured folder.
            var folder = i.OrganisationId is { Length: > 0 } own && own != InvoicePipeline.MasterData.Organisation.DefaultId ? own : organisation;
            rows.Add(Build(i, original, response, key, folder, o, now));
        }
        return rows;
    }

    private SentResponse Build(Candidate i, Invoice? original, SupplierResponse response, string key, string organisation, PipelineOptions o, DateTimeOffset now)
    {
        var id = $"IR-{organisation}-{i.Id}-{key}";
        var row = new SentResponse
        {
            InvoiceId = i.Id, EventKey = key, Status = SupplierResponse.Code(response.Status), Organisation = organisation, ResponseId = id, CreatedAt = now,
            Summary = string.Join("; ", response.Clarifications.Select(c => c.Text is null ? $"{c.ListId} {c.Code}" : $"{c.ListId} {c.Code}: {c.Text}")),
        };
        row.Summary = row.Summary.Length == 0 ? null : row.Summary[..Math.Min(row.Summary.Length, 4000)];
        var doc = original;
        if (doc is null && i.Kind != DocumentKind.Scanned && i.DocumentJson.Length > 0)
        {
            try { doc = StoredDocument.Invoice(i.DocumentJson); }
            catch (System.Text.Json.JsonException) { doc = null; }
        }
        string? why = null;
        if (i.Kind == DocumentKind.Scanned || doc?.Syntax == "Scan") why = "a paper invoice: the supplier has no electronic address to answer";
        else if (doc is null) why = "the document could not be read: no electronic address of the supplier is known";
        else if (doc.Seller.EndpointId is not { Scheme: { Length: > 0 } } || string.IsNullOrWhiteSpace(doc.Seller.EndpointId.Value))
            why = "the invoice names no electronic address (EndpointID with scheme) of the seller";
        var oioubl = doc?.Syntax.StartsWith("OIOUBL", StringComparison.Ordinal) == true;
        if (why is null && oioubl && !OioublApplicationResponse.Supports(response.Status))
            why = $"the OIOUBL 2.1 ApplicationResponse has no code for {response.Status}";
        if (why is not null)
        {
            row.Format = NotSent;
            row.Note = why;
            return row;
        }
        var buyer = doc!.Buyer;
        var sender = buyer.EndpointId is { Scheme.Length: > 0 } endpoint && !string.IsNullOrWhiteSpace(endpoint.Value)
            ? endpoint
            : new SchemedId(new string(o.Ledger.OrgNo.Where(char.IsAsciiDigit).ToArray()), "0007");
        var envelope = new ResponseEnvelope(
            id,
            Uuid(id),
            TimeZoneInfo.ConvertTime(now, clock.Zone),
            new ResponseParty(sender, Name(buyer) ?? o.Ledger.CompanyName, oioubl ? buyer.LegalId : null),
            new ResponseParty(doc.Seller.EndpointId!, Name(doc.Seller) ?? doc.Seller.EndpointId!.Value, oioubl ? doc.Seller.LegalId : null),
            doc.Number.Length > 0 ? doc.Number : i.InvoiceNumber,
            doc.IssueDate != default ? doc.IssueDate : i.IssueDate ?? clock.DateOf(i.ReceivedAt),
            i.Sign < 0);
        var bytes = oioubl ? OioublApplicationResponse.Write(envelope, response) : PeppolInvoiceResponse.Write(envelope, response);
        row.Format = oioubl ? OioublFormat : PeppolFormat;
        row.Xml = Encoding.UTF8.GetString(bytes);
        row.FileName = Path.Combine(organisation, id + ".xml").Replace('\\', '/');
        return row;
    }

    private static string? Name(Party p) => new[] { p.LegalName, p.Name, p.TradingName }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim();

    /// <summary>A UUID that is the same whenever the same response is built (name-based on the response id).</summary>
    private static Guid Uuid(string id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
