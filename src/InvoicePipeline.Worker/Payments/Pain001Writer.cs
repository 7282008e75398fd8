using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using InvoicePipeline.Identifiers;
using InvoicePipeline.Invoices;
using InvoicePipeline.Payments;

namespace InvoicePipeline.Worker.Payments;

public sealed record Debtor(string Name, string OrgNo, string Iban, string Bic);

/// <summary>
/// ISO 20022 pain.001.001.03 credit transfers, Swedish conventions: bankgiro as Othr/BGNR with clearing 9900,
/// plusgiro as BBAN with clearing 9960, foreign accounts as IBAN + BIC; the OCR reference as structured SCOR
/// remittance when the invoice has a valid one, else the invoice number unstructured. One PmtInf per execution
/// date and currency; NbOfTxs and CtrlSum are computed here and checked again by <see cref="Pain001Check"/>.
/// </summary>
public static class Pain001Writer
{
    public static readonly XNamespace Ns = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

    public static XDocument Build(string messageId, DateTimeOffset created, Debtor debtor, IReadOnlyList<ProposedPayment> payments)
    {
        XElement E(string name, params object?[] content) => new(Ns + name, content);
        string A(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);
        var groups = payments.GroupBy(p => (p.ExecutionDate, p.Invoice.Currency)).OrderBy(g => g.Key.ExecutionDate).ThenBy(g => g.Key.Currency, StringComparer.Ordinal).ToList();
        var root = E("CstmrCdtTrfInitn",
            E("GrpHdr",
                E("MsgId", messageId),
                E("CreDtTm", created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
                E("NbOfTxs", payments.Count.ToString(CultureInfo.InvariantCulture)),
                E("CtrlSum", A(payments.Sum(p => p.Amount))),
                E("InitgPty", E("Nm", debtor.Name), E("Id", E("OrgId", E("Othr", E("Id", debtor.OrgNo.Replace("-", "", StringComparison.Ordinal))))))),
            groups.Select((g, n) => E("PmtInf",
                E("PmtInfId", $"{messageId}-{n + 1}"),
                E("PmtMtd", "TRF"),
                E("BtchBookg", "false"),
                E("NbOfTxs", g.Count().ToString(CultureInfo.InvariantCulture)),
                E("CtrlSum", A(g.Sum(p => p.Amount))),
                E("PmtTpInf", E("SvcLvl", E("Cd", "NURG")), E("CtgyPurp", E("Cd", "SUPP"))),
                E("ReqdExctnDt", g.Key.ExecutionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                E("Dbtr", E("Nm", debtor.Name)),
                E("DbtrAcct", E("Id", E("IBAN", debtor.Iban)), E("Ccy", "SEK")),
                E("DbtrAgt", E("FinInstnId", E("BIC", debtor.Bic))),
                g.OrderBy(p => p.Invoice.InvoiceId).Select(p => E("CdtTrfTxInf",
                    E("PmtId", E("InstrId", $"INV-{p.Invoice.InvoiceId}"), E("EndToEndId", $"INV-{p.Invoice.InvoiceId}")),
                    E("Amt", new XElement(Ns + "InstdAmt", new XAttribute("Ccy", p.Invoice.Currency), A(p.Amount))),
                    CreditorAgent(p.Account, E),
                    E("Cdtr", E("Nm", Truncate(p.Supplier.Name, 70))),
                    CreditorAccount(p.Account, E),
                    p.Credits.Count == 0 ? Remittance(p.Invoice, E) : NettedRemittance(p, E, A))))));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(Ns + "Document", root));
    }

    private static XElement CreditorAgent(PaymentAccount account, Func<string, object?[], XElement> e) => account.Kind switch
    {
        AccountKind.Bankgiro => e("CdtrAgt", [e("FinInstnId", [e("ClrSysMmbId", [e("ClrSysId", [e("Cd", ["SESBA"])]), e("MmbId", ["9900"])])])]),
        AccountKind.Plusgiro => e("CdtrAgt", [e("FinInstnId", [e("ClrSysMmbId", [e("ClrSysId", [e("Cd", ["SESBA"])]), e("MmbId", ["9960"])])])]),
        _ => e("CdtrAgt", [e("FinInstnId", [string.IsNullOrEmpty(account.Bic) ? e("Othr", [e("Id", ["NOTPROVIDED"])]) : e("BIC", [account.Bic])])]),
    };

    private static XElement CreditorAccount(PaymentAccount account, Func<string, object?[], XElement> e) => account.Kind switch
    {
        AccountKind.Bankgiro => e("CdtrAcct", [e("Id", [e("Othr", [e("Id", [account.Number]), e("SchmeNm", [e("Prtry", ["BGNR"])])])])]),
        AccountKind.Plusgiro => e("CdtrAcct", [e("Id", [e("Othr", [e("Id", [account.Number]), e("SchmeNm", [e("Cd", ["BBAN"])])])])]),
        _ => e("CdtrAcct", [e("Id", [e("IBAN", [account.Number])])]),
    };

    private static XElement Remittance(PayableInvoice invoice, Func<string, object?[], XElement> e) =>
        OcrReference.IsValid(invoice.PaymentReference)
            ? e("RmtInf", [e("Strd", [e("CdtrRefInf", [e("Tp", [e("CdOrPrtry", [e("Cd", ["SCOR"])])]), e("Ref", [AccountNumber.Normalise(invoice.PaymentReference!)])])])])
            : e("RmtInf", [e("Ustrd", [Truncate($"Faktura {invoice.InvoiceNumber}", 140)])]);

    /// <summary>
    /// A transfer with netted credit notes: structured remittance naming the invoice (CINV, its amount due and its OCR
    /// reference when valid) and each credit note (CREN, its credit amount), so the supplier can reconcile the net.
    /// </summary>
    private static XElement NettedRemittance(ProposedPayment p, Func<string, object?[], XElement> e, Func<decimal, string> a)
    {
        XElement Amount(string name, decimal amount) => new(Pain001Writer.Ns + name, new XAttribute("Ccy", p.Invoice.Currency), a(amount));
        var invoice = e("Strd", [
            e("RfrdDocInf", [e("Tp", [e("CdOrPrtry", [e("Cd", ["CINV"])])]), e("Nb", [Truncate(p.Invoice.InvoiceNumber, 35)])]),
            e("RfrdDocAmt", [Amount("DuePyblAmt", p.Invoice.Payable)]),
            OcrReference.IsValid(p.Invoice.PaymentReference)
                ? e("CdtrRefInf", [e("Tp", [e("CdOrPrtry", [e("Cd", ["SCOR"])])]), e("Ref", [AccountNumber.Normalise(p.Invoice.PaymentReference!)])])
                : null]);
        var credits = p.Credits.Select(c => e("Strd", [
            e("RfrdDocInf", [e("Tp", [e("CdOrPrtry", [e("Cd", ["CREN"])])]), e("Nb", [Truncate(c.InvoiceNumber, 35)])]),
            e("RfrdDocAmt", [Amount("CdtNoteAmt", -c.Payable)])]));
        return e("RmtInf", [invoice, .. credits]);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>The file's bytes (UTF-8 without BOM, indented): what is stored with the proposal and written, byte for byte, each time.</summary>
    public static byte[] Bytes(XDocument doc)
    {
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false), Async = false }))
            doc.Save(w);
        return buffer.ToArray();
    }
}

/// <summary>What the XSD cannot check: that NbOfTxs and CtrlSum agree with the transactions, in the header and per PmtInf.</summary>
public static class Pain001Check
{
    public static IReadOnlyList<string> Check(XDocument doc)
    {
        var ns = doc.Root!.Name.Namespace;
        var errors = new List<string>();
        var root = doc.Root.Element(ns + "CstmrCdtTrfInitn");
        if (root is null) return ["not a CstmrCdtTrfInitn document"];
        decimal Amounts(XElement scope) => scope.Descendants(ns + "InstdAmt").Sum(a => decimal.Parse(a.Value, CultureInfo.InvariantCulture));
        void Compare(XElement scope, string where)
        {
            var txs = scope.Descendants(ns + "CdtTrfTxInf").Count();
            var nb = scope.Element(ns + "NbOfTxs")?.Value;
            if (nb is null) errors.Add($"{where}: NbOfTxs is missing");
            else if (int.Parse(nb, CultureInfo.InvariantCulture) != txs) errors.Add($"{where}: NbOfTxs {nb} but {txs} transaction(s)");
            var ctrl = scope.Element(ns + "CtrlSum")?.Value;
            if (ctrl is not null && decimal.Parse(ctrl, CultureInfo.InvariantCulture) != Amounts(scope))
                errors.Add($"{where}: CtrlSum {ctrl} but the transactions sum to {Amounts(scope).ToString("0.00", CultureInfo.InvariantCulture)}");
        }
        var header = root.Element(ns + "GrpHdr")!;
        var txCount = root.Descendants(ns + "CdtTrfTxInf").Count();
        if (header.Element(ns + "NbOfTxs") is null) errors.Add("GrpHdr: NbOfTxs is missing");
        else if (int.Parse(header.Element(ns + "NbOfTxs")!.Value, CultureInfo.InvariantCulture) != txCount) errors.Add($"GrpHdr: NbOfTxs {header.Element(ns + "NbOfTxs")!.Value} but {txCount} transaction(s)");
        if (header.Element(ns + "CtrlSum")?.Value is { } total && decimal.Parse(total, CultureInfo.InvariantCulture) != Amounts(root))
            errors.Add($"GrpHdr: CtrlSum {total} but the transactions sum to {Amounts(root).ToString("0.00", CultureInfo.InvariantCulture)}");
        foreach (var (p, n) in root.Elements(ns + "PmtInf").Select((p, n) => (p, n + 1))) Compare(p, $"PmtInf {n}");
        return errors;
    }
}
