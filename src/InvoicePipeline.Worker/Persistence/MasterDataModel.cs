using InvoicePipeline.MasterData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InvoicePipeline.Worker.Persistence;

internal static class MasterDataModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.HasKey(x => x.OrganisationId);
            e.Property(x => x.OrganisationId).HasMaxLength(40);
            e.HasIndex(x => x.OrgNo);
            e.Property(x => x.PeppolIds).HasConversion(ListConverter.Semicolons, ListConverter.Comparer);
            e.Property(x => x.BuyerReferences).HasConversion(ListConverter.Semicolons, ListConverter.Comparer);
        });
        b.Entity<Supplier>(e =>
        {
            e.ToTable("suppliers");
            e.HasKey(x => new { x.OrganisationId, x.SupplierId });
            e.HasIndex(x => new { x.OrganisationId, x.OrgNo });
            e.HasIndex(x => new { x.OrganisationId, x.PeppolId });
            e.HasIndex(x => new { x.OrganisationId, x.VatId });
        });
        b.Entity<PurchaseOrderLine>(e =>
        {
            e.ToTable("purchase_order_lines");
            e.HasKey(x => new { x.OrganisationId, x.PoNumber, x.PoLine });
            e.HasIndex(x => new { x.OrganisationId, x.SupplierId });
        });
        b.Entity<GoodsReceipt>(e =>
        {
            e.ToTable("goods_receipts");
            e.HasKey(x => new { x.OrganisationId, x.ReceiptId });
            e.HasIndex(x => new { x.OrganisationId, x.PoNumber, x.PoLine });
        });
        b.Entity<Subscription>(e =>
        {
            e.ToTable("subscriptions");
            e.HasKey(x => new { x.OrganisationId, x.SubscriptionId });
            e.HasIndex(x => new { x.OrganisationId, x.SupplierId });
            e.Property(x => x.Period).HasConversion<string>();
        });
        b.Entity<Account>(e =>
        {
            e.ToTable("accounts");
            e.HasKey(x => new { x.OrganisationId, x.AccountNumber });
        });
        b.Entity<CostCentre>(e =>
        {
            e.ToTable("cost_centres");
            e.HasKey(x => new { x.OrganisationId, x.Code });
        });
        b.Entity<Approver>(e =>
        {
            e.ToTable("approvers");
            e.Property<long>("Id");
            e.HasKey("Id");
            e.HasIndex(x => new { x.OrganisationId, x.UserId, x.CostCentre, x.Role }).IsUnique();
            e.Property(x => x.Role).HasConversion<string>();
        });
        b.Entity<ExchangeRate>(e =>
        {
            e.ToTable("exchange_rates");
            e.HasKey(x => new { x.OrganisationId, x.Date, x.Currency, x.ToCurrency });
            e.Property(x => x.Rate).HasPrecision(19, 8);
        });
        b.Entity<Staffing>(e =>
        {
            e.ToTable("staffing");
            e.HasKey(x => new { x.Month, x.Process });
        });
        b.Entity<Employee>(e =>
        {
            e.ToTable("employees");
            e.HasKey(x => new { x.OrganisationId, x.EmployeeId });
            e.HasIndex(x => new { x.OrganisationId, x.PersonId });
            e.HasIndex(x => x.UserId);
        });
        b.Entity<PayCode>(e =>
        {
            e.ToTable("pay_codes");
            e.HasKey(x => new { x.OrganisationId, x.Code });
            e.Property(x => x.Unit).HasConversion<string>();
            e.Property(x => x.AllowedPayGroups).HasConversion(ListConverter.Semicolons, ListConverter.Comparer);
        });
        b.Entity<PayRate>(e =>
        {
            e.ToTable("pay_rates");
            e.Property<long>("Id");
            e.HasKey("Id");
            e.HasIndex(x => new { x.OrganisationId, x.PayCode, x.PayGroup, x.ValidFrom }).IsUnique();
        });
        b.Entity<MasterDataImport>(e => e.ToTable("masterdata_imports"));
        b.Entity<SupplierAccountChange>(e =>
        {
            e.ToTable("supplier_account_changes");
            e.HasIndex(x => new { x.OrganisationId, x.SupplierId });
        });
    }
}

/// <summary>The travel tables: per diem and mileage rates (master data) and the claim lines.</summary>
internal static class TravelModel
{
    private const string LocalMinute = "yyyy-MM-dd'T'HH:mm";

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, string> LocalTime = new(
        v => v.ToString(LocalMinute, System.Globalization.CultureInfo.InvariantCulture),
        v => DateTime.ParseExact(v, LocalMinute, System.Globalization.CultureInfo.InvariantCulture));

    public static void Configure(ModelBuilder b)
    {
        b.Entity<PerDiemRateRow>(e =>
        {
            e.ToTable("per_diem_rates");
            e.HasKey(x => new { x.Country, x.Year });
            e.Property(x => x.Country).HasMaxLength(2);
        });
        b.Entity<MileageRateRow>(e =>
        {
            e.ToTable("mileage_rates");
            e.HasKey(x => new { x.Vehicle, x.Year });
            e.Property(x => x.PerKm).HasPrecision(19, 6);
            e.Property(x => x.PerKmTaxable).HasPrecision(19, 6);
        });
        b.Entity<TravelClaimEntry>(e =>
        {
            e.ToTable("travel_claims");
            e.HasIndex(x => new { x.DocumentId, x.Line }).IsUnique();
            e.HasIndex(x => x.ClaimId);
            e.HasIndex(x => new { x.Status, x.Period });
            e.HasIndex(x => x.RunId);
            e.HasIndex(x => x.EmployeeId);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.LineType).HasConversion(v => v.ToString().ToLowerInvariant(), v => Enum.Parse<InvoicePipeline.Travel.TravelLineType>(v, true)).HasMaxLength(10);
            // Local times as the claim gives them: text, so no provider shifts them to or from UTC.
            e.Property(x => x.Departure).HasConversion(LocalTime).HasMaxLength(16);
            e.Property(x => x.Return).HasConversion(LocalTime).HasMaxLength(16);
            e.Property(x => x.Km).HasPrecision(19, 3);
            e.Property(x => x.DistanceKm).HasPrecision(19, 3);
            e.Property(x => x.Period).HasMaxLength(7);
            e.Property(x => x.Exceptions).HasMaxLength(2000);
            e.Property(x => x.Reasons).HasMaxLength(8000);
            e.Property(x => x.Explanation).HasMaxLength(8000);
        });
    }
}

/// <summary>A list of short strings stored as one ';'-separated column.</summary>
internal static class ListConverter
{
    public static readonly ValueConverter<IReadOnlyList<string>, string> Semicolons = new(
        v => string.Join(';', v),
        v => v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static readonly ValueComparer<IReadOnlyList<string>> Comparer = new(
        (a, c) => a!.SequenceEqual(c!),
        v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
        v => v.ToArray());
}
