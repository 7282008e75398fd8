using System.Globalization;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// OIOUBL payment means (by PaymentMeansCode: 31 foreign transfer, 42 Danish bank account, 48 card, 50 giro,
/// 93 FI-kort, 97 NemKonto) and payment terms. Only the Invoice artefact has these rules.
/// </summary>
internal static partial class OioublRules
{
    private static void CheckPayment(XmlRuleContext x)
    {
        foreach (var pm in x.Root.Els("PaymentMeans")) CheckPaymentMeans(x, pm);
        foreach (var pt in x.Root.Els("PaymentTerms"))
        {
            if (pt.El("ID")?.Value == "Factoring" && !(pt.El("Note")?.Value.Length > 0))
                x.Fatal("F-LIB246", "Payment terms with ID 'Factoring' need the factoring note.", pt);
            if (pt.Els("Note").Count > 1) x.Fatal("F-LIB247", "Payment terms may have no more than one Note.", pt);
            if (pt.El("Amount") is { } amount && amount.Value.StartsWith('-'))
                x.Fatal("F-LIB020", "PaymentTerms/Amount must not be negative.", amount);
            foreach (var period in pt.Els("SettlementPeriod").Concat(pt.Els("PenaltyPeriod"))) CheckPeriod(x, period);
        }
    }

    private static void CheckPaymentMeans(XmlRuleContext x, UblElement pm)
    {
        var code = pm.El("PaymentMeansCode")?.Value;
        var channel = pm.El("PaymentChannelCode");
        var payee = pm.El("PayeeFinancialAccount");
        var paymentId = pm.El("PaymentID")?.Value;
        if (code is not ("1" or "10" or "20" or "31" or "42" or "48" or "49" or "50" or "58" or "59" or "93" or "97"))
            x.Fatal("F-LIB100", $"PaymentMeansCode '{code}' is not in the OIOUBL code list.", pm);
        switch (code)
        {
            case "31":
                if (payee.El("ID") is null) x.Fatal("F-LIB107", "Payment means 31 needs PayeeFinancialAccount/ID.", pm);
                if (channel?.Value is not ("IBAN" or "ZZZ")) x.Fatal("F-LIB109", "Payment means 31 needs PaymentChannelCode IBAN or ZZZ.", pm);
                break;
            case "42":
                if (channel is not null && channel.Value != "DK:BANK") x.Fatal("F-LIB128", "Payment means 42 needs PaymentChannelCode DK:BANK.", pm);
                if (payee is null) x.Fatal("F-LIB125", "Payment means 42 needs a PayeeFinancialAccount.", pm);
                if (payee.El("ID") is null) x.Fatal("F-LIB126", "Payment means 42 needs the account number (PayeeFinancialAccount/ID).", pm);
                var branch = payee.El("FinancialInstitutionBranch", "ID");
                if (branch is null) x.Fatal("F-LIB127", "Payment means 42 needs the registration number (FinancialInstitutionBranch/ID).", pm);
                if (payee.El("ID")?.Value.Length > 10) x.Fatal("F-LIB131", "Payment means 42: the account number has at most 10 characters.", pm);
                if (branch?.Value.Length > 4) x.Fatal("F-LIB132", "Payment means 42: the registration number has at most 4 digits.", pm);
                if (!(double.TryParse(branch?.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var reg) && reg != 0))
                    x.Fatal("F-LIB311", "Payment means 42: the registration number must be numeric.", pm);
                break;
            case "50":
                if (pm.El("PaymentID") is null) x.Fatal("F-LIB144", "Payment means 50 (giro) needs a PaymentID.", pm);
                if (paymentId is not ("01" or "04" or "15")) x.Fatal("F-LIB147", "Payment means 50 (giro): PaymentID must be 01, 04 or 15.", pm);
                if (payee is null) x.Fatal("F-LIB319", "Payment means 50 (giro) needs a PayeeFinancialAccount.", pm);
                if (payee.El("ID") is null) x.Fatal("F-LIB320", "Payment means 50 (giro) needs PayeeFinancialAccount/ID.", pm);
                if (paymentId is "04" or "15" && pm.El("InstructionID") is null)
                    x.Fatal("F-LIB145", "Payment means 50 (giro) with PaymentID 04 or 15 needs an InstructionID.", pm);
                break;
            case "93":
                if (pm.El("PaymentID") is null) x.Fatal("F-LIB152", "Payment means 93 (FI-kort) needs a PaymentID.", pm);
                if (paymentId is not ("71" or "73" or "75")) x.Fatal("F-LIB155", "Payment means 93 (FI-kort): PaymentID must be 71, 73 or 75.", pm);
                if (paymentId is "71" or "75" && pm.El("InstructionID") is null)
                    x.Fatal("F-LIB153", "Payment means 93 (FI-kort) with PaymentID 71 or 75 needs an InstructionID.", pm);
                var instruction = pm.El("InstructionID")?.Value ?? "";
                if (paymentId == "71" && instruction.Length != 15) x.Fatal("F-LIB156", "Payment means 93, PaymentID 71: InstructionID has 15 digits.", pm);
                if (paymentId == "75" && instruction.Length != 16) x.Fatal("F-LIB157", "Payment means 93, PaymentID 75: InstructionID has 16 digits.", pm);
                if ((pm.El("CreditAccount", "AccountID")?.Value ?? "").Length != 8) x.Fatal("F-LIB305", "Payment means 93: the creditor number (CreditAccount/AccountID) has 8 characters.", pm);
                break;
            case "97":
                if (payee is not null) x.Fatal("F-LIB164", "Payment means 97 (NemKonto) takes no PayeeFinancialAccount.", pm);
                break;
        }
        // F-LIB336 (FI-kort 71/75: a numeric InstructionID); as the artefact's 'or' binds, an empty InstructionID fails it under any code.
        var instructionId = pm.El("InstructionID");
        if (code == "93" && paymentId is "71" or "75" && (instructionId is null || !instructionId.Value.All(char.IsDigit)) || instructionId is { Value.Length: 0 })
            x.Fatal("F-LIB336", "InstructionID must be numeric (payment means 93 with PaymentID 71 or 75) and not empty.", pm);
        if ((code == "50" || channel?.Value == "DK:GIRO") && payee.El("ID")?.Value is var giro
            && (giro is null || giro.Length is < 7 or > 8 || !double.TryParse(giro.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            x.Fatal("F-LIB321", "Giro payments need a giro account number of 7 or 8 digits (PayeeFinancialAccount/ID).", pm);
        if (code == "48" && pm.El("CardAccount") is null)
            x.Fatal("F-LIB342", "When PaymentMeansCode is '48', the CardAccount class must be used.", pm);
    }
}
