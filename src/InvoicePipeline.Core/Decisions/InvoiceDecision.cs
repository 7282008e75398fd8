using InvoicePipeline.Coding;
using InvoicePipeline.Duplicates;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Decisions;

/// <summary>
/// What the pipeline decided for one invoice: supplier, match, coded lines, exceptions, explanations, status, and
/// what accepting it takes from the chunk's state (<see cref="DecisionContext.Accept"/>). Immutable.
/// </summary>
public sealed record InvoiceDecision
{
    public Supplier? Supplier { get; init; }
    public MatchKind Match { get; init; }
    public string? MatchRef { get; init; }
    public string? SubscriptionPeriod { get; init; }
    public string PolicyVersion { get; init; } = "";
    public IReadOnlyList<InvoiceIssue> Issues { get; init; } = [];
    public IReadOnlyList<Explanation> Explanations { get; init; } = [];
    public IReadOnlyList<DecidedLine> Lines { get; init; } = [];
    public decimal? LedgerAmountExclVat { get; init; }
    public InvoiceStatus Status { get; init; }
    /// <summary>The earlier invoice a DUPLICATE duplicates.</summary>
    public long? DuplicateOf { get; init; }
    /// <summary>"supplier|kind|number" (<see cref="InvoiceKey.Stored"/>) while the invoice counts against later ones with the same number.</summary>
    public string? DuplicateKey { get; init; }
    /// <summary>The key later invoices are checked against once this one is accepted.</summary>
    public InvoiceKey? Key { get; init; }
    /// <summary>The order quantities this invoice uses (credit notes give back: negative).</summary>
    public IReadOnlyList<OrderConsumption> Consumed { get; init; } = [];

    /// <summary>"subscription id|period" this invoice invoices, or null.</summary>
    public string? InvoicedPeriod => Match == MatchKind.Subscription ? MatchRef + "|" + SubscriptionPeriod : null;

    /// <summary>Whether later invoices see this one as accepted for duplicates (not a rejected or duplicate one).</summary>
    public bool CountsForDuplicates => Key is not null && Status is not (InvoiceStatus.Rejected or InvoiceStatus.Duplicate);
}

public sealed record DecidedLine(InvoiceLine Line, string? PoNumber, string? PoLine, string? Account, string? CostCentre, string? Project, string? Source,
    LineKind Kind = LineKind.Line);
