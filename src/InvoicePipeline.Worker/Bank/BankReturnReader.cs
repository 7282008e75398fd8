using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using InvoicePipeline.Payments;

namespace InvoicePipeline.Worker.Bank;

/// <summary>A bank file that cannot be read: the file, the line and what is wrong.</summary>
public sealed class BankFileException(string file, int line, string message) : Exception($"{file}, line {line}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
}

/// <summary>What one bank file says: its statements about payments, and what it holds that is not about our payments.</summary>
public sealed record BankFile(string Name, string Kind, string? MessageId, IReadOnlyList<BankReturnEntry> Entries, IReadOnlyList<string> NotOurs);

/// <summary>
/// Reads ISO 20022 bank returns: pain.002 (customer payment status report, version 001.03 and later) and camt.054
/// (debit/credit notification, 001.02 and later). The file is read with DTDs prohibited and no resolver; the XSD is
/// not required (real banks send files that miss a mandatory element), but the root must be one of the two
/// messages. A booked debit (DBIT, Sts BOOK) confirms a payment by its end-to-end id; a returned payment (RtrInf)
/// is a rejection with the bank's reason; incoming credits and pending entries are listed as not ours.
/// </summary>
public static class BankReturnReader
{
    public static BankFile Read(string name, ReadOnlyMemory<byte> bytes)
    {
        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 64L * 1024 * 1024 };
            using var reader = XmlReader.Create(new MemoryStream(bytes.ToArray(), writable: false), settings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new BankFileException(name, e.LineNumber, "not well-formed XML: " + e.Message);
        }
        var root = doc.Root!;
        var ns = root.Name.NamespaceName;
        var body = root.Elements().FirstOrDefault();
        if (root.Name.LocalName != "Document" || body is null)
            throw new BankFileException(name, Line(root), "not an ISO 20022 Document");
        if (ns.StartsWith("urn:iso:std:iso:20022:tech:xsd:pain.002.", StringComparison.Ordinal) && body.Name.LocalName == "CstmrPmtStsRpt")
            return Pain002(name, body);
        if (ns.StartsWith("urn:iso:std:iso:20022:tech:xsd:camt.054.", StringComparison.Ordinal) && body.Name.LocalName == "BkToCstmrDbtCdtNtfctn")
            return Camt054(name, body);
        throw new BankFileException(name, Line(root), $"neither a pain.002 payment status report nor a camt.054 notification (root {body.Name.LocalName} in {ns})");
    }

    private static BankFile Pain002(string name, XElement report)
    {
        XNamespace ns = report.Name.Namespace;
        var entries = new List<BankReturnEntry>();
        var group = report.Element(ns + "OrgnlGrpInfAndSts")
            ?? throw new BankFileException(name, Line(report), "OrgnlGrpInfAndSts is missing");
        var messageId = Text(group, ns + "OrgnlMsgId")
            ?? throw new BankFileException(name, Line(group), "OrgnlGrpInfAndSts/OrgnlMsgId is missing");
        if (Status(name, group, ns + "GrpSts") is { } groupStatus)
        {
            var (code, text) = Reason(group, ns);
            entries.Add(new BankReturnEntry(name, messageId, null, null, groupStatus, code, text));
        }
        foreach (var block in report.Elements(ns + "OrgnlPmtInfAndSts"))
        {
            var blockId = Text(block, ns + "OrgnlPmtInfId")
                ?? throw new BankFileException(name, Line(block), "OrgnlPmtInfAndSts/OrgnlPmtInfId is missing");
            if (Status(name, block, ns + "PmtInfSts") is { } blockStatus)
            {
                var (code, text) = Reason(block, ns);
                entries.Add(new BankReturnEntry(name, messageId, blockId, null, blockStatus, code, text));
            }
            foreach (var tx in block.Elements(ns + "TxInfAndSts"))
            {
                if (Status(name, tx, ns + "TxSts") is not { } txStatus) continue;
                var endToEnd = Text(tx, ns + "OrgnlEndToEndId")
                    ?? throw new BankFileException(name, Line(tx), "TxInfAndSts/OrgnlEndToEndId is missing");
                var (code, text) = Reason(tx, ns);
                var amount = tx.Element(ns + "OrgnlTxRef")?.Element(ns + "Amt")?.Element(ns + "InstdAmt");
                entries.Add(new BankReturnEntry(name, messageId, blockId, endToEnd, txStatus, code, text,
                    amount is null ? null : Amount(name, amount), (string?)amount?.Attribute("Ccy"), null, Text(tx, ns + "AcctSvcrRef")));
            }
        }
        return new BankFile(name, "pain.002", Text(report.Element(ns + "GrpHdr"), ns + "MsgId"), entries, []);
    }

    private static BankFile Camt054(string name, XElement notification)
    {
        XNamespace ns = notification.Name.Namespace;
        var entries = new List<BankReturnEntry>();
        var notOurs = new List<string>();
        foreach (var ntry in notification.Elements(ns + "Ntfctn").SelectMany(n => n.Elements(ns + "Ntry")))
        {
            var status = Text(ntry, ns + "Sts");
            var direction = Text(ntry, ns + "CdtDbtInd");
            var amountElement = ntry.Element(ns + "Amt") ?? throw new BankFileException(name, Line(ntry), "Ntry/Amt is missing");
            var entryAmount = Amount(name, amountElement);
            var currency = (string?)amountElement.Attribute("Ccy");
            var booked = ntry.Element(ns + "BookgDt") is { } b ? Date(name, b, ns) : null;
            var entryRef = Text(ntry, ns + "AcctSvcrRef");
            var details = ntry.Elements(ns + "NtryDtls").SelectMany(d => d.Elements(ns + "TxDtls")).ToList();
            if (!string.Equals(status, "BOOK", StringComparison.Ordinal))
            {
                notOurs.Add($"line {Line(ntry)}: entry {entryAmount:0.00} {currency} is {status ?? "without status"}, not booked");
                continue;
            }
            foreach (var tx in details.Count == 0 ? new List<XElement> { ntry } : details)
            {
                var refs = tx.Element(ns + "Refs");
                var endToEnd = Text(refs, ns + "EndToEndId");
                var txAmount = tx.Element(ns + "AmtDtls")?.Element(ns + "TxAmt")?.Element(ns + "Amt") ?? tx.Element(ns + "Amt");
                decimal? amount = txAmount is not null && tx != ntry ? Amount(name, txAmount) : details.Count <= 1 ? entryAmount : null;
                var bankRef = Text(refs, ns + "AcctSvcrRef") ?? entryRef;
                if (tx.Element(ns + "RtrInf") is { } returned)
                {
                    var reason = returned.Element(ns + "Rsn");
                    entries.Add(new BankReturnEntry(name, Text(refs, ns + "MsgId"), Text(refs, ns + "PmtInfId"), endToEnd, BankStatus.Rejected,
                        Text(reason, ns + "Cd") ?? Text(reason, ns + "Prtry"), Text(returned, ns + "AddtlInf"), amount, currency, booked, bankRef));
                }
                else if (string.Equals(direction, "DBIT", StringComparison.Ordinal))
                {
                    entries.Add(new BankReturnEntry(name, Text(refs, ns + "MsgId"), Text(refs, ns + "PmtInfId"), endToEnd, BankStatus.Booked,
                        null, null, amount, currency, booked, bankRef));
                }
                else
                {
                    notOurs.Add($"line {Line(tx)}: incoming credit {amount ?? entryAmount:0.00} {currency}{(endToEnd is null ? "" : " " + endToEnd)}");
                }
            }
        }
        return new BankFile(name, "camt.054", Text(notification.Element(ns + "GrpHdr"), ns + "MsgId"), entries, notOurs);
    }

    private static BankStatus? Status(string file, XElement scope, XName element)
    {
        var code = Text(scope, element);
        if (code is null) return null;
        return BankReturns.FromPain002Code(code) ?? (code == "PART" ? null : throw new BankFileException(file, Line(scope.Element(element)!), $"{element.LocalName} '{code}' is not an ISO 20022 status code"));
    }

    private static (string? Code, string? Text) Reason(XElement scope, XNamespace ns)
    {
        var info = scope.Elements(ns + "StsRsnInf").ToList();
        if (info.Count == 0) return (null, null);
        var reason = info[0].Element(ns + "Rsn");
        var code = Text(reason, ns + "Cd") ?? Text(reason, ns + "Prtry");
        var text = string.Join(" ", info.SelectMany(i => i.Elements(ns + "AddtlInf")).Select(a => a.Value.Trim()).Where(t => t.Length > 0));
        return (code, text.Length == 0 ? null : text);
    }

    private static decimal Amount(string file, XElement amount) =>
        decimal.TryParse(amount.Value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BankFileException(file, Line(amount), $"{amount.Name.LocalName} '{amount.Value}' is not an amount");

    private static DateOnly? Date(string file, XElement scope, XNamespace ns)
    {
        var text = Text(scope, ns + "Dt") ?? Text(scope, ns + "DtTm");
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return DateOnly.FromDateTime(t.DateTime);
        throw new BankFileException(file, Line(scope), $"booking date '{text}' is not a date");
    }

    private static string? Text(XElement? scope, XName element) =>
        scope?.Element(element)?.Value.Trim() is { Length: > 0 } v ? v : null;

    private static int Line(XElement e) => ((IXmlLineInfo)e).HasLineInfo() ? ((IXmlLineInfo)e).LineNumber : 0;
}
