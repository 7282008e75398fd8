using System.Text.RegularExpressions;
using InvoicePipeline.Identifiers;
using InvoicePipeline.MasterData;
using InvoicePipeline.Organisations;
using InvoicePipeline.Worker.Csv;

namespace InvoicePipeline.Worker.MasterData;

/// <summary>
/// organisations.csv (organisations.md): each row checked alone (id, org number check digit, currency, accounts) and
/// against the others and the organisations already known (an id twice, an electronic address claimed twice, a buyer
/// reference that would not tell two organisations of one org number apart), and its folder must exist.
/// </summary>
internal static partial class OrganisationsFile
{
    public const string FileName = "organisations.csv";
    private static readonly string[] Required = ["organisation_id", "name", "org_no"];

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex IdPattern();

    public sealed record Row(long Line, Organisation Organisation, bool Valid);

    public static async Task<(List<Row> Rows, List<CsvError> Errors)> ReadAsync(string masterDataFolder, string path,
        IReadOnlyList<Organisation> known, CancellationToken ct)
    {
        var errors = new List<CsvError>();
        var rows = new List<Row>();
        var ids = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var addresses = new Dictionary<string, (string Id, long Line)>(StringComparer.Ordinal);
        var references = new Dictionary<(string OrgNo, string Reference), string>();
        var inFile = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var r in CsvRows.ReadAsync(path, ["organisation_id"], errors, ct))
            if (r.Text("organisation_id") is { } id) inFile.Add(id);
        // Organisations already imported and not in this file keep their addresses: a new row may not take them.
        foreach (var o in known.Where(k => !inFile.Contains(k.OrganisationId)))
            foreach (var a in o.PeppolIds)
                if (ElectronicAddress.Normalise(a) is { } key) addresses.TryAdd(key, (o.OrganisationId, 0));
        errors.Clear();

        await foreach (var r in CsvRows.ReadAsync(path, Required, errors, ct))
        {
            var o = Map(r);
            if (o.OrganisationId.Length > 0)
            {
                if (!IdPattern().IsMatch(o.OrganisationId))
                    r.Error("organisation_id", $"'{o.OrganisationId}' is not a key of letters, digits, '-' and '_' (at most 40)");
                else if (ids.TryGetValue(o.OrganisationId, out var first))
                    r.Error("organisation_id", $"organisation {o.OrganisationId} appears again (first on line {first})");
                else
                {
                    ids[o.OrganisationId] = r.Line;
                    if (!Directory.Exists(Path.Combine(masterDataFolder, o.OrganisationId)))
                        r.Error("organisation_id", $"the organisation's master-data folder '{o.OrganisationId}/' does not exist beside {FileName}");
                }
            }
            foreach (var a in o.PeppolIds)
            {
                var key = ElectronicAddress.Normalise(a)!;
                if (addresses.TryGetValue(key, out var owner) && !string.Equals(owner.Id, o.OrganisationId, StringComparison.OrdinalIgnoreCase))
                    r.Error("peppol_ids", owner.Line > 0
                        ? $"{a} is already claimed by {owner.Id} (line {owner.Line}): an electronic address receives for one organisation"
                        : $"{a} is already claimed by {owner.Id}: an electronic address receives for one organisation");
                else addresses[key] = (o.OrganisationId, r.Line);
            }
            foreach (var reference in o.BuyerReferences)
            {
                if (references.TryGetValue((o.OrgNo, reference.ToUpperInvariant()), out var other) && !string.Equals(other, o.OrganisationId, StringComparison.OrdinalIgnoreCase))
                    r.Error("buyer_references", $"buyer reference '{reference}' already names {other}, which has the same org_no {o.OrgNo}");
                else references[(o.OrgNo, reference.ToUpperInvariant())] = o.OrganisationId;
            }
            errors.AddRange(r.RowErrors);
            rows.Add(new Row(r.Line, o, r.RowErrors.Count == 0));
        }
        return (rows, errors);
    }

    private static Organisation Map(CsvRows r)
    {
        var country = r.Text("country")?.ToUpperInvariant() ?? "SE";
        if (country is not ("SE" or "DK")) r.Error("country", $"'{country}' is not SE or DK");
        var o = new Organisation
        {
            OrganisationId = r.Required("organisation_id"),
            Name = r.Required("name"),
            OrgNo = OrgNo(r, country),
            Country = country,
            LedgerCurrency = Currency(r, country),
            PeppolIds = Addresses(r),
            FiscalYearStart = FiscalYearStart(r),
            VoucherSeries = r.Text("voucher_series") ?? "A",
            PayableAccount = r.Text("payable_account"),
            VatInAccount = r.Text("vat_in_account"),
            VatOutReverseAccount = r.Text("vat_out_reverse_account"),
            VatInReverseAccount = r.Text("vat_in_reverse_account"),
            RoundingAccount = r.Text("rounding_account"),
            DebtorIban = Iban(r),
            DebtorBic = r.Text("debtor_bic"),
            DebtorBankgiro = Bankgiro(r),
            BuyerReferences = List(r.Text("buyer_references")),
            SlaDays = r.Int("sla_days"),
            Active = r.Bool("active") ?? true,
        };
        if (o.SlaDays < 0) r.Error("sla_days", $"{o.SlaDays} must not be negative");
        return o;
    }

    private static string OrgNo(CsvRows r, string country)
    {
        var v = r.Required("org_no");
        if (v.Length == 0) return v;
        if (country == "DK")
        {
            if (!CvrNumber.IsValid(v)) r.Error("org_no", $"'{v}' is not a Danish CVR number (eight digits, modulus-11 check)");
            return CvrNumber.Normalise(v) ?? v;
        }
        var n = OrganisationNumber.Normalise(v);
        if (n is null || !Luhn.IsValid(n))
        {
            r.Error("org_no", $"'{v}' is not a Swedish organisation number (ten digits, the last a Luhn check digit)");
            return v;
        }
        return n[..6] + "-" + n[6..];
    }

    private static string Currency(CsvRows r, string country)
    {
        var v = r.Text("ledger_currency") ?? (country == "DK" ? "DKK" : "SEK");
        if (v.Length != 3 || !v.All(char.IsAsciiLetterUpper)) r.Error("ledger_currency", $"'{v}' is not an ISO 4217 currency code (three upper-case letters)");
        return v;
    }

    private static List<string> Addresses(CsvRows r)
    {
        var list = List(r.Text("peppol_ids"));
        foreach (var a in list)
            if (ElectronicAddress.Normalise(a) is null) r.Error("peppol_ids", $"'{a}' is not scheme:value (e.g. 0007:2021004888)");
        return [.. list.Where(a => ElectronicAddress.Normalise(a) is not null)];
    }

    private static int FiscalYearStart(CsvRows r)
    {
        var v = r.Int("fiscal_year_start") ?? 1;
        if (v is < 1 or > 12) r.Error("fiscal_year_start", $"{v} is not a month 1–12");
        return v;
    }

    private static string? Iban(CsvRows r)
    {
        var v = r.Text("debtor_iban");
        if (v is not null && !AccountNumber.IsValidIban(AccountNumber.Normalise(v))) r.Error("debtor_iban", $"'{v}' is not a valid IBAN (check digits)");
        return v is null ? null : AccountNumber.Normalise(v);
    }

    private static string? Bankgiro(CsvRows r)
    {
        var v = r.Text("debtor_bankgiro");
        if (v is not null && !AccountNumber.IsValidBankgiro(v)) r.Error("debtor_bankgiro", $"'{v}' is not a bankgiro number (7 or 8 digits, Luhn)");
        return v;
    }

    private static List<string> List(string? v) =>
        [.. (v ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
