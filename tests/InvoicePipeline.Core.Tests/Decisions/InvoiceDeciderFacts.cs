using InvoicePipeline.Coding;
using InvoicePipeline.Decisions;
using InvoicePipeline.Duplicates;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.MasterData;
using InvoicePipeline.Posting;
using InvoicePipeline.Suppliers;

namespace InvoicePipeline.Tests.Decisions;

/// <summary>The decider against a hand-built chunk state: one fact per outcome, and that deciding changes nothing until accepted.</summary>
public sealed class InvoiceDeciderFacts
{
    private static readonly DateOnly Issued = new(2026, 11, 5);

    private static Supplier Acme(bool blocked = false) => new()
    {
        SupplierId = "S1", Name = "Acme AB", OrgNo = "5560360793", Country = "SE", Bankgiro = "5050-1055", DefaultCostCentre = "CC200", Blocked = blocked,
    };

    private static PurchaseOrderLine Po(decimal quantity = 10, decimal price = 100m) => new()
    {
        PoNumber = "PO1", PoLine = "1", SupplierId = "S1", Quantity = quantity, UnitPrice = price, Currency = "SEK", Account = "4010", CostCentre = "CC200",
    };

    private static Invoice Invoice(string number = "F1", string? po = "PO1", decimal quantity = 10, decimal price = 100m, string currency = "SEK",
        string? contract = null, string? sellerOrgNo = "556036-0793") => new()
    {
        Number = number, IssueDate = Issued, Currency = currency, OrderReference = po, ContractReference = contract,
        Seller = new Party { Name = "Acme AB", LegalId = sellerOrgNo is null ? null : new SchemedId(sellerOrgNo, null), CountryCode = "SE" },
        Totals = new MonetaryTotals { LineExtension = quantity * price, TaxExclusive = quantity * price, TaxInclusive = quantity * price * 1.25m, Payable = quantity * price * 1.25m },
        Lines = [new InvoiceLine { Id = "1", Quantity = quantity, UnitPrice = price, NetAmount = quantity * price, OrderLineReference = po is null ? null : "1" }],
    };

    private static DecisionContext Context(Supplier? supplier = null, PurchaseOrderLine? order = null, Subscription? subscription = null,
        IEnumerable<InvoiceKey>? accepted = null, IEnumerable<ExchangeRate>? rates = null, IEnumerable<Approver>? approvers = null) => new()
    {
        Orders = new OrderBook(order is null ? [] : [new OpenOrderLine(order, 0, null)]),
        Subscriptions = (subscription is null ? [] : new[] { subscription }).ToLookup(s => s.SupplierId, StringComparer.Ordinal),
        InvoicedPeriods = new HashSet<string>(StringComparer.Ordinal),
        Approvers = approvers?.ToList() ?? [new Approver { UserId = "bo", CostCentre = "CC200", MaxAmount = 250_000m }],
        ExchangeRates = new ExchangeRateTable(rates ?? []),
        AcceptedKeys = new DuplicateIndex(accepted ?? []),
        Identification = new SupplierIdentification([supplier ?? Acme()]),
        Accounts = new HashSet<string>(["4010", "6540"], StringComparer.Ordinal),
        History = new CodingHistory([]),
    };

    private static readonly DecisionPolicy Policy = DecisionPolicy.Standard;

    [Fact]
    public void MatchedToAnOrderWithinTolerance_IsAttestedByPolicy()
    {
        var d = InvoiceDecider.Decide(Invoice(), Context(order: Po()), Policy);
        Assert.Equal((InvoiceStatus.Attested, MatchKind.Order, "PO1"), (d.Status, d.Match, d.MatchRef));
        Assert.Empty(d.Issues);
        Assert.Equal(1000m, d.LedgerAmountExclVat);
        Assert.Equal(("4010", "CC200"), (d.Lines[0].Account, d.Lines[0].CostCentre));
        Assert.Equal("S1|I|F1", d.DuplicateKey);
        Assert.Contains(d.Explanations, e => e.Rule == "auto-attest");
    }

    [Fact]
    public void MatchedToASubscription_IsAttestedByPolicy_AndNamesThePeriod()
    {
        var subscription = new Subscription { SubscriptionId = "SUB1", SupplierId = "S1", Period = SubscriptionPeriod.Monthly, AmountExclVat = 1000m, ContractRef = "K-1", Account = "6540", CostCentre = "CC200" };
        var d = InvoiceDecider.Decide(Invoice(po: null, contract: "K-1"), Context(subscription: subscription), Policy);
        Assert.Equal((InvoiceStatus.Attested, MatchKind.Subscription, "SUB1", "2026-11"), (d.Status, d.Match, d.MatchRef, d.SubscriptionPeriod));
        Assert.Equal("SUB1|2026-11", d.InvoicedPeriod);
    }

    [Fact]
    public void Matched_WithoutAutoAttestation_AwaitsAnApprover()
    {
        var d = InvoiceDecider.Decide(Invoice(), Context(order: Po()), Policy with { AutoAttestMatched = false });
        Assert.Equal(InvoiceStatus.AwaitingAttestation, d.Status);
        Assert.Empty(d.Issues);
    }

    [Fact]
    public void Matched_OverTheAutoAttestLimit_WithNobodyHoldingAuthority_RaisesNoApprover()
    {
        var d = InvoiceDecider.Decide(Invoice(), Context(order: Po(), approvers: []), Policy with { AutoAttestMaxAmount = 500m });
        Assert.Equal(InvoiceStatus.AwaitingReview, d.Status);
        Assert.Equal(ExceptionCode.NoApprover, Assert.Single(d.Issues).Code);
    }

    [Fact]
    public void NoOrderAndNoSubscription_IsNoMatch()
    {
        var d = InvoiceDecider.Decide(Invoice(po: null), Context(), Policy);
        Assert.Equal((InvoiceStatus.AwaitingReview, MatchKind.None), (d.Status, d.Match));
        Assert.Contains(d.Issues, i => i.Code == ExceptionCode.NoMatch);
    }

    [Fact]
    public void APriceOutsideTheTolerance_IsAPriceVariance()
    {
        var d = InvoiceDecider.Decide(Invoice(price: 110m), Context(order: Po()), Policy);
        Assert.Equal(InvoiceStatus.AwaitingReview, d.Status);
        Assert.Equal(ExceptionCode.PriceVariance, Assert.Single(d.Issues).Code);
    }

    [Fact]
    public void AnUnknownSeller_IsUnknownSupplier_AndNotMatched()
    {
        var d = InvoiceDecider.Decide(Invoice(sellerOrgNo: "5566778899"), Context(order: Po()), Policy);
        Assert.Equal((InvoiceStatus.AwaitingReview, MatchKind.None), (d.Status, d.Match));
        Assert.Null(d.Supplier);
        Assert.Null(d.Key);
        Assert.Contains(d.Issues, i => i.Code == ExceptionCode.UnknownSupplier);
    }

    [Fact]
    public void ABlockedSupplier_IsOnHold()
    {
        var d = InvoiceDecider.Decide(Invoice(), Context(supplier: Acme(blocked: true), order: Po()), Policy);
        Assert.Equal(InvoiceStatus.OnHold, d.Status);
        Assert.Contains(d.Issues, i => i.Code == ExceptionCode.SupplierBlocked);
    }

    [Fact]
    public void ANumberAlreadyAccepted_IsADuplicate_WithoutAKey()
    {
        var accepted = new InvoiceKey("S1", "F1", 1250m, "SEK", Issued, "invoice 7", InvoiceId: 7);
        var d = InvoiceDecider.Decide(Invoice(), Context(order: Po(), accepted: [accepted]), Policy);
        Assert.Equal((InvoiceStatus.Duplicate, MatchKind.None), (d.Status, d.Match));
        Assert.Equal(7, d.DuplicateOf);
        Assert.Null(d.DuplicateKey);
        Assert.False(d.CountsForDuplicates);
        Assert.Contains("invoice 7", Assert.Single(d.Issues, i => i.Code == ExceptionCode.Duplicate).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AForeignCurrency_WithoutARate_IsMissingExchangeRate_AndWithOne_IsConverted()
    {
        var eurOrder = Po();
        eurOrder.Currency = "EUR";
        var missing = InvoiceDecider.Decide(Invoice(currency: "EUR"), Context(order: eurOrder), Policy);
        Assert.Equal(InvoiceStatus.AwaitingReview, missing.Status);
        Assert.Null(missing.LedgerAmountExclVat);
        Assert.Equal(ExceptionCode.MissingExchangeRate, Assert.Single(missing.Issues).Code);
        var converted = InvoiceDecider.Decide(Invoice(currency: "EUR"), Context(order: eurOrder, rates: [new ExchangeRate { Date = Issued, Currency = "EUR", Rate = 11.5m }]), Policy);
        Assert.Equal((InvoiceStatus.Attested, 11_500m), (converted.Status, converted.LedgerAmountExclVat));
    }

    [Fact]
    public void ALineNothingCodes_IsMissingCoding()
    {
        var supplier = Acme();
        supplier.DefaultCostCentre = null;
        var d = InvoiceDecider.Decide(Invoice(po: null), Context(supplier: supplier), Policy);
        Assert.Contains(d.Issues, i => i.Code == ExceptionCode.MissingCoding);
        Assert.Null(d.Lines[0].Account);
    }

    [Fact]
    public void IntakeIssues_OfAScan_GoToAPerson()
    {
        var d = InvoiceDecider.Decide(Invoice(), Context(order: Po()), Policy, [new InvoiceIssue(ExceptionCode.LowConfidence, "InvoiceNumber 0.41")]);
        Assert.Equal(InvoiceStatus.AwaitingReview, d.Status);
        Assert.Contains(d.Explanations, e => e.Step == "intake" && e.Rule == ExceptionCode.LowConfidence);
    }

    [Fact]
    public void Deciding_ChangesNothing_AcceptingTakesTheOrderTheKeyAndThePeriod()
    {
        var order = Po(quantity: 10);
        var context = Context(order: order);
        var first = InvoiceDecider.Decide(Invoice("F1", quantity: 6), context, Policy);
        var again = InvoiceDecider.Decide(Invoice("F1", quantity: 6), context, Policy);
        Assert.Equal(first.Status, again.Status);
        Assert.Equal(0m, context.Orders.Order("PO1")[0].Invoiced);

        context.Accept(first);
        Assert.Equal(6m, context.Orders.Order("PO1")[0].Invoiced);
        var duplicate = InvoiceDecider.Decide(Invoice("F1", quantity: 6), context, Policy);
        Assert.Equal(InvoiceStatus.Duplicate, duplicate.Status);
        var more = InvoiceDecider.Decide(Invoice("F2", quantity: 6), context, Policy);
        Assert.Contains(more.Issues, i => i.Code == ExceptionCode.QuantityVariance); // 6 + 6 > 10

        var subscription = new Subscription { SubscriptionId = "SUB1", SupplierId = "S1", Period = SubscriptionPeriod.Monthly, AmountExclVat = 1000m, ContractRef = "K-1", Account = "6540" };
        var monthly = Context(subscription: subscription);
        monthly.Accept(InvoiceDecider.Decide(Invoice("F3", po: null, contract: "K-1"), monthly, Policy));
        var second = InvoiceDecider.Decide(Invoice("F4", po: null, contract: "K-1"), monthly, Policy);
        Assert.Contains(second.Issues, i => i.Code == ExceptionCode.SubscriptionPeriodInvoiced);
    }

    [Fact]
    public void AForeignInvoiceOfASaturday_TakesFridaysRate_AsPostingDoes_ButNotARateOlderThanTheLimit()
    {
        var eurOrder = Po();
        eurOrder.Currency = "EUR";
        var saturday = new DateOnly(2026, 11, 14);
        var friday = new ExchangeRate { Date = saturday.AddDays(-1), Currency = "EUR", Rate = 11.2m };
        var d = InvoiceDecider.Decide(Reissued(Invoice(currency: "EUR"), saturday), Context(order: eurOrder, rates: [friday]), Policy);
        Assert.Equal((InvoiceStatus.Attested, 11_200m), (d.Status, d.LedgerAmountExclVat));
        Assert.Contains(d.Explanations, e => e.Rule == "rate" && e.Text.Contains("of 2026-11-13", StringComparison.Ordinal));

        var stale = new ExchangeRate { Date = saturday.AddDays(-8), Currency = "EUR", Rate = 11.0m };
        var old = InvoiceDecider.Decide(Reissued(Invoice(currency: "EUR"), saturday), Context(order: eurOrder, rates: [stale]), Policy);
        Assert.Equal(ExceptionCode.MissingExchangeRate, Assert.Single(old.Issues).Code);
    }

    [Fact]
    public void ACreditNoteNumberedLikeAnAcceptedInvoice_IsNoDuplicate_AndKeysAsACredit()
    {
        var accepted = new InvoiceKey("S1", "F1", 1250m, "SEK", Issued, "invoice 7", 1, 7);
        var credit = Invoice();
        credit = new Invoice
        {
            Kind = DocumentKind.CreditNote, Number = credit.Number, IssueDate = credit.IssueDate, Currency = credit.Currency, OrderReference = credit.OrderReference,
            Seller = credit.Seller, Totals = credit.Totals, Lines = credit.Lines,
        };
        var d = InvoiceDecider.Decide(credit, Context(order: Po(), accepted: [accepted]), Policy);
        Assert.DoesNotContain(d.Issues, i => i.Code == ExceptionCode.Duplicate);
        Assert.Equal("S1|C|F1", d.DuplicateKey);
        Assert.Null(d.DuplicateOf);
    }

    [Fact]
    public void ADocumentLevelCharge_IsCodedByItsReasonCode_AndAnAllowanceByTheOrder()
    {
        var invoice = Invoice();
        invoice = new Invoice
        {
            Number = invoice.Number, IssueDate = invoice.IssueDate, Currency = invoice.Currency, OrderReference = invoice.OrderReference, Seller = invoice.Seller,
            Totals = invoice.Totals, Lines = invoice.Lines,
            AllowanceCharges = [new AllowanceCharge(true, 150m, null, null, "FC", "Frakt", "S", 25m), new AllowanceCharge(false, 50m, null, null, "95", "Rabatt", "S", 25m)],
        };
        var policy = Policy with { ChargeAccounts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["FC"] = "5710" } };
        var noOrder = InvoiceDecider.Decide(invoice, Context(), policy);
        var charge = Assert.Single(noOrder.Lines, l => l.Kind == LineKind.Charge);
        Assert.Equal(("5710", 150m, CodingSource.ChargeReason.ToString()), (charge.Account, charge.Line.NetAmount, charge.Source));
        var allowance = Assert.Single(noOrder.Lines, l => l.Kind == LineKind.Allowance);
        Assert.Equal(-50m, allowance.Line.NetAmount);

        var ordered = InvoiceDecider.Decide(invoice, Context(order: Po()), policy);
        Assert.All(ordered.Lines, l => Assert.Equal("4010", l.Account)); // the order's coding for its charges too
    }

    private static Invoice Reissued(Invoice i, DateOnly issued) => new()
    {
        Number = i.Number, IssueDate = issued, Currency = i.Currency, OrderReference = i.OrderReference, Seller = i.Seller, Totals = i.Totals, Lines = i.Lines,
    };
}
