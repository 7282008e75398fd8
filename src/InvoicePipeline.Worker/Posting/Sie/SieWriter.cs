using System.Globalization;
using System.Text;
using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Posting.Sie;

public sealed record SieHeader(string Program, string Version, DateOnly Generated, string CompanyName, string OrgNo, DateOnly YearStart, DateOnly YearEnd, string Currency);

public sealed record SieCounts(int Vouchers, int Transactions, decimal DebitTotal);

/// <summary>
/// Writes an SIE 4I file (SIE filformat 4B: type 4, import file) in PC8 = code page 437: header records, #KONTO for
/// the accounts used, #DIM/#OBJEKT for cost centres (dimension 1) and projects (dimension 6), and #VER blocks with
/// #TRANS and their objects. Vouchers are streamed in; memory does not grow with their number.
/// </summary>
public static class SieWriter
{
    public const int CostCentreDimension = 1;
    public const int ProjectDimension = 6;

    /// <summary>CP437, with characters it lacks written as '?' (never a U+FFFD).</summary>
    public static Encoding Pc8 { get; } = CreatePc8();

    private static Encoding CreatePc8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(437, new EncoderReplacementFallback("?"), new DecoderReplacementFallback("?"));
    }

    public static async Task<SieCounts> WriteAsync(Stream output, SieHeader header,
        IReadOnlyDictionary<string, string> accounts, IReadOnlyDictionary<string, string> costCentres, IReadOnlyCollection<string> projects,
        IAsyncEnumerable<(VoucherEntry Voucher, IReadOnlyList<VoucherLineEntry> Lines)> vouchers, CancellationToken ct)
    {
        await using var w = new StreamWriter(output, Pc8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        string D(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        await w.WriteLineAsync("#FLAGGA 0");
        await w.WriteLineAsync("#FORMAT PC8");
        await w.WriteLineAsync("#SIETYP 4");
        await w.WriteLineAsync($"#PROGRAM {Q(header.Program)} {Q(header.Version)}");
        await w.WriteLineAsync($"#GEN {D(header.Generated)}");
        await w.WriteLineAsync($"#FNAMN {Q(header.CompanyName)}");
        await w.WriteLineAsync($"#ORGNR {header.OrgNo}");
        // The fiscal year of the exported vouchers and the one before it (SIE 4B: #RAR 0 current, -1 previous).
        await w.WriteLineAsync($"#RAR 0 {D(header.YearStart)} {D(header.YearEnd)}");
        await w.WriteLineAsync($"#RAR -1 {D(header.YearStart.AddYears(-1))} {D(header.YearStart.AddDays(-1))}");
        await w.WriteLineAsync("#KPTYP BAS2014");
        await w.WriteLineAsync($"#VALUTA {header.Currency}");
        foreach (var (account, name) in accounts.OrderBy(a => a.Key, StringComparer.Ordinal))
            await w.WriteLineAsync($"#KONTO {account} {Q(name)}");
        if (costCentres.Count > 0) await w.WriteLineAsync($"#DIM {CostCentreDimension} {Q("Kostnadsställe")}");
        if (projects.Count > 0) await w.WriteLineAsync($"#DIM {ProjectDimension} {Q("Projekt")}");
        foreach (var (code, name) in costCentres.OrderBy(c => c.Key, StringComparer.Ordinal))
            await w.WriteLineAsync($"#OBJEKT {CostCentreDimension} {Q(code)} {Q(name)}");
        foreach (var p in projects.Order(StringComparer.Ordinal))
            await w.WriteLineAsync($"#OBJEKT {ProjectDimension} {Q(p)} {Q(p)}");

        int count = 0, trans = 0;
        decimal debit = 0;
        await foreach (var (v, lines) in vouchers.WithCancellation(ct))
        {
            count++;
            await w.WriteLineAsync($"#VER {Q(v.Series)} {Q(v.Number.ToString(CultureInfo.InvariantCulture))} {D(v.Date)} {Q(v.Text)}");
            await w.WriteLineAsync("{");
            foreach (var l in lines)
            {
                trans++;
                if (l.Amount > 0) debit += l.Amount;
                await w.WriteLineAsync($"#TRANS {l.Account} {{{Objects(l)}}} {Amount(l.Amount)} {Q("")} {Q(l.Text ?? "")}");
            }
            await w.WriteLineAsync("}");
        }
        return new SieCounts(count, trans, debit);
    }

    private static string Objects(VoucherLineEntry l)
    {
        var parts = new List<string>(2);
        if (!string.IsNullOrEmpty(l.CostCentre)) parts.Add($"{CostCentreDimension} {Q(l.CostCentre)}");
        if (!string.IsNullOrEmpty(l.Project)) parts.Add($"{ProjectDimension} {Q(l.Project)}");
        return string.Join(' ', parts);
    }

    /// <summary>Two decimals, '.' separator, '-' for credits, never '+'.</summary>
    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A quoted SIE string: quotes escaped as \", control characters replaced by spaces.</summary>
    public static string Q(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c == '"') sb.Append("\\\"");
            else if (char.IsControl(c)) sb.Append(' ');
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }
}
