using InvoicePipeline.MasterData;
using InvoicePipeline.Organisations;
using InvoicePipeline.Worker.Cli;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Organisations;

/// <summary>
/// The centre's organisations as the product uses them: the directory arrival registration reads (organisations.csv,
/// or the installation's one organisation from configuration when there is none), and each organisation's ledger
/// settings — its own where organisations.csv gives them, else <c>Pipeline:Posting</c> and <c>Pipeline:Ledger</c>.
/// </summary>
public static class OrganisationBook
{
    /// <summary>The directory: the stored organisations, or the one organisation of an installation without organisations.csv.</summary>
    public static async Task<OrganisationDirectory> LoadAsync(PipelineDbContext db, PipelineOptions options, CancellationToken ct)
    {
        var stored = await db.Organisations.AsNoTracking().ToListAsync(ct);
        return stored.Count == 0 ? OrganisationDirectory.Single(Default(options)) : new OrganisationDirectory(stored);
    }

    /// <summary>The one organisation of an installation without organisations.csv: everything from configuration.</summary>
    public static Organisation Default(PipelineOptions options) => new()
    {
        OrganisationId = Organisation.DefaultId, Name = options.Ledger.CompanyName,
        OrgNo = new string(options.Ledger.OrgNo.Where(char.IsAsciiDigit).ToArray()), LedgerCurrency = options.Posting.LedgerCurrency,
        FiscalYearStart = options.Posting.FiscalYearStartMonth, VoucherSeries = options.Posting.InvoiceSeries,
        DebtorIban = options.Ledger.DebtorIban, DebtorBic = options.Ledger.DebtorBic,
    };

    /// <summary>The core's posting rules for one organisation: its series, accounts, fiscal year and currency over the configured defaults.</summary>
    public static InvoicePipeline.Posting.PostingOptions Rules(this PipelineOptions options, Organisation organisation)
    {
        var rules = options.Posting.Rules();
        rules.LedgerCurrency = organisation.LedgerCurrency;
        rules.InvoiceSeries = organisation.VoucherSeries;
        rules.FiscalYearStartMonth = organisation.FiscalYearStart;
        rules.PayablesAccount = organisation.PayableAccount ?? rules.PayablesAccount;
        rules.InputVatAccount = organisation.VatInAccount ?? rules.InputVatAccount;
        rules.VatInReverseAccount = organisation.VatInReverseAccount ?? rules.VatInReverseAccount;
        rules.VatOutReverseAccount = organisation.VatOutReverseAccount ?? rules.VatOutReverseAccount;
        rules.RoundingAccount = organisation.RoundingAccount ?? rules.RoundingAccount;
        return rules;
    }

    /// <summary>
    /// The organisation a command works on (cli.md: <c>--organisation ID</c>): the one named, or the only one there is.
    /// With several and none named the command exits 2 listing the ids; an unknown id exits 2 too.
    /// </summary>
    public static Organisation Choose(OrganisationDirectory directory, string? organisationId)
    {
        if (!string.IsNullOrWhiteSpace(organisationId))
            return directory.Find(organisationId)
                ?? throw new UsageException($"--organisation {organisationId} is not one of the centre's organisations: {Ids(directory)}");
        if (directory.All.Count == 1) return directory.All[0];
        throw new UsageException($"the centre has {directory.All.Count} organisations: name one with --organisation ({Ids(directory)})");
    }

    private static string Ids(OrganisationDirectory directory) => string.Join(", ", directory.All.Select(o => o.OrganisationId));
}
