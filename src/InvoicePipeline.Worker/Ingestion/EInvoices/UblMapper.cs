using InvoicePipeline.Identifiers;
using InvoicePipeline.Invoices;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// Maps a UBL-family document (UBL 2.1 Invoice/CreditNote, OIOUBL 2.1/2.02, Svefaktura 1.0) onto the core invoice
/// model. Missing values stay null/empty: the validator, not the mapper, decides what is mandatory.
/// </summary>
internal static class UblMapper
{
    public static Invoice Map(UblElement root, DocumentKind kind, string syntax, EInvoiceReaderOptions options)
    {
        var isOioubl = syntax.StartsWith("OIOUBL", StringComparison.Ordinal);
        var isSvefaktura = syntax.StartsWith("Svefaktura", StringComparison.Ordinal);
        var lineName = kind == DocumentKind.CreditNote ? "CreditNoteLine" : "InvoiceLine";
        var lines = root.Els(lineName).Select(l => MapLine(l, kind)).ToList();
        var docCharges = root.Els("AllowanceCharge").Select(MapAllowanceCharge).ToList();
        var paymentMeans = root.Els("PaymentMeans").ToList();
        return new Invoice
        {
            Kind = kind,
            Syntax = syntax,
            CustomizationId = root.El("CustomizationID").Text(),
            ProfileId = root.El("ProfileID").Text(),
            Number = root.El("ID").Text() ?? "",
            TypeCode = (root.El("InvoiceTypeCode") ?? root.El("CreditNoteTypeCode")).Text(),
            IssueDate = root.El("IssueDate").Date() ?? default,
            DueDate = root.El("DueDate").Date() ?? paymentMeans.Select(p => (p.El("PaymentDueDate") ?? p.El("DuePaymentDate")).Date()).FirstOrDefault(d => d is not null),
            TaxPointDate = root.El("TaxPointDate").Date(),
            // Svefaktura (UBL 1.0) names the currency InvoiceCurrencyCode and its amounts' currency amountCurrencyID.
            Currency = root.El("DocumentCurrencyCode").Text() ?? root.El("InvoiceCurrencyCode").Text()
                ?? root.El("LegalMonetaryTotal", "PayableAmount").Attr("currencyID") ?? root.El("LegalTotal", "TaxInclusiveTotalAmount").Attr("amountCurrencyID") ?? "",
            TaxCurrency = root.El("TaxCurrencyCode").Text(),
            Note = root.El("Note").Text(),
            BuyerReference = root.El("BuyerReference").Text(),
            OrderReference = root.El("OrderReference", "ID").Text(),
            SalesOrderReference = root.El("OrderReference", "SalesOrderID").Text(),
            ContractReference = root.El("ContractDocumentReference", "ID").Text(),
            ProjectReference = root.El("ProjectReference", "ID").Text(),
            DespatchReference = root.El("DespatchDocumentReference", "ID").Text(),
            ReceiptReference = root.El("ReceiptDocumentReference", "ID").Text(),
            BillingReferences = [.. root.Els("BillingReference").Select(b => b.El("InvoiceDocumentReference", "ID").Text()).OfType<string>()],
            AccountingCost = root.El("AccountingCost").Text(),
            Period = MapPeriod(root.El("InvoicePeriod")),
            Seller = MapParty(root.El("AccountingSupplierParty", "Party") ?? root.El("SellerParty", "Party")),
            Buyer = MapParty(root.El("AccountingCustomerParty", "Party") ?? root.El("BuyerParty", "Party")),
            Payee = root.El("PayeeParty") is { } payee ? MapParty(payee) : null,
            TaxRepresentative = root.El("TaxRepresentativeParty") is { } rep ? MapParty(rep) : null,
            DeliveryCountry = root.El("Delivery", "DeliveryLocation", "Address").El("Country", "IdentificationCode").Text(),
            DeliveryDate = root.El("Delivery", "ActualDeliveryDate").Date(),
            PaymentMeans = [.. paymentMeans.Select(MapPaymentMeans)],
            PaymentTerms = root.El("PaymentTerms", "Note").Text(),
            AllowanceCharges = docCharges,
            VatBreakdown = [.. root.Els("TaxTotal").SelectMany(t => isSvefaktura ? t.Els("TaxSubTotal") : t.Els("TaxSubtotal")).Select(MapSubtotal)],
            Totals = isSvefaktura ? MapSvefakturaTotals(root, docCharges) : MapTotals(root, isOioubl),
            Lines = lines,
            Attachments = [.. root.Els("AdditionalDocumentReference").Select(a => MapAttachment(a, options)).OfType<Attachment>()],
        };
    }

    private static InvoiceLine MapLine(UblElement l, DocumentKind kind)
    {
        var qty = l.El(kind == DocumentKind.CreditNote ? "CreditedQuantity" : "InvoicedQuantity") ?? l.El("InvoicedQuantity");
        var item = l.El("Item");
        var taxCat = item.El("ClassifiedTaxCategory") ?? l.El("TaxTotal", "TaxSubtotal", "TaxCategory") ?? item.El("TaxCategory");
        var std = item.El("StandardItemIdentification", "ID");
        return new InvoiceLine
        {
            Id = l.El("ID").Text() ?? "",
            Quantity = qty.Dec() ?? 0m,
            UnitCode = qty.Attr("unitCode") ?? qty.Attr("quantityUnitCode"),
            NetAmount = l.El("LineExtensionAmount").Dec() ?? 0m,
            UnitPrice = l.El("Price", "PriceAmount").Dec() ?? item.El("BasePrice", "PriceAmount").Dec(),
            BaseQuantity = l.El("Price", "BaseQuantity").Dec(),
            ItemName = item.El("Name").Text() ?? item.El("Description").Text(),
            Description = item.El("Description").Text(),
            SellersItemId = item.El("SellersItemIdentification", "ID").Text(),
            BuyersItemId = item.El("BuyersItemIdentification", "ID").Text(),
            StandardItemId = std.Text() is { } s ? new SchemedId(s, std.Attr("schemeID")) : null,
            // An order-line reference element with an empty LineID is kept as "" (present, but says nothing).
            OrderLineReference = l.El("OrderLineReference") is { } olr ? olr.El("LineID").Text() ?? "" : null,
            AccountingCost = l.El("AccountingCost").Text(),
            VatCategory = taxCat.El("ID").Text(),
            VatRate = taxCat.El("Percent").Dec(),
            Period = MapPeriod(l.El("InvoicePeriod")),
            AllowanceCharges = [.. l.Els("AllowanceCharge").Select(MapAllowanceCharge)],
        };
    }

    private static DatePeriod? MapPeriod(UblElement? p) =>
        p is null ? null : new DatePeriod(p.El("StartDate").Date(), p.El("EndDate").Date());

    private static Party MapParty(UblElement? p)
    {
        var endpoint = p.El("EndpointID");
        var legal = p.El("PartyLegalEntity", "CompanyID");
        var taxSchemes = p.Els("PartyTaxScheme").ToList();
        var vat = taxSchemes.FirstOrDefault(t => string.Equals(t.El("TaxScheme", "ID").Text(), "VAT", StringComparison.OrdinalIgnoreCase));
        var other = taxSchemes.FirstOrDefault(t => t != vat);
        var address = p.El("PostalAddress") ?? p.El("Address");
        return new Party
        {
            Name = p.El("PartyName", "Name").Text(),
            TradingName = p.El("PartyName", "Name").Text(),
            EndpointId = endpoint.Text() is { } e ? new SchemedId(e, endpoint.Attr("schemeID")) : null,
            Identifiers = [.. p.Els("PartyIdentification").Select(i => i.El("ID")).Where(i => i.Text() is not null).Select(i => new SchemedId(i.Text()!, i.Attr("schemeID")))],
            LegalId = legal.Text() is { } l ? new SchemedId(l, legal.Attr("schemeID")) : null,
            LegalName = p.El("PartyLegalEntity", "RegistrationName").Text(),
            VatId = vat.El("CompanyID").Text(),
            TaxRegistrationId = other.El("CompanyID").Text(),
            CountryCode = address.El("Country", "IdentificationCode").Text(),
            City = address.El("CityName").Text(),
            PostalCode = address.El("PostalZone").Text(),
            Street = address.El("StreetName").Text(),
        };
    }

    private static PaymentInstruction MapPaymentMeans(UblElement pm)
    {
        var account = pm.El("PayeeFinancialAccount");
        var id = account.El("ID").Text();
        var branch = account.El("FinancialInstitutionBranch", "ID").Text()
                     ?? account.El("FinancialInstitutionBranch", "FinancialInstitution", "ID").Text();
        PaymentAccount? paymentAccount = null;
        if (id is not null)
        {
            var number = AccountNumber.Normalise(id);
            var kind = branch switch
            {
                _ when string.Equals(branch, "SE:BANKGIRO", StringComparison.OrdinalIgnoreCase) => AccountKind.Bankgiro,
                _ when string.Equals(branch, "SE:PLUSGIRO", StringComparison.OrdinalIgnoreCase) => AccountKind.Plusgiro,
                _ when AccountNumber.IsValidIban(number) => AccountKind.Iban,
                _ => AccountKind.Other,
            };
            var bic = kind is AccountKind.Bankgiro or AccountKind.Plusgiro ? null : branch;
            paymentAccount = new PaymentAccount(kind, number, bic);
        }
        return new PaymentInstruction(pm.El("PaymentMeansCode").Text(), pm.El("PaymentID").Text() ?? pm.El("InstructionID").Text(), paymentAccount);
    }

    private static AllowanceCharge MapAllowanceCharge(UblElement a)
    {
        var cat = a.El("TaxCategory");
        return new AllowanceCharge(
            string.Equals(a.El("ChargeIndicator").Text(), "true", StringComparison.OrdinalIgnoreCase),
            a.El("Amount").Dec() ?? 0m,
            a.El("BaseAmount").Dec(),
            a.El("MultiplierFactorNumeric").Dec(),
            a.El("AllowanceChargeReasonCode").Text(),
            a.El("AllowanceChargeReason").Text(),
            cat.El("ID").Text(),
            cat.El("Percent").Dec());
    }

    private static VatBreakdown MapSubtotal(UblElement s)
    {
        var cat = s.El("TaxCategory");
        return new VatBreakdown(
            cat.El("ID").Text() ?? "",
            cat.El("Percent").Dec() ?? s.El("Percent").Dec(),
            s.El("TaxableAmount").Dec() ?? 0m,
            s.El("TaxAmount").Dec() ?? 0m,
            cat.El("TaxExemptionReasonCode").Text(),
            cat.El("TaxExemptionReason").Text());
    }

    private static MonetaryTotals MapTotals(UblElement root, bool isOioubl)
    {
        var t = root.El("LegalMonetaryTotal");
        var currency = root.El("DocumentCurrencyCode").Text();
        var taxTotals = root.Els("TaxTotal").Select(x => x.El("TaxAmount")).OfType<UblElement>().ToList();
        var docTax = taxTotals.FirstOrDefault(x => currency is null || string.Equals(x.Attr("currencyID"), currency, StringComparison.Ordinal));
        var otherTax = taxTotals.FirstOrDefault(x => x != docTax);
        var lineExtension = t.El("LineExtensionAmount").Dec() ?? 0m;
        var allowances = t.El("AllowanceTotalAmount").Dec();
        var charges = t.El("ChargeTotalAmount").Dec();
        var taxExclusive = t.El("TaxExclusiveAmount").Dec();
        var taxTotal = docTax.Dec() ?? (taxTotals.Count == 0 ? null : taxTotals.Sum(x => x.Dec() ?? 0m));
        if (isOioubl)
        {
            // OIOUBL's TaxExclusiveAmount holds the VAT total, not the net: keep the model's meaning (BT-109).
            taxTotal ??= taxExclusive;
            taxExclusive = lineExtension - (allowances ?? 0m) + (charges ?? 0m);
        }
        return new MonetaryTotals
        {
            Stated = t is not null,
            LineExtension = lineExtension,
            AllowanceTotal = allowances,
            ChargeTotal = charges,
            TaxExclusive = taxExclusive ?? 0m,
            TaxTotal = taxTotal,
            TaxTotalInTaxCurrency = otherTax.Dec(),
            TaxInclusive = t.El("TaxInclusiveAmount").Dec() ?? 0m,
            Prepaid = t.El("PrepaidAmount").Dec(),
            PayableRounding = t.El("PayableRoundingAmount").Dec(),
            Payable = t.El("PayableAmount").Dec() ?? 0m,
        };
    }

    /// <summary>
    /// Svefaktura 1.0 (UBL 1.0): LegalTotal with LineExtensionTotalAmount, TaxExclusiveTotalAmount (optional),
    /// TaxInclusiveTotalAmount (what is to be paid, the round-off included) and RoundOffAmount; TaxTotal/TotalTaxAmount;
    /// a prepayment as PrepaidPayment/PaidAmount. Mapped onto the model's EN 16931 meaning: TaxInclusive without the
    /// round-off, Payable = the stated total less what was prepaid.
    /// </summary>
    private static MonetaryTotals MapSvefakturaTotals(UblElement root, IReadOnlyList<AllowanceCharge> docCharges)
    {
        var t = root.El("LegalTotal");
        var lineExtension = t.El("LineExtensionTotalAmount").Dec() ?? 0m;
        decimal? allowances = docCharges.Any(c => !c.IsCharge) ? docCharges.Where(c => !c.IsCharge).Sum(c => c.Amount) : null;
        decimal? charges = docCharges.Any(c => c.IsCharge) ? docCharges.Where(c => c.IsCharge).Sum(c => c.Amount) : null;
        var taxTotals = root.Els("TaxTotal").Select(x => x.El("TotalTaxAmount").Dec()).OfType<decimal>().ToList();
        var roundOff = t.El("RoundOffAmount").Dec();
        var inclusive = t.El("TaxInclusiveTotalAmount").Dec() ?? 0m;
        var prepaid = root.Els("PrepaidPayment").Select(p => p.El("PaidAmount").Dec()).OfType<decimal>().ToList();
        decimal? prepaidTotal = prepaid.Count == 0 ? null : prepaid.Sum();
        return new MonetaryTotals
        {
            Stated = t is not null,
            LineExtension = lineExtension,
            AllowanceTotal = allowances,
            ChargeTotal = charges,
            TaxExclusive = t.El("TaxExclusiveTotalAmount").Dec() ?? lineExtension - (allowances ?? 0m) + (charges ?? 0m),
            TaxTotal = taxTotals.Count == 0 ? null : taxTotals.Sum(),
            TaxInclusive = inclusive - (roundOff ?? 0m),
            Prepaid = prepaidTotal,
            PayableRounding = roundOff,
            Payable = inclusive - (prepaidTotal ?? 0m),
        };
    }

    private static Attachment? MapAttachment(UblElement reference, EInvoiceReaderOptions options)
    {
        var attachment = reference.El("Attachment");
        if (attachment is null) return null;
        var binary = attachment.El("EmbeddedDocumentBinaryObject");
        var uri = attachment.El("ExternalReference", "URI").Text();
        byte[]? content = null;
        long size = 0;
        if (binary is not null)
        {
            // The loader counted the base64 (and kept its text only within the in-memory limit).
            size = binary.Base64DecodedSize;
            if (!binary.HasOmittedText && size <= options.MaxAttachmentBytesInMemory)
            {
                try { content = Convert.FromBase64String(binary.Value); size = content.Length; }
                catch (FormatException) { content = null; }
            }
        }
        return new Attachment(reference.El("ID").Text(), binary.Attr("filename"), binary.Attr("mimeCode"), Math.Max(size, 0), content, uri);
    }
}
