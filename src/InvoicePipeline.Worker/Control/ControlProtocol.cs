using System.Globalization;
using CsvHelper;
using InvoicePipeline.Control;
using InvoicePipeline.Worker.Csv;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Control;

public sealed record PopulationItem(long Id, long? InvoiceId, string SupplierId, string? SupplierName, string? Account, decimal Amount, string Currency, DateOnly Date, string? AttestedBy, string? Voucher);

public sealed record RecordResult(int Sampled, int Reviewed, int Deviations, decimal Projected, decimal? UpperLimit, IReadOnlyList<CsvError> Errors, string Currency = "");

/// <summary>
/// `control sample`: the population (payments executed in the period — released files only —, or invoices posted in
/// it, or credit notes posted in it as a population of their own, at their booked amount in the organisation's
/// currency: the ledger currency for now), the sample, and the protocol CSV an auditor works in; `control record` reads the
/// verdicts back and projects the misstatement.
/// </summary>
public static class ControlProtocol
{
    public static readonly string[] Columns =
    [
        "method", "seed", "population", "population_size", "population_value", "interval", "confidence", "sample_no", "item_id", "invoice_id",
        "supplier_id", "supplier_name", "bank_account", "amount", "currency", "date", "attested_by", "voucher", "selection_point",
        "verdict", "misstatement", "reviewer", "note",
    ];

    /// <summary>The population of one organisation (organisations.md: <c>control sample</c> takes one organisation).</summary>
    public static async Task<List<PopulationItem>> LoadAsync(PipelineDbContext db, string population, DateOnly first, DateOnly last, string payableAccount, string currency,
        CancellationToken ct, string organisationId = InvoicePipeline.MasterData.Organisation.DefaultId)
    {
        var org = organisationId;
        var names = await db.Suppliers.AsNoTracking().Where(s => s.OrganisationId == org).ToDictionaryAsync(s => s.SupplierId, s => s.Name, StringComparer.Ordinal, ct);
        // Booked amount: the accounts-payable line of the invoice's voucher, in the ledger currency.
        var booked = from v in db.Vouchers
                     join l in db.VoucherLines on v.Id equals l.VoucherId
                     where v.OrganisationId == org && l.Account == payableAccount
                     select new { v.InvoiceId, v.Series, v.Number, v.Date, l.Amount };
        if (population is "invoices" or "creditnotes")
        {
            // Credits (payables debited: credit notes of every syntax, negative invoices) are their own population (a
            // sample of amounts owed to us), at their absolute value.
            var creditNotes = population == "creditnotes";
            return (await (from b in booked join i in db.Invoices on b.InvoiceId equals i.Id
                           where b.Date >= first && b.Date <= last && (b.Amount > 0) == creditNotes
                           select new { i.Id, i.SupplierId, i.PayeeAccount, b.Amount, i.AttestedBy, b.Series, b.Number, b.Date }).ToListAsync(ct))
                .Select(x => new PopulationItem(x.Id, x.Id, x.SupplierId ?? "", names.GetValueOrDefault(x.SupplierId ?? ""), x.PayeeAccount, creditNotes ? Math.Abs(x.Amount) : -x.Amount, currency, x.Date, x.AttestedBy, $"{x.Series}{x.Number}"))
                .ToList();
        }
        // What was paid out: a credit note netted in a transfer is settled, not paid, and belongs to the credit-note population;
        // a payment the bank rejected or returned (bank returns) was not paid out.
        return (await (from p in db.Payments
                       join f in db.PaymentFiles on p.PaymentFileId equals f.Id
                       join b in booked on p.InvoiceId equals b.InvoiceId
                       where !f.Cancelled && f.ReleasedBy != null && p.ExecutionDate >= first && p.ExecutionDate <= last && p.Amount > 0
                             && p.BankStatus != "Rejected"
                       select new { p.Id, p.InvoiceId, p.SupplierId, p.AccountKind, p.Account, b.Amount, p.ExecutionDate, p.AttestedBy, b.Series, b.Number }).ToListAsync(ct))
            .Select(x => new PopulationItem(x.Id, x.InvoiceId, x.SupplierId, names.GetValueOrDefault(x.SupplierId), $"{x.AccountKind}:{x.Account}", -x.Amount, currency, x.ExecutionDate, x.AttestedBy, $"{x.Series}{x.Number}"))
            .ToList();
    }

    public static void Write(string path, Sample sample, string population, int confidence, IReadOnlyList<PopulationItem> items)
    {
        var byId = items.ToDictionary(i => i.Id);
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Separator = ',', NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape }, true);
        csv.WriteHeader(Columns);
        // Numbers as numbers (typed, outside the injection escape), text as escaped text.
        foreach (var s in sample.Items)
        {
            var p = byId[s.Item.Id];
            csv.WriteField(sample.Method);
            csv.WriteField(sample.Seed, "");
            csv.WriteField(population);
            csv.WriteNumber(sample.PopulationSize);
            csv.WriteAmount(sample.PopulationValue);
            csv.WriteAmount(sample.Interval);
            csv.WriteNumber(confidence);
            csv.WriteNumber(s.SampleNo);
            csv.WriteNumber(p.Id);
            csv.WriteNumber(p.InvoiceId);
            csv.WriteField(p.SupplierId);
            csv.WriteField(p.SupplierName ?? "");
            csv.WriteField(p.Account ?? "");
            csv.WriteAmount(p.Amount);
            csv.WriteField(p.Currency);
            csv.WriteField(p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(p.AttestedBy ?? "");
            csv.WriteField(p.Voucher ?? "");
            csv.WriteAmount(s.SelectionPoint);
            for (var i = 0; i < 4; i++) csv.WriteField("");
            csv.EndRecord();
        }
    }

    /// <summary>Reads a protocol back: verdict "ok" or "deviation", misstatement (recorded minus audited amount), reviewer.</summary>
    public static async Task<RecordResult> RecordAsync(string path, CancellationToken ct)
    {
        var errors = new List<CsvError>();
        var items = new List<SampledItem>();
        var misstatements = new Dictionary<long, decimal>();
        string method = "mus";
        decimal value = 0;
        decimal? interval = null;
        int size = 0, confidence = 95, reviewed = 0, deviations = 0;
        var currency = "";
        await foreach (var r in CsvRows.ReadAsync(path, ["method", "item_id", "amount", "verdict", "misstatement"], errors, ct))
        {
            method = r.Required("method");
            size = r.Int("population_size") ?? size;
            value = r.Decimal("population_value") ?? value;
            interval = r.Decimal("interval") ?? interval;
            confidence = r.Int("confidence") ?? confidence;
            currency = r.Text("currency") ?? currency;
            var id = (long)(r.Decimal("item_id", true) ?? 0);
            var amount = r.Decimal("amount", true) ?? 0;
            var verdict = r.Text("verdict")?.ToLowerInvariant();
            var m = r.Decimal("misstatement");
            if (verdict is not (null or "ok" or "deviation")) r.Error("verdict", $"'{verdict}' is not ok or deviation");
            if (verdict == "deviation" && m is null) r.Error("misstatement", "a deviation needs the misstatement amount (0 for a control deviation without money)");
            errors.AddRange(r.RowErrors);
            items.Add(new SampledItem(new SampleItem(id, amount), items.Count + 1, null));
            if (verdict is not null) reviewed++;
            if (verdict == "deviation")
            {
                deviations++;
                misstatements[id] = m ?? 0;
            }
        }
        var sample = new Sample(method, 0, size, value, interval, items);
        var (projected, upper) = Sampling.Project(sample, misstatements, confidence);
        return new RecordResult(items.Count, reviewed, deviations, projected, upper, errors, currency);
    }
}
