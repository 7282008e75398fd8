using InvoicePipeline.Posting;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// What posting uses of one organisation: its posting rules (series, accounts, fiscal year, currency, accounts without
/// VAT deduction), the exchange rates quoted in its ledger currency, and the posting date its open periods give.
/// </summary>
internal sealed record OrganisationLedger(InvoicePipeline.MasterData.Organisation Organisation, InvoicePipeline.Posting.PostingOptions Rules,
    ExchangeRateTable Rates, DateOnly PostingDate);
