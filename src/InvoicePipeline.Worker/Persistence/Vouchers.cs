namespace InvoicePipeline.Worker.Persistence;

/// <summary>A posted, balanced voucher. Numbers are gapless per organisation, series and fiscal year.</summary>
public sealed class VoucherEntry
{
    public long Id { get; set; }
    /// <summary>The customer organisation whose ledger this belongs to (organisations.md).</summary>
    public string OrganisationId { get; set; } = InvoicePipeline.MasterData.Organisation.DefaultId;
    public string Series { get; set; } = "A";
    public int FiscalYear { get; set; }
    public int Number { get; set; }
    public DateOnly Date { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The invoice this voucher posts; unique, so an invoice can never be posted twice.</summary>
    public long? InvoiceId { get; set; }
    public string? PayrollBatch { get; set; }
    public string RunId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "system";
}

/// <summary>One line of a voucher: a signed amount in the ledger currency (debit positive, credit negative).</summary>
public sealed class VoucherLineEntry
{
    public long Id { get; set; }
    public long VoucherId { get; set; }
    public int LineNo { get; set; }
    public string Account { get; set; } = "";
    public string? CostCentre { get; set; }
    public string? Project { get; set; }
    public decimal Amount { get; set; }
    public string? Text { get; set; }
}

/// <summary>The next free number per organisation, voucher series and fiscal year; rows are locked while a chunk posts.</summary>
public sealed class VoucherSeriesCounter
{
    /// <summary>The customer organisation whose ledger this belongs to (organisations.md).</summary>
    public string OrganisationId { get; set; } = InvoicePipeline.MasterData.Organisation.DefaultId;
    public string Series { get; set; } = "A";
    public int FiscalYear { get; set; }
    public int NextNumber { get; set; } = 1;
}

/// <summary>Blocks of ids handed out to chunks, so a chunk can bulk-copy parents and children in one go.</summary>
public sealed class IdBlock
{
    public string Name { get; set; } = "";
    public long NextId { get; set; } = 1;
}

/// <summary>
/// A closed period of the ledger (<c>period close</c>): nothing is posted on or before <see cref="Through"/> afterwards;
/// a later posting dated in it takes the first open date. Who closed it, when and why is kept here and in the history.
/// </summary>
public sealed class PeriodLock
{
    public long Id { get; set; }
    /// <summary>The organisation whose ledger is closed ("" until organisations are kept).</summary>
    public string Organisation { get; set; } = "";
    /// <summary>YYYY-MM of the closed month.</summary>
    public string Month { get; set; } = "";
    /// <summary>The last day of the closed month.</summary>
    public DateOnly Through { get; set; }
    public DateTimeOffset ClosedAt { get; set; }
    public string ClosedBy { get; set; } = "";
}
