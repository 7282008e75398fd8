using InvoicePipeline.Decisions;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.Organisations;
using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Processing;

/// <summary>The rows a chunk writes for its invoices: the invoices with lines and exceptions, their history and decision explanations.</summary>
public sealed record InvoiceRows(IReadOnlyList<SupplierInvoice> Invoices, IReadOnlyList<StatusChange> History, IReadOnlyList<DecisionRecord> Decisions)
{
    /// <summary>
    /// Decides every accepted document in order against its organisation's state in the chunk (each accepted decision
    /// goes into that state before the next is decided) and turns documents and decisions into rows, with ids from
    /// <paramref name="firstId"/> on. A document no organisation receives is UNKNOWN_BUYER, decided against nothing.
    /// </summary>
    public static InvoiceRows Decide(IReadOnlyList<ReadDocument> documents, IReadOnlyList<Registration> registrations,
        IReadOnlyDictionary<string, (DecisionContext Context, DecisionPolicy Policy)> organisations, long firstId, string runId, DateTimeOffset now)
    {
        var invoices = new List<SupplierInvoice>(documents.Count);
        var history = new List<StatusChange>(documents.Count * 2);
        var decisions = new List<DecisionRecord>(documents.Count * 4);
        for (var n = 0; n < documents.Count; n++)
        {
            var (read, registration) = (documents[n], registrations[n]);
            var id = firstId + invoices.Count;
            InvoiceDecision? decision = null;
            SupplierInvoice entity;
            if (read.Result.IsAccepted && registration.OrganisationId is { } org)
            {
                var (context, policy) = organisations[org];
                // What the machine was unsure of in a scan goes to a person, with the doubtful fields named (LOW_CONFIDENCE).
                decision = InvoiceDecider.Decide(read.Result.Invoice!, context, policy, read.Scan?.Issues);
                // Accepted with its id, so a later duplicate in the same chunk names it.
                context.Accept(decision.Key is null ? decision : decision with { Key = decision.Key with { InvoiceId = id, Reference = $"invoice {id}" } });
                entity = Decided(read, decision, runId, now);
            }
            else if (read.Result.IsAccepted)
            {
                decision = InvoiceDecider.ForUnknownBuyer(read.Result.Invoice!, registration.Explanation, read.Scan?.Issues);
                entity = Decided(read, decision, runId, now);
            }
            else entity = Rejected(read, runId, now);
            entity.OrganisationId = registration.OrganisationId;
            entity.Id = id;
            foreach (var line in entity.Lines) line.InvoiceId = entity.Id;
            foreach (var issue in entity.Issues) issue.InvoiceId = entity.Id;
            invoices.Add(entity);
            if (registration.IsKnown)
                decisions.Add(new DecisionRecord { InvoiceId = id, Step = "registration", Rule = "organisation", Explanation = registration.Explanation, At = now });
            Record(entity, decision, read, runId, now, history, decisions);
        }
        return new InvoiceRows(invoices, history, decisions);
    }

    private static SupplierInvoice Rejected(ReadDocument read, string runId, DateTimeOffset now)
    {
        var (doc, issue, inv) = (read.Document, read.Result.Rejection!, read.Result.Invoice);
        return new SupplierInvoice
        {
            DocumentId = doc.Id, Kind = inv?.Kind ?? DocumentKind.Invoice, Sign = inv?.Sign ?? 1, InvoiceNumber = inv?.Number ?? "", Status = InvoiceStatus.Rejected,
            IssueDate = inv?.IssueDate, Currency = inv?.Currency ?? "", TotalInclVat = inv?.Totals.TaxInclusive ?? 0, SellerName = inv?.Seller.Name,
            Exceptions = issue.Code, ReceivedAt = doc.ReceivedAt, RunId = runId,
            Issues = [new InvoiceException { Code = issue.Code, Reason = issue.Reason, RaisedAt = now }],
        };
    }

    private static SupplierInvoice Decided(ReadDocument read, InvoiceDecision d, string runId, DateTimeOffset now)
    {
        var (doc, invoice) = (read.Document, read.Result.Invoice!);
        return new SupplierInvoice
        {
            DocumentId = doc.Id, Kind = invoice.Kind, Sign = invoice.Sign, SupplierId = d.Supplier?.SupplierId, SellerName = invoice.Seller.Name ?? invoice.Seller.LegalName,
            InvoiceNumber = invoice.Number, IssueDate = invoice.IssueDate, DueDate = invoice.DueDate, Currency = invoice.Currency,
            TotalExclVat = invoice.Totals.TaxExclusive, VatTotal = invoice.Totals.TaxTotal ?? invoice.VatBreakdown.Sum(v => v.TaxAmount),
            TotalInclVat = invoice.Totals.TaxInclusive, Payable = invoice.Totals.Payable, Prepaid = invoice.Totals.Prepaid,
            LedgerAmountExclVat = d.LedgerAmountExclVat,
            OrderReference = invoice.OrderReference, ContractReference = invoice.ContractReference, BuyerReference = invoice.BuyerReference,
            PaymentReference = invoice.PaymentReference, PayeeAccount = invoice.PayeeAccounts.FirstOrDefault()?.ToString(),
            Status = d.Status, Match = d.Match, MatchRef = d.MatchRef, SubscriptionPeriod = d.SubscriptionPeriod, DuplicateKey = d.DuplicateKey,
            DuplicateOf = d.DuplicateOf,
            Exceptions = string.Join(';', d.Issues.Select(i => i.Code).Distinct()),
            PolicyVersion = d.PolicyVersion, ReceivedAt = doc.ReceivedAt, RunId = runId,
            AttestedBy = d.Status == InvoiceStatus.Attested ? "system" : null, AttestedAt = d.Status == InvoiceStatus.Attested ? now : null,
            DocumentJson = StoredDocument.Write(invoice, read.Scan?.Capture),
            VatBreakdownJson = StoredDocument.WriteVat(invoice.VatBreakdown),
            Lines = d.Lines.Select((l, i) => new SupplierInvoiceLine
            {
                LineNo = i + 1, Kind = l.Kind, LineId = l.Line.Id, Description = l.Line.ItemName, ItemId = l.Line.SellersItemId, Quantity = l.Line.Quantity,
                UnitPrice = l.Line.UnitPrice, NetAmount = l.Line.NetAmount, VatCategory = l.Line.VatCategory ?? "S", VatRate = l.Line.VatRate ?? 0,
                OrderLineReference = l.Line.OrderLineReference, PoNumber = l.PoNumber, PoLine = l.PoLine, Account = l.Account,
                CostCentre = l.CostCentre, Project = l.Project, CodingSource = l.Source,
            }).ToList(),
            Issues = d.Issues.Select(i => new InvoiceException { Code = i.Code, Reason = i.Reason, RaisedAt = now }).ToList(),
        };
    }

    private static void Record(SupplierInvoice inv, InvoiceDecision? d, ReadDocument read, string runId, DateTimeOffset now, List<StatusChange> history, List<DecisionRecord> decisions)
    {
        // Validation warnings (and the fatal findings of a rejection) stay with the invoice, with their official rule ids.
        foreach (var f in read.Result.Findings)
            decisions.Add(new DecisionRecord { InvoiceId = inv.Id, Step = "validation", Rule = f.RuleId, Explanation = $"{f.Severity}: {f.Message} at {f.Location}", At = now });
        history.Add(new StatusChange { SubjectId = inv.Id, At = now, Action = "receive", ToStatus = nameof(InvoiceStatus.Received), RunId = runId, Reason = "stored from the inbox" });
        var why = d is null ? read.Result.Rejection!.Reason
            : d.Issues.Count > 0 ? string.Join("; ", d.Issues.Select(i => i.Code)) : d.Match == MatchKind.None ? "no match" : $"matched {d.Match.Name()} {d.MatchRef}";
        history.Add(new StatusChange { SubjectId = inv.Id, At = now, Action = "process", FromStatus = nameof(InvoiceStatus.Received), ToStatus = inv.Status.ToString(), RunId = runId, Reason = why });
        if (d is null) return;
        foreach (var e in d.Explanations)
            decisions.Add(new DecisionRecord { InvoiceId = inv.Id, Step = e.Step, Rule = e.Rule, Explanation = e.Text, PolicyVersion = inv.PolicyVersion, At = now });
    }
}
