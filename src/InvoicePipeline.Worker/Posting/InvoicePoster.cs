using System.Text.Json;
using InvoicePipeline.Coding;
using InvoicePipeline.Invoices;
using InvoicePipeline.Posting;
using PostingOptions = InvoicePipeline.Posting.PostingOptions;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// Bulk posting of attested invoices as a two-stage pipeline. A reader (its own connection) reads the next chunk of
/// attested invoices with their coded lines and builds the vouchers with the core's <see cref="VoucherBuilder"/>,
/// while the writer puts the previous chunk in the ledger: one transaction per chunk that takes the posting lock
/// (<see cref="PostingLock"/>), reserves a gapless range of voucher numbers (a row lock on the series counter), checks
/// that each invoice is still attested, unposted and unchanged since it was read (on PostgreSQL its row version,
/// <c>xmin</c>), and copies vouchers and lines in bulk. Nothing else is written: an attested invoice with a voucher is
/// posted (<see cref="InvoiceStates"/>), and the voucher (created by, at, run) is the record of that change, shown in the
/// invoice's history like any other. A chunk in which an invoice changed meanwhile is rolled back
/// and read again.
/// The unique index on vouchers.InvoiceId is the last guard: a second poster of the same invoice fails, never doubles.
/// </summary>
public sealed class InvoicePoster(PipelineDbContext db, IServiceScopeFactory scopes, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<InvoicePoster> log)
{
    internal sealed record BuiltChunk(long Low, long High, List<(SupplierInvoice Invoice, string Version, Voucher Voucher)> Built, List<(SupplierInvoice Invoice, string Version, string Code, string Reason)> Refused);

    internal sealed class StaleChunkException(int expected, int marked)
        : Exception($"{expected - marked} of {expected} invoice(s) changed after they were read");

    /// <summary>The first chunk as the reader would build it (tests: a change between read and write).</summary>
    internal async Task<BuiltChunk?> ReadFirstChunkAsync(DateOnly postingDate, CancellationToken ct) =>
        await ReadAsync(db, 0, long.MaxValue, options.Value.Posting.ChunkSize, postingDate,
            options.Value.Posting.RateTable(await db.ExchangeRates.AsNoTracking().ToListAsync(ct)), await RulesAsync(db, options.Value.Posting, ct), new PostingResult(), ct);

    internal Task WriteChunkAsync(BuiltChunk chunk, string runId, DateOnly postingDate, CancellationToken ct) =>
        WriteAsync(chunk, runId, postingDate, options.Value.Posting, new PostingResult(), ct);

    /// <summary>The reader's side alone, every chunk read and built and nothing written (the benchmark's breakdown).</summary>
    internal async Task<PostingResult> ReadAndBuildAllAsync(DateOnly postingDate, CancellationToken ct)
    {
        var result = new PostingResult();
        var rates = options.Value.Posting.RateTable(await db.ExchangeRates.AsNoTracking().ToListAsync(ct));
        await foreach (var chunk in ChunksAsync(postingDate, rates, await RulesAsync(db, options.Value.Posting, ct), result, ct))
            (result.Posted, result.Refused) = (result.Posted + chunk.Built.Count, result.Refused + chunk.Refused.Count);
        return result;
    }

    public async Task<PostingResult> PostAttestedAsync(string runId, DateOnly postingDate, CancellationToken ct)
    {
        var o = options.Value.Posting;
        postingDate = await PeriodLocks.OpenDateForRunAsync(db, runId, postingDate, clock.GetUtcNow(), ct);
        var rates = options.Value.Posting.RateTable(await db.ExchangeRates.AsNoTracking().ToListAsync(ct));
        var rules = await RulesAsync(db, o, ct);
        var result = new PostingResult();
        result.Waited = await ReadAhead.ConsumeAsync(ChunksAsync(postingDate, rates, rules, result, ct), async read =>
        {
            // A chunk in which an invoice changed after it was read is read again (now, on the writer's connection).
            for (var (chunk, attempt) = ((BuiltChunk?)read, 1); chunk is not null; attempt++)
            {
                try
                {
                    await Resilience.Database.ExecuteAsync(async t => await WriteAsync(chunk, runId, postingDate, o, result, t), ct);
                    return;
                }
                catch (StaleChunkException ex) when (attempt < 5)
                {
                    log.LogInformation("Chunk {Low}–{High} read again: {Reason}", chunk.Low, chunk.High, ex.Message);
                    chunk = await ReadAsync(db, chunk.Low - 1, chunk.High, int.MaxValue, postingDate, rates, rules, new PostingResult(), ct);
                }
            }
        }, ct);
        log.LogInformation("Posted {Vouchers} voucher(s) with {Lines} line(s), {Refused} refused (read and build {Read} + {Build}, write {Write}, writer waited {Waited})",
            result.Posted, result.Lines, result.Refused, result.Read, result.Build, result.Write, result.Waited);
        return result;
    }

    /// <summary>The core's posting rules with the configuration and the accounts without VAT deduction (accounts.csv).</summary>
    private static async Task<PostingOptions> RulesAsync(PipelineDbContext db, Hosting.PostingOptions o, CancellationToken ct)
    {
        var rules = o.Rules();
        rules.NonDeductibleVatAccounts = (await db.Accounts.AsNoTracking().Where(a => !a.VatDeductible).Select(a => a.AccountNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return rules;
    }

    /// <summary>The reader's side: chunk after chunk by id, on a connection of its own (the writer holds the other).</summary>
    private async IAsyncEnumerable<BuiltChunk> ChunksAsync(DateOnly postingDate, ExchangeRateTable rates, PostingOptions rules, PostingResult result,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var readerDb = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var after = 0L;
        while (await Resilience.Database.ExecuteAsync(async t => await ReadAsync(readerDb, after, long.MaxValue, options.Value.Posting.ChunkSize, postingDate, rates, rules, result, t), ct) is { } chunk)
        {
            yield return chunk;
            after = chunk.High;
        }
    }

    /// <summary>
    /// The next attested, unposted invoices with ids in (<paramref name="after"/>, <paramref name="upTo"/>] (keyset, so
    /// a long posting never re-scans what it posted), each with its row version, lines and voucher (or why not).
    /// </summary>
    private static async Task<BuiltChunk?> ReadAsync(PipelineDbContext db, long after, long upTo, int size, DateOnly postingDate, ExchangeRateTable rates, PostingOptions rules, PostingResult result, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var attested = nameof(InvoiceStatus.Attested);
        // The version first: a change made while the rest is read then shows as a version that no longer matches.
        // Two plain queries rather than one with NOT EXISTS: the next attested ids by the primary key (a posted invoice
        // stays attested until paid), then which of them already have a voucher; a plan that cannot go quadratic.
        List<InvoiceVersion> keys;
        long low, high;
        while (true)
        {
            var candidates = db is SqlitePipelineDbContext
                ? await db.Database.SqlQuery<InvoiceVersion>($"""SELECT "Id", '' AS "Version" FROM invoices WHERE "Id" > {after} AND "Id" <= {upTo} AND "Status" = {attested} ORDER BY "Id" LIMIT {size}""").ToListAsync(ct)
                : await db.Database.SqlQuery<InvoiceVersion>($"""SELECT "Id", xmin::text AS "Version" FROM invoices WHERE "Id" > {after} AND "Id" <= {upTo} AND "Status" = {attested} ORDER BY "Id" LIMIT {size}""").ToListAsync(ct);
            if (candidates.Count == 0) return null;
            (low, high) = (candidates[0].Id, candidates[^1].Id);
            var posted = (await db.Vouchers.AsNoTracking().Where(v => v.InvoiceId >= low && v.InvoiceId <= high).Select(v => v.InvoiceId!.Value).ToListAsync(ct)).ToHashSet();
            keys = posted.Count == 0 ? candidates : candidates.Where(c => !posted.Contains(c.Id)).ToList();
            if (keys.Count > 0) break;
            after = high;
        }
        low = keys[0].Id;
        var versions = keys.ToDictionary(k => k.Id, k => k.Version);
        // Only the columns posting needs: the parsed document (DocumentJson) stays in the database.
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.Id >= low && i.Id <= high && i.Status == InvoiceStatus.Attested)
            .OrderBy(i => i.Id)
            .Select(i => new SupplierInvoice
            {
                Id = i.Id, Kind = i.Kind, Sign = i.Sign, Prepaid = i.Prepaid, SupplierId = i.SupplierId, SellerName = i.SellerName, InvoiceNumber = i.InvoiceNumber, Currency = i.Currency,
                IssueDate = i.IssueDate, VatTotal = i.VatTotal, TotalInclVat = i.TotalInclVat, Payable = i.Payable, VatBreakdownJson = i.VatBreakdownJson,
            }).ToListAsync(ct);
        var lines = await db.InvoiceLines.AsNoTracking().Where(l => l.InvoiceId >= low && l.InvoiceId <= high)
                .OrderBy(l => l.InvoiceId).ThenBy(l => l.LineNo)
                .Select(l => new SupplierInvoiceLine
                {
                    InvoiceId = l.InvoiceId, LineNo = l.LineNo, LineId = l.LineId, NetAmount = l.NetAmount, VatCategory = l.VatCategory, VatRate = l.VatRate,
                    Account = l.Account, CostCentre = l.CostCentre, Project = l.Project, CodingSource = l.CodingSource,
                }).ToListAsync(ct);
        var readAt = watch.Elapsed;

        var (built, refused) = Build(invoices, lines, versions, postingDate, rates, rules);
        result.Read += readAt;
        result.Build += watch.Elapsed - readAt;
        return new BuiltChunk(low, high, built, refused);
    }

    /// <summary>
    /// The reader's build step (and the benchmark's): each invoice read gets its lines and its voucher, or why not.
    /// </summary>
    internal static (List<(SupplierInvoice Invoice, string Version, Voucher Voucher)> Built, List<(SupplierInvoice Invoice, string Version, string Code, string Reason)> Refused) Build(
        List<SupplierInvoice> invoices, List<SupplierInvoiceLine> lines, Dictionary<long, string> versions, DateOnly postingDate, ExchangeRateTable rates, PostingOptions rules)
    {
        var linesOf = new Dictionary<long, List<SupplierInvoiceLine>>(invoices.Count);
        foreach (var line in lines)
        {
            if (!linesOf.TryGetValue(line.InvoiceId, out var own)) linesOf.Add(line.InvoiceId, own = new List<SupplierInvoiceLine>(4));
            own.Add(line);
        }
        var built = new List<(SupplierInvoice, string, Voucher)>(invoices.Count);
        var refused = new List<(SupplierInvoice, string, string, string)>();
        foreach (var inv in invoices)
        {
            // An invoice attested after its id was read has no version of that read: the next pass takes it.
            if (!versions.TryGetValue(inv.Id, out var version)) continue;
            inv.Lines = linesOf.TryGetValue(inv.Id, out var own) ? own : [];
            try
            {
                built.Add((inv, version, VoucherBuilder.ForInvoice(ToDocument(inv), $"invoice {inv.Id}", CodedLines(inv, rules), postingDate, rates, rules, inv.SupplierId)));
            }
            catch (PostingRefusedException ex)
            {
                refused.Add((inv, version, ex.Code, ex.Message));
            }
            catch (UnbalancedVoucherException ex)
            {
                refused.Add((inv, version, ExceptionCode.MissingCoding, ex.Message));
            }
        }
        return (built, refused);
    }

    /// <summary>One chunk, one transaction: lock, number, check, copy. Nothing of it is visible unless all of it is.</summary>
    private async Task WriteAsync(BuiltChunk chunk, string runId, DateOnly postingDate, Hosting.PostingOptions o, PostingResult result, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var postgres = db is not SqlitePipelineDbContext;
        await HoldPostingLockAsync(db, shared: false, ct);
        await RefuseAsync(chunk.Refused, runId, now, postgres, ct);
        var built = chunk.Built;
        if (built.Count > 0)
        {
            var (year, first) = await VoucherNumbers.ReserveAsync(db, o.InvoiceSeries, postingDate, o.FiscalYearStartMonth, built.Count, ct);
            var vouchers = new List<VoucherEntry>(built.Count);
            var lines = new List<VoucherLineEntry>(built.Count * 5);
            for (var i = 0; i < built.Count; i++)
            {
                var (inv, _, voucher) = built[i];
                var number = first + i;
                var id = VoucherIds.VoucherId(o.InvoiceSeries, year, number);
                vouchers.Add(new VoucherEntry
                {
                    Id = id, Series = o.InvoiceSeries, FiscalYear = year, Number = number, Date = postingDate,
                    Text = voucher.Text, InvoiceId = inv.Id, RunId = runId, CreatedAt = now,
                });
                for (var n = 0; n < voucher.Lines.Count; n++)
                {
                    var l = voucher.Lines[n];
                    lines.Add(new VoucherLineEntry
                    {
                        Id = VoucherIds.LineId(id, n + 1), VoucherId = id, LineNo = n + 1, Account = l.Account, CostCentre = l.CostCentre,
                        Project = l.Project, Amount = l.Amount, Text = l.Text,
                    });
                }
            }
            // Checked (under the posting lock) before the COPY, so a changed invoice costs nothing but these statements.
            var ids = vouchers.Select(v => v.InvoiceId!.Value).ToArray();
            var checkAt = watch.Elapsed;
            var marked = await UnchangedAsync(built, ids, postgres, ct);
            result.Check += watch.Elapsed - checkAt;
            if (marked != built.Count) throw new StaleChunkException(built.Count, marked);
            var copyAt = watch.Elapsed;
            await BulkWriter.InsertAsync(db, vouchers, ct);
            await BulkWriter.InsertAsync(db, lines, ct);
            result.Copy += watch.Elapsed - copyAt;
            result.Lines += lines.Count;
        }
        await tx.CommitAsync(ct);
        result.Posted += built.Count;
        result.Refused += chunk.Refused.Count;
        result.Write += watch.Elapsed;
    }

    /// <summary>
    /// The advisory lock between posting and people (PostgreSQL): a chunk holds it exclusively from its first statement
    /// to its commit, a person's action on an invoice holds it shared (<see cref="Review.InvoiceReview"/>). So no action
    /// commits between a chunk's check that its invoices are unchanged and its commit, and an action after the commit
    /// sees the voucher. One lock for the whole chunk instead of a row lock on each of its invoices (a row lock writes
    /// every invoice's page again: 10 µs an invoice, a fifth of posting's time).
    /// </summary>
    public const long PostingLock = 0x1F0_1CE5_0001;

    /// <summary>Takes <see cref="PostingLock"/> until the current transaction ends: exclusively (a chunk) or shared (a person's action). A no-op on SQLite (one writer).</summary>
    public static async Task HoldPostingLockAsync(PipelineDbContext db, bool shared, CancellationToken ct)
    {
        if (db is SqlitePipelineDbContext) return;
        if (shared) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({PostingLock})", ct);
        else await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostingLock})", ct);
    }

    /// <summary>
    /// How many of the chunk's invoices are still as read (their row version, <c>xmin</c>, on PostgreSQL), attested and
    /// without a voucher; run under <see cref="PostingLock"/>, so that stays true until the chunk commits. A second
    /// poster waits for the first on the lock (and on the series counter), and this check, a new statement with a new
    /// snapshot, then sees the first one's vouchers: the chunk is read again instead of failing on the unique index.
    /// On SQLite the transaction holds the database's only write lock.
    /// </summary>
    private async Task<int> UnchangedAsync(List<(SupplierInvoice Invoice, string Version, Voucher Voucher)> built, long[] ids, bool postgres, CancellationToken ct)
    {
        var attested = nameof(InvoiceStatus.Attested);
        if (!postgres)
            return (await db.Database.SqlQueryRaw<int>(
                "SELECT count(*) AS \"Value\" FROM invoices i WHERE \"Id\" IN (SELECT value FROM json_each({0})) AND \"Status\" = {1} AND NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.\"InvoiceId\" = i.\"Id\")",
                JsonSerializer.Serialize(ids), attested).ToListAsync(ct))[0];
        var versions = built.Select(b => b.Version).ToArray();
        // The id range keeps both on an index range scan (a join with unnest alone is planned as a scan of the table).
        var (low, high) = (ids[0], ids[^1]); // in id order, as read
        var unchanged = (await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM invoices AS i JOIN unnest({ids}, {versions}) AS u(id, version) ON i."Id" = u.id
            WHERE i."Id" BETWEEN {low} AND {high} AND i.xmin::text = u.version AND i."Status" = {attested}
            """).ToListAsync(ct))[0];
        if (unchanged != ids.Length) return unchanged;
        var posted = (await db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM vouchers WHERE "InvoiceId" BETWEEN {low} AND {high} AND "InvoiceId" = ANY({ids})""").ToListAsync(ct))[0];
        return ids.Length - posted;
    }

    /// <summary>What posting needs of the document: kind, number, dates, currency, totals and the VAT breakdown.</summary>
    private static Invoice ToDocument(SupplierInvoice inv) => new()
    {
        // The stored sign decides (a Svefaktura credit note is an Invoice root with type code 381).
        Kind = inv.Sign < 0 ? DocumentKind.CreditNote : inv.Kind, Number = inv.InvoiceNumber, IssueDate = inv.IssueDate ?? default, Currency = inv.Currency,
        Seller = new Party { Name = inv.SellerName },
        Totals = new MonetaryTotals { Payable = inv.Payable, TaxInclusive = inv.TotalInclVat, TaxTotal = inv.VatTotal, Prepaid = inv.Prepaid },
        VatBreakdown = ReadVatBreakdown(inv.VatBreakdownJson),
    };

    /// <summary>
    /// The stored VAT breakdown. The shape <see cref="Processing.ChunkJob"/> writes (an array of objects with all six
    /// properties in declaration order, numbers as numbers) is read straight off a <see cref="Utf8JsonReader"/>, one
    /// per invoice being too many for the serializer's general path; anything else goes to the serializer with the
    /// options it was written with, so both read the same.
    /// </summary>
    private static List<VatBreakdown> ReadVatBreakdown(string json) =>
        TryReadStoredShape(json) ?? JsonSerializer.Deserialize<List<VatBreakdown>>(json, Processing.ChunkJob.Json) ?? [];

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static List<VatBreakdown>? TryReadStoredShape(string json)
    {
        if (json.Length > 1024) return null;
        Span<byte> utf8 = stackalloc byte[StrictUtf8.GetMaxByteCount(json.Length)];
        var reader = new Utf8JsonReader(utf8[..StrictUtf8.GetBytes(json, utf8)]);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return null;
        var list = new List<VatBreakdown>(1);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (!String(ref reader, "category"u8, out var category) || category is null
                || !Number(ref reader, "rate"u8, nullable: true, out var rate)
                || !Number(ref reader, "taxableAmount"u8, nullable: false, out var taxable)
                || !Number(ref reader, "taxAmount"u8, nullable: false, out var tax)
                || !String(ref reader, "exemptionReasonCode"u8, out var reasonCode)
                || !String(ref reader, "exemptionReason"u8, out var reason)
                || !reader.Read() || reader.TokenType != JsonTokenType.EndObject)
                return null;
            list.Add(new VatBreakdown(category, rate, taxable!.Value, tax!.Value, reasonCode, reason));
        }
        return reader.TokenType == JsonTokenType.EndArray && !reader.Read() ? list : null;

        static bool Name(ref Utf8JsonReader r, ReadOnlySpan<byte> name) =>
            r.Read() && r.TokenType == JsonTokenType.PropertyName && !r.ValueIsEscaped && r.ValueTextEquals(name) && r.Read();

        static bool String(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out string? value)
        {
            value = null;
            if (!Name(ref r, name)) return false;
            if (r.TokenType == JsonTokenType.String) value = r.GetString();
            return r.TokenType is JsonTokenType.String or JsonTokenType.Null;
        }

        static bool Number(ref Utf8JsonReader r, ReadOnlySpan<byte> name, bool nullable, out decimal? value)
        {
            value = null;
            if (!Name(ref r, name)) return false;
            if (r.TokenType == JsonTokenType.Null) return nullable;
            if (r.TokenType != JsonTokenType.Number || !r.TryGetDecimal(out var d)) return false;
            value = d;
            return true;
        }
    }

    /// <summary>Coded lines signed for booking (the stored sign: negative on credit notes), VAT deductible as the account says.</summary>
    private static List<CodedLine> CodedLines(SupplierInvoice inv, PostingOptions rules)
    {
        var sign = inv.Sign;
        var coded = new List<CodedLine>(inv.Lines.Count);
        foreach (var l in inv.Lines)
        {
            if (l.Account is null)
                throw new PostingRefusedException(ExceptionCode.MissingCoding, $"invoice {inv.Id} has uncoded lines");
            coded.Add(new CodedLine(l.LineId, l.NetAmount * sign, l.VatCategory, l.VatRate,
                new InvoicePipeline.Coding.Coding(l.Account, l.CostCentre, l.Project),
                Enum.TryParse<CodingSource>(l.CodingSource, out var source) ? source : CodingSource.Person,
                rules.NonDeductibleVatAccounts.Count == 0 || !rules.NonDeductibleVatAccounts.Contains(l.Account)));
        }
        return coded;
    }

    /// <summary>An attested invoice that cannot be posted goes back to review with the reason; it never blocks the rest.</summary>
    private async Task RefuseAsync(List<(SupplierInvoice Invoice, string Version, string Code, string Reason)> refused, string runId, DateTimeOffset now, bool postgres, CancellationToken ct)
    {
        foreach (var (inv, version, code, reason) in refused)
        {
            var (awaiting, attested) = (nameof(InvoiceStatus.AwaitingReview), nameof(InvoiceStatus.Attested));
            var changed = postgres
                ? await db.Database.ExecuteSqlAsync($"""
                    UPDATE invoices SET "Status" = {awaiting}, "Exceptions" = CASE WHEN "Exceptions" = '' THEN {code} ELSE "Exceptions" || ';' || {code} END
                    WHERE "Id" = {inv.Id} AND "Status" = {attested} AND xmin::text = {version} AND NOT EXISTS (SELECT 1 FROM vouchers v WHERE v."InvoiceId" = {inv.Id})
                    """, ct)
                : await db.Database.ExecuteSqlAsync($"""
                    UPDATE invoices SET "Status" = {awaiting}, "Exceptions" = CASE WHEN "Exceptions" = '' THEN {code} ELSE "Exceptions" || ';' || {code} END
                    WHERE "Id" = {inv.Id} AND "Status" = {attested} AND NOT EXISTS (SELECT 1 FROM vouchers v WHERE v."InvoiceId" = {inv.Id})
                    """, ct);
            if (changed == 0) throw new StaleChunkException(1, 0);
            db.InvoiceExceptions.Add(new InvoiceException { InvoiceId = inv.Id, Code = code, Reason = reason, RaisedAt = now });
            db.History.Add(new StatusChange { SubjectId = inv.Id, At = now, Action = "post-refused", FromStatus = nameof(InvoiceStatus.Attested), ToStatus = nameof(InvoiceStatus.AwaitingReview), RunId = runId, Reason = reason });
        }
        if (refused.Count > 0) await db.SaveChangesAsync(ct);
    }
}

/// <summary>An invoice id with its row version when read (PostgreSQL's xmin; empty on SQLite, which has one writer).</summary>
public sealed record InvoiceVersion(long Id, string Version);

/// <summary>What a posting did, with where its time went (read, build, write), for the log and the benchmark.</summary>
public sealed class PostingResult
{
    public int Posted { get; set; }
    public int Lines { get; set; }
    public int Refused { get; set; }
    public TimeSpan Read { get; set; }
    public TimeSpan Build { get; set; }
    public TimeSpan Write { get; set; }
    /// <summary>Of <see cref="Write"/>: the COPY of vouchers and lines (the rest takes the lock, reserves numbers and checks the invoices).</summary>
    public TimeSpan Copy { get; set; }
    /// <summary>Of <see cref="Write"/>: checking that the chunk's invoices are unchanged, under the lock that keeps them so.</summary>
    public TimeSpan Check { get; set; }
    /// <summary>Time the writer waited for the next chunk to be read (zero when reading keeps ahead).</summary>
    public TimeSpan Waited { get; set; }
}
