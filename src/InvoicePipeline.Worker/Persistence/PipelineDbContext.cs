using InvoicePipeline.MasterData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InvoicePipeline.Worker.Persistence;

/// <summary>
/// The pipeline's own data: master data, received documents, invoices with their history, runs and vouchers.
/// One model; a derived context per provider carries that provider's migrations.
/// </summary>
public abstract class PipelineDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<PurchaseOrderLine> PurchaseOrderLines => Set<PurchaseOrderLine>();
    public DbSet<GoodsReceipt> GoodsReceipts => Set<GoodsReceipt>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<CostCentre> CostCentres => Set<CostCentre>();
    public DbSet<Approver> Approvers => Set<Approver>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<Staffing> Staffing => Set<Staffing>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<PayCode> PayCodes => Set<PayCode>();
    public DbSet<PayRate> PayRates => Set<PayRate>();
    public DbSet<MasterDataImport> MasterDataImports => Set<MasterDataImport>();
    public DbSet<SupplierAccountChange> SupplierAccountChanges => Set<SupplierAccountChange>();

    public DbSet<ReceivedDocument> Documents => Set<ReceivedDocument>();
    public DbSet<SupplierInvoice> Invoices => Set<SupplierInvoice>();
    public DbSet<SupplierInvoiceLine> InvoiceLines => Set<SupplierInvoiceLine>();
    public DbSet<InvoiceException> InvoiceExceptions => Set<InvoiceException>();
    public DbSet<DecisionRecord> Decisions => Set<DecisionRecord>();
    public DbSet<StatusChange> History => Set<StatusChange>();

    public DbSet<VoucherEntry> Vouchers => Set<VoucherEntry>();
    public DbSet<VoucherLineEntry> VoucherLines => Set<VoucherLineEntry>();
    public DbSet<VoucherSeriesCounter> VoucherCounters => Set<VoucherSeriesCounter>();
    public DbSet<PeriodLock> PeriodLocks => Set<PeriodLock>();
    public DbSet<IdBlock> IdBlocks => Set<IdBlock>();

    public DbSet<PayrollEntry> PayrollEntries => Set<PayrollEntry>();
    public DbSet<PerDiemRateRow> PerDiemRates => Set<PerDiemRateRow>();
    public DbSet<MileageRateRow> MileageRates => Set<MileageRateRow>();
    public DbSet<TravelClaimEntry> TravelClaims => Set<TravelClaimEntry>();
    public DbSet<PaymentFile> PaymentFiles => Set<PaymentFile>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<SentResponse> SentResponses => Set<SentResponse>();
    public DbSet<BankReturnFile> BankReturnFiles => Set<BankReturnFile>();

    public DbSet<PipelineRun> Runs => Set<PipelineRun>();
    public DbSet<RunChunk> RunChunks => Set<RunChunk>();
    public DbSet<Alert> Alerts => Set<Alert>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(19, 4);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        MasterDataModel.Configure(modelBuilder);
        InvoiceModel.Configure(modelBuilder);
        LedgerModel.Configure(modelBuilder);
        TravelModel.Configure(modelBuilder);
        OutsideModel.Configure(modelBuilder);
    }
}

public sealed class SqlitePipelineDbContext(DbContextOptions<SqlitePipelineDbContext> options) : PipelineDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset stored as text; store UTC ticks instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresPipelineDbContext(DbContextOptions<PostgresPipelineDbContext> options) : PipelineDbContext(options);
