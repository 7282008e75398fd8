using InvoicePipeline.MasterData;
using InvoicePipeline.Worker.Csv;

namespace InvoicePipeline.Worker.MasterData;

/// <summary>Where a master-data file lives in a centre's folder (organisations.md).</summary>
internal enum FileScope
{
    /// <summary>In each organisation's folder.</summary>
    Organisation,
    /// <summary>At the top only: the centre's (staffing.csv).</summary>
    Centre,
    /// <summary>At the top for the centre, or in an organisation's folder, which wins (exchange_rates.csv).</summary>
    Either,
}

/// <summary>A column naming a key of another master-data file of the same organisation (a supplier, a cost centre).</summary>
internal sealed record MasterDataReference(string Column, string What, Func<object, string?> Value, Type Target);

/// <summary>One master-data file of data-formats.md: its name, required columns, row mapping and natural key.</summary>
internal sealed record MasterDataFile(string FileName, string[] Required, Func<CsvRows, object> Map, Func<object, string> Key, Type EntityType,
    FileScope Scope = FileScope.Organisation, IReadOnlyList<MasterDataReference>? References = null)
{
    // Centre-wide files (staffing.csv) have no organisation.
    private readonly System.Reflection.PropertyInfo? _organisation = EntityType.GetProperty("OrganisationId");

    public object Read(CsvRows row, string organisationId)
    {
        var entity = Map(row);
        _organisation?.SetValue(entity, organisationId);
        return entity;
    }
}

internal static class MasterDataFiles
{
    private static MasterDataFile File<T>(string name, string[] required, Func<CsvRows, T> map, Func<T, string> key,
        FileScope scope = FileScope.Organisation, params MasterDataReference[] references) where T : class =>
        new(name, required, r => map(r), o => key((T)o), typeof(T), scope, references);

    private static MasterDataReference SupplierRef<T>(Func<T, string?> value) => new("supplier_id", "supplier", o => value((T)o), typeof(Supplier));
    private static MasterDataReference CostCentreRef<T>(Func<T, string?> value) =>
        new("cost_centre", "cost centre", o => value((T)o) is { } v && v != "*" ? v : null, typeof(CostCentre));

    /// <summary>In dependency order: suppliers before the orders that name them.</summary>
    public static readonly IReadOnlyList<MasterDataFile> All =
    [
        File("accounts.csv", ["account", "name"], r => new Account
        {
            AccountNumber = r.Required("account"), Name = r.Required("name"), Type = r.Text("type"), VatDeductible = r.Bool("vat_deductible") ?? true,
        }, a => a.AccountNumber),
        File("cost_centres.csv", ["cost_centre", "name"], r => new CostCentre
        {
            Code = r.Required("cost_centre"), Name = r.Required("name"), ManagerUserId = r.Text("manager_user_id"),
        }, c => c.Code),
        File("suppliers.csv", ["supplier_id", "name"], r => new Supplier
        {
            SupplierId = r.Required("supplier_id"), Name = r.Required("name"), OrgNo = r.Text("org_no"), VatId = r.Text("vat_id"),
            PeppolId = PeppolId(r), Country = r.Text("country"), Bankgiro = r.Text("bankgiro"), Plusgiro = r.Text("plusgiro"),
            Iban = r.Text("iban"), Bic = r.Text("bic"), DefaultAccount = r.Text("default_account"),
            DefaultCostCentre = r.Text("default_cost_centre"), PaymentTermsDays = r.Int("payment_terms_days"),
            Blocked = r.Bool("blocked") ?? false,
        }, s => s.SupplierId),
        File("purchase_orders.csv", ["po_number", "po_line", "supplier_id", "quantity", "unit_price", "currency"], r => new PurchaseOrderLine
        {
            PoNumber = r.Required("po_number"), PoLine = r.Required("po_line"), SupplierId = r.Required("supplier_id"),
            Quantity = r.Decimal("quantity", true) ?? 0, UnitPrice = r.Decimal("unit_price", true) ?? 0, Currency = Currency(r, "currency"),
            Account = r.Text("account"), CostCentre = r.Text("cost_centre"), Project = r.Text("project"), ItemId = r.Text("item_id"),
            Description = r.Text("description"), BuyerReference = r.Text("buyer_reference"), VatRate = r.Decimal("vat_rate"),
            OrderedBy = r.Text("ordered_by"), OrderDate = r.Date("order_date"),
        }, p => p.PoNumber + "\u001f" + p.PoLine, FileScope.Organisation, SupplierRef<PurchaseOrderLine>(p => p.SupplierId)),
        File("goods_receipts.csv", ["receipt_id", "po_number", "po_line", "quantity", "received_date"], r => new GoodsReceipt
        {
            ReceiptId = r.Required("receipt_id"), PoNumber = r.Required("po_number"), PoLine = r.Required("po_line"),
            Quantity = r.Decimal("quantity", true) ?? 0, ReceivedDate = r.Date("received_date", true) ?? default,
        }, g => g.ReceiptId),
        File("subscriptions.csv", ["subscription_id", "supplier_id", "period", "amount_excl_vat", "currency"], r => new Subscription
        {
            SubscriptionId = r.Required("subscription_id"), SupplierId = r.Required("supplier_id"),
            Period = r.Enum<SubscriptionPeriod>("period", true) ?? default, AmountExclVat = r.Decimal("amount_excl_vat", true) ?? 0,
            Currency = Currency(r, "currency"), ContractRef = r.Text("contract_ref"), Description = r.Text("description"),
            TolerancePct = r.Decimal("tolerance_pct") ?? 5m, Account = r.Text("account"), CostCentre = r.Text("cost_centre"),
            Project = r.Text("project"), ValidFrom = r.Date("valid_from"), ValidTo = r.Date("valid_to"),
        }, s => s.SubscriptionId, FileScope.Organisation, SupplierRef<Subscription>(s => s.SupplierId)),
        File("approvers.csv", ["user_id", "name", "cost_centre", "max_amount"], r => new Approver
        {
            UserId = r.Required("user_id"), Name = r.Required("name"), CostCentre = r.Required("cost_centre"),
            MaxAmount = NonNegative(r, "max_amount", r.Decimal("max_amount", true)) ?? 0,
            Role = r.Enum<ApproverRole>("role") ?? ApproverRole.Approver, ValidFrom = r.Date("valid_from"), ValidTo = r.Date("valid_to"),
        }, a => a.UserId + "\u001f" + a.CostCentre + "\u001f" + a.Role, FileScope.Organisation, CostCentreRef<Approver>(a => a.CostCentre)),
        File("exchange_rates.csv", ["date", "currency", "rate"], r => new ExchangeRate
        {
            Date = r.Date("date", true) ?? default, Currency = Currency(r, "currency"), Rate = Positive(r, "rate", r.Decimal("rate", true)) ?? 0,
            ToCurrency = r.Has("to_currency") && r.Text("to_currency") is not null ? Currency(r, "to_currency") : "SEK",
        }, x => x.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + x.Currency + "\u001f" + x.ToCurrency, FileScope.Either),
        File("staffing.csv", ["month", "process", "fte"], r => new Staffing
        {
            Month = Month(r, "month"), Process = r.Required("process"), Fte = NonNegative(r, "fte", r.Decimal("fte", true)) ?? 0,
        }, s => s.Month + "\u001f" + s.Process, FileScope.Centre),
        File("employees.csv", ["employee_id", "person_id", "name", "employment_start", "cost_centre"], r => new Employee
        {
            EmployeeId = r.Required("employee_id"), PersonId = r.Required("person_id"), Name = r.Required("name"),
            EmploymentStart = r.Date("employment_start", true) ?? default, EmploymentEnd = r.Date("employment_end"),
            CostCentre = r.Required("cost_centre"), Country = Country(r), ManagerUserId = r.Text("manager_user_id"),
            PayGroup = r.Text("pay_group"), UserId = r.Text("user_id"),
        }, e => e.EmployeeId, FileScope.Organisation, CostCentreRef<Employee>(e => e.CostCentre)),
        File("pay_codes.csv", ["pay_code", "description", "unit", "account"], r => new PayCode
        {
            Code = r.Required("pay_code"), Description = r.Required("description"), Unit = r.Enum<PayUnit>("unit", true) ?? default,
            Account = r.Required("account"),
            AllowedPayGroups = (r.Text("allowed_pay_groups") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            MaxQuantity = r.Decimal("max_quantity"),
        }, p => p.Code),
        File("pay_rates.csv", ["pay_code", "rate", "valid_from"], r => new PayRate
        {
            PayCode = r.Required("pay_code"), Rate = r.Decimal("rate", true) ?? 0, ValidFrom = r.Date("valid_from", true) ?? default,
            PayGroup = r.Text("pay_group"), ValidTo = r.Date("valid_to"), Currency = r.Text("currency"),
        }, p => p.PayCode + "\u001f" + p.PayGroup + "\u001f" + p.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        File("per_diem_rates.csv", ["country", "year", "full_day"], r => new PerDiemRateRow
        {
            Country = RateCountry(r), Year = Year(r), FullDay = Positive(r, "full_day", r.Decimal("full_day", true)) ?? 0,
            HalfDay = NonNegative(r, "half_day", r.Decimal("half_day")), Night = NonNegative(r, "night", r.Decimal("night")),
        }, x => x.Country + "\u001f" + x.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), FileScope.Centre),
        File("mileage_rates.csv", ["vehicle", "year", "per_km"], r => new MileageRateRow
        {
            Vehicle = Vehicle(r), Year = Year(r), PerKm = NonNegative(r, "per_km", r.Decimal("per_km", true)) ?? 0,
            PerKmTaxable = NonNegative(r, "per_km_taxable", r.Decimal("per_km_taxable")) ?? 0,
        }, x => x.Vehicle + "\u001f" + x.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), FileScope.Centre),
    ];

    private static string? PeppolId(CsvRows r)
    {
        var v = r.Text("peppol_id");
        if (v is not null && (v.IndexOf(':', StringComparison.Ordinal) is <= 0 || v.EndsWith(':')))
            r.Error("peppol_id", $"'{v}' is not scheme:value (e.g. 0007:5560000000)");
        return v;
    }

    private static string Currency(CsvRows r, string column)
    {
        var v = r.Required(column);
        if (v.Length > 0 && (v.Length != 3 || !v.All(char.IsAsciiLetterUpper)))
            r.Error(column, $"'{v}' is not an ISO 4217 currency code (three upper-case letters)");
        return v;
    }

    private static string Country(CsvRows r)
    {
        var v = r.Text("country") ?? "SE";
        if (v is not ("SE" or "DK")) r.Error("country", $"'{v}' is not SE or DK");
        return v;
    }

    /// <summary>An ISO 3166-1 alpha-2 code in upper case (SE for Sweden's domestic amount, DK for Denmark's).</summary>
    private static string RateCountry(CsvRows r)
    {
        var v = r.Required("country");
        if (v.Length > 0 && (v.Length != 2 || !char.IsAsciiLetterUpper(v[0]) || !char.IsAsciiLetterUpper(v[1]) || !InvoicePipeline.Validation.CodeLists.Countries.Contains(v)))
            r.Error("country", $"'{v}' is not an ISO 3166-1 alpha-2 country code (upper case)");
        return v;
    }

    private static int Year(CsvRows r)
    {
        if (r.Text("year") is null)
        {
            r.Error("year", "a value is required");
            return 0;
        }
        var v = r.Int("year");
        if (v is < 2000 or > 2100) r.Error("year", $"{v} is not a year between 2000 and 2100");
        return v ?? 0;
    }

    private static string Vehicle(CsvRows r)
    {
        var v = r.Required("vehicle");
        if (v.Length > 0 && v is not ("own" or "company")) r.Error("vehicle", $"'{v}' is not own or company");
        return v;
    }

    private static string Month(CsvRows r, string column)
    {
        var v = r.Required(column);
        if (v.Length > 0 && !DateOnly.TryParseExact(v + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out _))
            r.Error(column, $"'{v}' is not a month YYYY-MM");
        return v;
    }

    private static decimal? NonNegative(CsvRows r, string column, decimal? v)
    {
        if (v < 0) r.Error(column, $"{v} must not be negative");
        return v;
    }

    private static decimal? Positive(CsvRows r, string column, decimal? v)
    {
        if (v <= 0) r.Error(column, $"{v} must be greater than zero");
        return v;
    }
}
