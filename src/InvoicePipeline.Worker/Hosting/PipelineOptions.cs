using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace InvoicePipeline.Worker.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The "Pipeline" configuration section (appsettings.json, environment Pipeline__..., command line). Every value is
/// checked when the program starts (<see cref="OptionsValidation"/>): a bad one stops it with the key to fix.
/// </summary>
public sealed class PipelineOptions
{
    public DatabaseOptions Database { get; set; } = new();
    public HangfireOptions Hangfire { get; set; } = new();
    public IntakeOptions Intake { get; set; } = new();
    public PostingOptions Posting { get; set; } = new();
    public AttestationOptions Attestation { get; set; } = new();
    public LedgerOptions Ledger { get; set; } = new();
    public PaymentOptions Payments { get; set; } = new();
    public ResponseOptions Responses { get; set; } = new();
    public ToleranceOptions Tolerance { get; set; } = new();
    public KpiOptions Kpi { get; set; } = new();
    public TravelOptions Travel { get; set; } = new();
    public HealthOptions Health { get; set; } = new();
    /// <summary>Time zone of posting dates, schedules and KPI months.</summary>
    [Required, KnownTimeZone]
    public string TimeZone { get; set; } = "Europe/Stockholm";
}

public sealed class DatabaseOptions
{
    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public sealed class HangfireOptions
{
    /// <summary>InMemory or Postgres; empty = InMemory with Sqlite, Postgres with Postgres.</summary>
    [RegularExpression("(?i)^(InMemory|Postgres)$", ErrorMessage = "must be InMemory or Postgres (or empty for the provider's default)")]
    public string? Storage { get; set; }
    [Range(1, 1000)]
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);
    [Required, MinLength(1), KnownQueues]
    public string[] Queues { get; set; } = ["default", "intake", "chunks", "posting"];
    /// <summary>How long a job fetched by a worker that died stays invisible before another worker takes it (PostgreSQL storage).</summary>
    [Range(1, 86_400)]
    public int InvisibilityTimeoutSeconds { get; set; } = 120;
}

public sealed class IntakeOptions
{
    /// <summary>Documents per chunk job.</summary>
    [Range(1, 1_000_000)]
    public int ChunkSize { get; set; } = 500;
    /// <summary>Largest e-invoice or scan accepted, in bytes.</summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
    /// <summary>Largest payroll file accepted, in bytes: mass imports are large (1,000,000 rows ≈ 56 MB).</summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long MaxPayrollFileBytes { get; set; } = 128 * 1024 * 1024;
    /// <summary>
    /// A file is taken once its size and modification time stay unchanged this long (or a NAME.done marker stands
    /// beside it); a file still arriving is left for the next run. 0 takes every file as it is found.
    /// </summary>
    [Range(0, 3600)]
    public int SettleSeconds { get; set; } = 10;
    /// <summary>Content intake holds in memory before it writes a batch of documents (at most 500 files a batch).</summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long MaxBatchBytes { get; set; } = 64 * 1024 * 1024;
    /// <summary>Largest CSV record (a row with any quoted line breaks): a file with a longer one is rejected, naming the line.</summary>
    [Range(1, int.MaxValue)]
    public int MaxCsvRecordBytes { get; set; } = Csv.CsvBytes.DefaultMaxRecordBytes;

    public long LimitFor(Ingestion.DocumentChannel channel) => channel is Ingestion.DocumentChannel.Payroll or Ingestion.DocumentChannel.Travel ? MaxPayrollFileBytes : MaxFileBytes;
}

public sealed class PostingOptions
{
    [Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "must be an ISO 4217 code such as SEK")]
    public string LedgerCurrency { get; set; } = "SEK";
    [Required]
    public string InvoiceSeries { get; set; } = "A";
    [Required]
    public string PayrollSeries { get; set; } = "L";
    [Required]
    public string PayableAccount { get; set; } = "2440";
    [Required]
    public string InputVatAccount { get; set; } = "2641";
    [Required]
    public string RoundingAccount { get; set; } = "3740";
    /// <summary>Invoices per posting transaction (one chunk = one transaction = one COPY per table).</summary>
    [Range(1, 1_000_000)]
    public int ChunkSize { get; set; } = 5000;
    /// <summary>BAS 1480 Förskott till leverantörer: prepaid amounts (BT-113).</summary>
    public string PrepaymentAccount { get; set; } = "1480";
    /// <summary>Self-assessed input VAT of reverse charge (BAS 2645).</summary>
    public string VatInReverseAccount { get; set; } = "2645";
    /// <summary>Self-assessed output VAT of reverse charge (BAS 2614).</summary>
    public string VatOutReverseAccount { get; set; } = "2614";
    /// <summary>The rate (percent) self-assessed on reverse-charge lines.</summary>
    public decimal ReverseChargeVatRate { get; set; } = 25m;
    /// <summary>Accounts for document-level charges and allowances by reason code, e.g. <c>"FC": "5710"</c>.</summary>
    public Dictionary<string, string> ChargeAccounts { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The exchange-rate rule's age limit: the latest rate on or before the issue date, at most this many days old.</summary>
    public int MaxRateAgeDays { get; set; } = InvoicePipeline.Posting.ExchangeRateTable.DefaultMaxAgeDays;
    /// <summary>First month of the fiscal year (1 = calendar year; 7 = July to June).</summary>
    public int FiscalYearStartMonth { get; set; } = 1;

    /// <summary>The core's posting rules with this configuration's series and accounts (the rest at the core's defaults).</summary>
    public InvoicePipeline.Posting.PostingOptions Rules() => new()
    {
        LedgerCurrency = LedgerCurrency, InvoiceSeries = InvoiceSeries, PayrollSeries = PayrollSeries, InputVatAccount = InputVatAccount,
        PayablesAccount = PayableAccount, RoundingAccount = RoundingAccount, PrepaymentAccount = PrepaymentAccount,
        VatInReverseAccount = VatInReverseAccount, VatOutReverseAccount = VatOutReverseAccount, ReverseChargeVatRate = ReverseChargeVatRate,
        ChargeAccounts = new(ChargeAccounts, StringComparer.OrdinalIgnoreCase), FiscalYearStartMonth = FiscalYearStartMonth,
    };

    /// <summary>The exchange-rate table with the configured age limit: deciding, posting and simulate read rates through it.</summary>
    public InvoicePipeline.Posting.ExchangeRateTable RateTable(IEnumerable<InvoicePipeline.MasterData.ExchangeRate> rates) => new(rates, MaxRateAgeDays);
}

public sealed class AttestationOptions
{
    /// <summary>Invoices matched within tolerance to an order or a subscription are attested without a person.</summary>
    public bool AutoAttestMatched { get; set; } = true;
    /// <summary>Matched invoices above this amount (ledger currency, excl. VAT) still need a person's attestation.</summary>
    [Range(typeof(decimal), "0", "79228162514264337593543950335")]
    public decimal AutoAttestMaxAmount { get; set; } = 1_000_000m;
    [Required]
    public string PolicyVersion { get; set; } = "2026-01";
}

/// <summary>The organisation whose ledger the exports feed (SIE #FNAMN, #ORGNR; pain.001 debtor).</summary>
public sealed class LedgerOptions
{
    [Required]
    public string CompanyName { get; set; } = "Statens servicecenter";
    [Required]
    public string OrgNo { get; set; } = "202100-5489";
    /// <summary>The account payments are made from (pain.001 DbtrAcct).</summary>
    [Required]
    public string DebtorIban { get; set; } = "SE3550000000054910000003";
    [Required]
    public string DebtorBic { get; set; } = "ESSESESS";
}

public sealed class PaymentOptions
{
    /// <summary>The bank channel: released payment files are written here (one file per MsgId), and only released ones.</summary>
    public string Outbox { get; set; } = Path.Combine("out", "bank-outbox");
    /// <summary>release (released = paid, the default) or bank (Paid only when a pain.002 or camt.054 in &lt;inbox&gt;/bank/ confirms it).</summary>
    [EnumDataType(typeof(InvoicePipeline.Payments.PaidOn))]
    public InvoicePipeline.Payments.PaidOn PaidOn { get; set; } = InvoicePipeline.Payments.PaidOn.Release;
}

/// <summary>Pipeline:Responses: what suppliers are told of their invoices, and where the access point picks it up.</summary>
public sealed class ResponseOptions
{
    /// <summary>The outbox the access point reads: one subfolder per organisation, one file per response.</summary>
    [Required]
    public string Outbox { get; set; } = Path.Combine("out", "responses");
    /// <summary>
    /// The statuses sent, by name or UNCL4343 code: Acknowledged (AB), UnderQuery (UQ), Rejected (RE), Accepted (AP), Paid (PD);
    /// not set = Rejected and Paid; <c>None</c> = nothing is sent.
    /// </summary>
    [KnownResponseStatuses]
    public string[]? Send { get; set; }
    /// <summary>The organisation's folder under the outbox; empty = the ledger's organisation number (Pipeline:Ledger:OrgNo, digits only).</summary>
    public string? Organisation { get; set; }

    public IReadOnlyList<InvoicePipeline.Responses.ResponseStatus> Statuses() => Send is null
        ? InvoicePipeline.Responses.ResponseEvents.DefaultSend
        : Send.Where(s => !KnownResponseStatusesAttribute.IsNone(s))
            .Select(s => InvoicePipeline.Responses.SupplierResponse.TryParse(s.Trim(), out var st) ? st : throw new InvalidOperationException(s)).Distinct().ToList();
}

/// <summary>Every entry of Pipeline:Responses:Send must be a response status the pipeline can send.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownResponseStatusesAttribute : ValidationAttribute
{
    private static readonly InvoicePipeline.Responses.ResponseStatus[] Sendable =
    [
        InvoicePipeline.Responses.ResponseStatus.Acknowledged, InvoicePipeline.Responses.ResponseStatus.UnderQuery,
        InvoicePipeline.Responses.ResponseStatus.Rejected, InvoicePipeline.Responses.ResponseStatus.Accepted, InvoicePipeline.Responses.ResponseStatus.Paid,
    ];

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        foreach (var s in value as string[] ?? [])
        {
            if (IsNone(s)) continue;
            if (!InvoicePipeline.Responses.SupplierResponse.TryParse(s?.Trim() ?? "", out var status) || !Sendable.Contains(status))
                return new ValidationResult($"'{s}' is not a response status that is sent: use {string.Join(", ", Sendable)} (or AB, UQ, RE, AP, PD), or None");
        }
        return ValidationResult.Success;
    }

    public static bool IsNone(string? s) => string.Equals(s?.Trim(), "None", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The tolerance policy versions (Pipeline:Tolerance:Versions), effective-dated; empty = the standard 2 % + 1.00.</summary>
public sealed class ToleranceOptions
{
    public List<ToleranceVersion> Versions { get; set; } = [];

    public Matching.PolicyBook Book() => new(Versions.Count == 0 ? [Matching.TolerancePolicy.Standard] : Versions.Select(v => v.ToPolicy()));
}

public sealed class ToleranceVersion
{
    [Required]
    public string Version { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    [Range(typeof(decimal), "0", "100")]
    public decimal PricePercent { get; set; } = 2m;
    [Range(typeof(decimal), "0", "79228162514264337593543950335")]
    public decimal Absolute { get; set; } = 1m;
    public Dictionary<string, ToleranceValue> Suppliers { get; set; } = [];
    public Dictionary<string, ToleranceValue> CostCentres { get; set; } = [];
    public Dictionary<string, ToleranceValue> Categories { get; set; } = [];

    public Matching.TolerancePolicy ToPolicy() => new(Version, EffectiveFrom, new(PricePercent, Absolute),
        Suppliers.ToDictionary(k => k.Key, k => k.Value.ToTolerance()), CostCentres.ToDictionary(k => k.Key, k => k.Value.ToTolerance()),
        Categories.ToDictionary(k => k.Key, k => k.Value.ToTolerance()));
}

public sealed class ToleranceValue
{
    [Range(typeof(decimal), "0", "100")]
    public decimal PricePercent { get; set; }
    [Range(typeof(decimal), "0", "79228162514264337593543950335")]
    public decimal Absolute { get; set; }

    public Matching.Tolerance ToTolerance() => new(PricePercent, Absolute);
}

/// <summary>
/// Travel and expense claims (docs/travel.md): the claim policy (<c>Pipeline:Travel:ReceiptRequiredAbove</c>,
/// <c>MaxAgeDays</c>), the accounts of the payroll voucher and the pay codes of the payroll export.
/// </summary>
public sealed class TravelOptions
{
    /// <summary>An expense above this amount (incl. VAT) needs a receipt reference.</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal ReceiptRequiredAbove { get; set; } = 300m;
    /// <summary>A line dated more than this many days before the business date is too old to be paid.</summary>
    [Range(1, 36_500)]
    public int MaxAgeDays { get; set; } = 365;
    /// <summary>BAS 7321 Skattefria traktamenten, Sverige.</summary>
    public string PerDiemTaxFreeAccount { get; set; } = "7321";
    /// <summary>BAS 7323 Skattefria traktamenten, utlandet.</summary>
    public string PerDiemTaxFreeForeignAccount { get; set; } = "7323";
    /// <summary>BAS 7322 Skattepliktiga traktamenten, Sverige (the excess over the tax-free maximum).</summary>
    public string PerDiemTaxableAccount { get; set; } = "7322";
    /// <summary>BAS 7331 Skattefria bilersättningar.</summary>
    public string MileageTaxFreeAccount { get; set; } = "7331";
    /// <summary>BAS 7332 Skattepliktiga bilersättningar.</summary>
    public string MileageTaxableAccount { get; set; } = "7332";
    /// <summary>BAS 5800 Resekostnader, for an expense whose category has no account of its own.</summary>
    public string ExpenseAccount { get; set; } = "5800";
    /// <summary>Expense accounts by category, e.g. hotel → 5831 Kost och logi i Sverige, ticket → 5810 Biljetter.</summary>
    public Dictionary<string, string> ExpenseAccounts { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hotel"] = "5831", ["lodging"] = "5831", ["ticket"] = "5810", ["train"] = "5810", ["flight"] = "5810", ["taxi"] = "5810", ["car_rental"] = "5820",
    };
    /// <summary>The pay codes of the claims' lines in the payroll export file.</summary>
    public string PerDiemTaxFreePayCode { get; set; } = "TRAKT";
    public string PerDiemTaxablePayCode { get; set; } = "TRAKT_SKATT";
    public string MileageTaxFreePayCode { get; set; } = "MIL";
    public string MileageTaxablePayCode { get; set; } = "MIL_SKATT";
    public string ExpensePayCode { get; set; } = "UTLAGG";

    public InvoicePipeline.Travel.TravelPolicy Policy(DateOnly today) => new(today, ReceiptRequiredAbove, MaxAgeDays);

    public string ExpenseAccountFor(string? category) =>
        category is not null && ExpenseAccounts.TryGetValue(category, out var account) ? account : ExpenseAccount;
}

/// <summary>The KPI targets (docs/kpi.md): handled per FTE and month, and the lead time a posted invoice should keep.</summary>
public sealed class KpiOptions
{
    public KpiTargets Targets { get; set; } = new();
    [Range(1, 365)]
    public int LeadTimeTargetWorkingDays { get; set; } = 5;

    public global::InvoicePipeline.Kpi.KpiSettings Settings() => new(Targets.SupplierInvoices, Targets.Payroll, LeadTimeTargetWorkingDays);
}

public sealed class KpiTargets
{
    [ConfigurationKeyName("supplier_invoices"), Range(typeof(decimal), "0.01", "1000000", ParseLimitsInInvariantCulture = true)]
    public decimal SupplierInvoices { get; set; } = 3500m;
    [Range(typeof(decimal), "0.01", "1000000", ParseLimitsInInvariantCulture = true)]
    public decimal Payroll { get; set; } = 1700m;
}

/// <summary>What <c>/health</c> and <c>status</c> call late or short (degraded, not yet unhealthy).</summary>
public sealed class HealthOptions
{
    /// <summary>Degraded when no run has completed for this many hours (a night missed, with room for a late one).</summary>
    [Range(1, 24 * 366)]
    public int MaxHoursWithoutCompletedRun { get; set; } = 36;
    /// <summary>Degraded when a folder the pipeline writes to (the outboxes, the database's) has less free space than this.</summary>
    [Range(0, int.MaxValue)]
    public int MinFreeMegabytes { get; set; } = 1024;
}
