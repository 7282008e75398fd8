using InvoicePipeline.Attestation;
using InvoicePipeline.Coding;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Tests.Matching;

public sealed class OrderMatcherFacts
{
    private static PurchaseOrderLine Po(string po, string line, decimal qty, decimal price, string? item = null, string supplier = "S1") =>
        new() { PoNumber = po, PoLine = line, SupplierId = supplier, Quantity = qty, UnitPrice = price, Currency = "SEK", Account = "4010", CostCentre = "CC1", ItemId = item };

    private static Invoice Inv(string? po, params (string Id, decimal Qty, decimal Price, string? Ref, string? Item)[] lines) => new()
    {
        Number = "F1", IssueDate = new DateOnly(2026, 11, 5), Currency = "SEK", OrderReference = po,
        Totals = new MonetaryTotals { LineExtension = lines.Sum(l => l.Qty * l.Price), TaxExclusive = lines.Sum(l => l.Qty * l.Price) },
        Lines = lines.Select(l => new InvoiceLine { Id = l.Id, Quantity = l.Qty, UnitPrice = l.Price, NetAmount = Money.Round(l.Qty * l.Price), OrderLineReference = l.Ref, SellersItemId = l.Item }).ToList(),
    };

    private static OrderBook Book(params OpenOrderLine[] lines) => new(lines);

    [Fact]
    public void PriceExactlyAtTheTolerance_Passes_AndJustAbove_IsAVariance()
    {
        // 10 × 100.00 ordered = 1,000.00; tolerance 2 % + 1.00 = 21.00 → 1,021.00 passes, 1,021.01 does not.
        var at = OrderMatcher.Match(Inv("PO1", ("1", 10, 102.10m, "1", null)), "S1", Book(new OpenOrderLine(Po("PO1", "1", 10, 100m), 0, null)), TolerancePolicy.Standard);
        Assert.Empty(at.Issues);
        Assert.Contains(at.Explanations, e => e.Rule == "price" && e.Text.Contains("allowed ±21.00", StringComparison.Ordinal));
        var variance = OrderMatcher.Match(Inv("PO1", ("1", 10, 102.101m, "1", null)), "S1", Book(new OpenOrderLine(Po("PO1", "1", 10, 100m), 0, null)), TolerancePolicy.Standard);
        Assert.Equal(ExceptionCode.PriceVariance, Assert.Single(variance.Issues).Code);
    }

    [Fact]
    public void PartialDeliveries_AcrossInvoices_ConsumeTheOrder_AndCreditNotesGiveBack()
    {
        var line = new OpenOrderLine(Po("PO1", "1", 40, 10m), 0, null);
        var book = Book(line);
        Assert.Empty(OrderMatcher.Match(Inv("PO1", ("1", 16, 10m, "1", null)), "S1", book, TolerancePolicy.Standard).Issues);
        Assert.Empty(OrderMatcher.Match(Inv("PO1", ("1", 20, 10m, "1", null)), "S1", book, TolerancePolicy.Standard).Issues);
        var third = OrderMatcher.Match(Inv("PO1", ("1", 5, 10m, "1", null)), "S1", book, TolerancePolicy.Standard);
        Assert.Equal(ExceptionCode.QuantityVariance, Assert.Single(third.Issues).Code); // 36 + 5 > 40
        var credit = Inv("PO1", ("1", 5, 10m, "1", null)) is var c ? new Invoice { Kind = DocumentKind.CreditNote, Number = "K1", IssueDate = c.IssueDate, Currency = "SEK", OrderReference = "PO1", Totals = c.Totals, Lines = c.Lines } : null!;
        OrderMatcher.Match(credit, "S1", book, TolerancePolicy.Standard);
        Assert.Equal(36m, line.Invoiced); // 16 + 20 + 5 − 5
    }

    [Fact]
    public void ThreeWay_AppliesWhenTheOrderHasReceipts()
    {
        var book = Book(new OpenOrderLine(Po("PO1", "1", 20, 99m), 0, 12m));
        var m = OrderMatcher.Match(Inv("PO1", ("1", 20, 99m, "1", null)), "S1", book, TolerancePolicy.Standard);
        Assert.Equal(ExceptionCode.NotReceived, Assert.Single(m.Issues).Code);
        var services = Book(new OpenOrderLine(Po("PO2", "1", 1, 18500m), 0, null));
        Assert.Empty(OrderMatcher.Match(Inv("PO2", ("1", 1, 18500m, null, null)), "S1", services, TolerancePolicy.Standard).Issues);
    }

    [Fact]
    public void Lines_AreMatchedByReference_ThenItem_ThenClosestPriceAndQuantity()
    {
        var book = Book(new OpenOrderLine(Po("PO1", "1", 10, 125m, "ART-100"), 0, null), new OpenOrderLine(Po("PO1", "2", 5, 349m, "ART-220"), 0, null));
        var m = OrderMatcher.Match(Inv("PO1", ("a", 5, 349m, null, "ART-220"), ("b", 10, 125m, null, null)), "S1", book, TolerancePolicy.Standard);
        Assert.Empty(m.Issues);
        Assert.Equal("2", m.Lines[0].OrderLine!.Line.PoLine);
        Assert.Equal("1", m.Lines[1].OrderLine!.Line.PoLine);
    }

    [Fact]
    public void WithoutAnOrderReference_OnlyASingleExactFit_Matches()
    {
        var one = Book(new OpenOrderLine(Po("PO1", "1", 10, 50m), 0, null), new OpenOrderLine(Po("PO2", "1", 3, 80m), 0, null));
        var m = OrderMatcher.Match(Inv(null, ("1", 10, 50m, null, null)), "S1", one, TolerancePolicy.Standard);
        Assert.Equal("PO1", m.PoNumber);
        var two = Book(new OpenOrderLine(Po("PO1", "1", 10, 50m), 0, null), new OpenOrderLine(Po("PO3", "1", 10, 50m), 0, null));
        var none = OrderMatcher.Match(Inv(null, ("1", 10, 50m, null, null)), "S1", two, TolerancePolicy.Standard);
        Assert.False(none.Matched);
        Assert.Equal(2, none.Suggestions.Count);
        Assert.Contains("2 open orders fit", none.Explanations[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SupplierOverride_InTheTolerancePolicy_WinsOverTheDefault()
    {
        var policy = TolerancePolicy.Standard with { Version = "2026-02", BySupplier = new Dictionary<string, Tolerance> { ["S1"] = new(10m, 0m) } };
        var book = Book(new OpenOrderLine(Po("PO1", "1", 10, 100m), 0, null));
        var m = OrderMatcher.Match(Inv("PO1", ("1", 10, 109m, "1", null)), "S1", book, policy);
        Assert.Empty(m.Issues);
        Assert.Contains(m.Explanations, e => e.Text.Contains("policy 2026-02", StringComparison.Ordinal));
        Assert.Equal("2026-02", new PolicyBook([TolerancePolicy.Standard, policy with { EffectiveFrom = new DateOnly(2026, 6, 1) }]).On(new DateOnly(2026, 7, 1)).Version);
    }

    [Fact]
    public void CurrencyMismatch_IsRaised()
    {
        var po = Po("PO1", "1", 10, 100m);
        po.Currency = "EUR";
        var m = OrderMatcher.Match(Inv("PO1", ("1", 10, 100m, "1", null)), "S1", Book(new OpenOrderLine(po, 0, null)), TolerancePolicy.Standard);
        Assert.Contains(m.Issues, i => i.Code == ExceptionCode.CurrencyMismatch);
    }
}

public sealed class SubscriptionAndCodingFacts
{
    private static readonly Subscription Phones = new()
    {
        SubscriptionId = "SUB-01", SupplierId = "S4", Period = SubscriptionPeriod.Monthly, AmountExclVat = 4800m, Currency = "SEK",
        ContractRef = "AVT-17", TolerancePct = 5m, Account = "6210", CostCentre = "CC100",
    };

    private static Invoice Inv(decimal net, string? contract, DateOnly issue) => new()
    {
        Number = "T1", IssueDate = issue, Currency = "SEK", ContractReference = contract,
        Totals = new MonetaryTotals { TaxExclusive = net, LineExtension = net },
        Lines = [new InvoiceLine { Id = "1", Quantity = 1, NetAmount = net }],
    };

    [Fact]
    public void Subscription_ByContract_WithinTolerance_ThenPeriodInvoiced_ThenVariance()
    {
        var ok = SubscriptionMatcher.Match(Inv(5040m, "AVT-17", new DateOnly(2026, 11, 1)), "S4", [Phones], new HashSet<string>());
        Assert.True(ok.Matched);
        Assert.Equal("2026-11", ok.PeriodKey);
        Assert.Empty(ok.Issues); // exactly +5 %
        var again = SubscriptionMatcher.Match(Inv(4800m, "AVT-17", new DateOnly(2026, 11, 20)), "S4", [Phones], new HashSet<string> { "SUB-01|2026-11" });
        Assert.Equal(ExceptionCode.SubscriptionPeriodInvoiced, Assert.Single(again.Issues).Code);
        var over = SubscriptionMatcher.Match(Inv(5040.01m, "AVT-17", new DateOnly(2026, 12, 1)), "S4", [Phones], new HashSet<string>());
        Assert.Equal(ExceptionCode.SubscriptionVariance, Assert.Single(over.Issues).Code);
        Assert.False(SubscriptionMatcher.Match(Inv(9000m, null, new DateOnly(2026, 12, 1)), "S4", [Phones], new HashSet<string>()).Matched);
    }

    [Fact]
    public void Coding_FallsBackFromOrderToHintToDefaultToHistory_AndSaysWhereFrom()
    {
        var line = new InvoiceLine { Id = "1", Quantity = 1, NetAmount = 100m, SellersItemId = "X", AccountingCost = "6540;CC300;P-12" };
        var invoice = new Invoice { Number = "1", Lines = [line] };
        var supplier = new Supplier { SupplierId = "S1", DefaultAccount = "4010", DefaultCostCentre = "CC100" };
        var accounts = new HashSet<string> { "6540", "4010" };
        var history = new CodingHistory([("S9", "X", new Coding.Coding("5410", "CC200", null), 3)]);

        var (hint, source, _) = LineCoder.Code(invoice, line, null, null, supplier, accounts, history);
        Assert.Equal((new Coding.Coding("6540", "CC300", "P-12"), CodingSource.AccountingCostHint), (hint, source));
        var noHint = new InvoiceLine { Id = "1", Quantity = 1, NetAmount = 100m, SellersItemId = "X", AccountingCost = "9999" };
        Assert.Equal(CodingSource.SupplierDefault, LineCoder.Code(invoice, noHint, null, null, supplier, accounts, history).Source);
        var bare = new Supplier { SupplierId = "S9" };
        Assert.Equal((new Coding.Coding("5410", "CC200", null), CodingSource.History), (LineCoder.Code(invoice, noHint, null, null, bare, accounts, history).Coding, LineCoder.Code(invoice, noHint, null, null, bare, accounts, history).Source));
        Assert.Null(LineCoder.Code(invoice, noHint, null, null, new Supplier { SupplierId = "S0" }, accounts, history).Coding);
    }

    [Fact]
    public void Routing_AutoAttestsMatched_SendsOthersToAttestation_OrRaisesNoApprover()
    {
        var approvers = new[] { new Approver { UserId = "bo", CostCentre = "CC200", MaxAmount = 250_000m } };
        var today = new DateOnly(2026, 11, 20);
        Assert.Equal(InvoiceStatus.Attested, Routing.Route([], MatchKind.Order, true, ["CC200"], 10_000m, approvers, today, "p1").Status);
        Assert.Equal(InvoiceStatus.AwaitingAttestation, Routing.Route([], MatchKind.None, true, ["CC200"], 10_000m, approvers, today, "p1").Status);
        var big = Routing.Route([], MatchKind.Order, true, ["CC200"], 2_000_000m, approvers, today, "p1", autoAttestMaxAmount: 1_000_000m);
        Assert.Equal(InvoiceStatus.AwaitingReview, big.Status);
        Assert.Equal(ExceptionCode.NoApprover, big.NoApprover!.Code);
        var other = Routing.Route([], MatchKind.None, true, ["CC999"], 10m, approvers, today, "p1");
        Assert.Contains("CC999", other.NoApprover!.Reason, StringComparison.Ordinal);
        Assert.Equal(InvoiceStatus.OnHold, Routing.Route([new(ExceptionCode.SupplierBlocked, "x"), new(ExceptionCode.NoMatch, "y")], MatchKind.None, true, [], 1m, approvers, today, "p1").Status);
    }
}
