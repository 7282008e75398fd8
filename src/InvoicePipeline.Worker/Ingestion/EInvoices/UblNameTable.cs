using System.Collections.Frozen;
using System.Xml;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// The XmlReader's name table for one document. Element, attribute and namespace names that UBL documents use are
/// answered from one read-only table shared by every reader (the interned strings the mapper and the rules compare
/// with, so a match is a reference comparison and no name is allocated again per document); any other name goes to a
/// table of the document's own, so a hostile file with a million invented names grows nothing that outlives it.
/// </summary>
internal sealed class UblNameTable : XmlNameTable
{
    private static readonly FrozenSet<string> Known = Names().Select(string.Intern).ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BySpan = Known.GetAlternateLookup<ReadOnlySpan<char>>();
    private NameTable? _own;

    public override string Add(char[] array, int offset, int length) =>
        BySpan.TryGetValue(array.AsSpan(offset, length), out var known) ? known : (_own ??= new NameTable()).Add(array, offset, length);

    public override string Add(string array) =>
        Known.TryGetValue(array, out var known) ? known : (_own ??= new NameTable()).Add(array);

    public override string? Get(char[] array, int offset, int length) =>
        BySpan.TryGetValue(array.AsSpan(offset, length), out var known) ? known : _own?.Get(array, offset, length);

    public override string? Get(string array) =>
        Known.TryGetValue(array, out var known) ? known : _own?.Get(array);

    /// <summary>Names taken from the official samples (Peppol BIS 3, EN 16931, OIOUBL, Svefaktura), prefixes and namespaces.</summary>
    private static IEnumerable<string> Names() =>
    [
        "", "xml", "xmlns", "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/xmlns/",
        "cac", "cbc", "ccts", "cur", "ext", "qdt", "sdt", "udt", "xsi",
        "http://difi.no/xsd/vefa/validator/1.0", "http://www.w3.org/2001/XMLSchema-instance",
        "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
        "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
        "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
        "urn:oasis:names:specification:ubl:schema:xsd:CoreComponentParameters-2",
        "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
        "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
        "urn:oasis:names:specification:ubl:schema:xsd:QualifiedDataTypes-2",
        "urn:oasis:names:specification:ubl:schema:xsd:SpecializedDatatypes-2",
        "urn:oasis:names:specification:ubl:schema:xsd:UnqualifiedDataTypes-2",
        "urn:oasis:names:tc:ubl:CommonBasicComponents:1:0", "urn:oasis:names:tc:ubl:CoreComponentParameters:1:0",
        "urn:oasis:names:tc:ubl:SpecializedDatatypes:1:0", "urn:oasis:names:tc:ubl:UnspecializedDatatypes:1:0",
        "urn:oasis:names:tc:ubl:codelist:CurrencyCode:1:0", "urn:sfti:CommonAggregateComponents:1:0",
        "urn:sfti:documents:BasicInvoice:1:0",
        "urn:un:unece:uncefact:data:specification:UnqualifiedDataTypesSchemaModule:2",
        "urn:un:unece:uncefact:documentation:2",
        "AccountID", "AccountingContact", "AccountingCost", "AccountingCustomerParty", "AccountingSupplierParty",
        "ActualDeliveryDate", "ActualDeliveryDateTime", "AdditionalDocumentReference", "AdditionalItemProperty",
        "AdditionalStreetName", "Address", "AddressFormatCode", "AddressLine", "Algorithm", "AllowanceCharge",
        "AllowanceChargeReason", "AllowanceChargeReasonCode", "AllowanceTotalAmount", "Amount", "Attachment",
        "BaseAmount", "BasePrice", "BaseQuantity", "BillingReference", "BuildingNumber", "BuyerCustomerParty",
        "BuyerParty", "BuyerReference", "BuyersItemIdentification", "CalculationRate", "CanonicalizationMethod",
        "CardAccount", "Certificate", "CertificateType", "CertificateTypeCode", "Channel", "ChannelCode",
        "ChargeIndicator", "ChargeTotalAmount", "CityName", "ClassifiedTaxCategory", "CommodityClassification",
        "CompanyID", "CompanyLegalForm", "Conditions", "Contact", "ContractDocumentReference", "CopyIndicator",
        "Country", "CountrySubentity", "CountrySubentityCode", "CreditAccount", "CreditNote", "CreditNoteLine",
        "CreditNoteTypeCode", "CreditedQuantity", "CurrencyCode", "CustomerReference", "CustomizationID", "Date",
        "Delivery", "DeliveryAddress", "DeliveryLocation", "DeliveryParty", "DeliveryTerms", "Description",
        "DescriptionCode", "Despatch", "DespatchDocumentReference", "DespatchLineReference", "DespatchParty",
        "DiscrepancyResponse", "DocumentCurrencyCode", "DocumentDescription", "DocumentHash", "DocumentReference",
        "DocumentType", "DocumentTypeCode", "DueDate", "DuePaymentDate", "ElectronicMail",
        "EmbeddedDocumentBinaryObject", "EndDate", "EndTime", "EndpointID", "ExchangeMarketID", "ExemptionReason",
        "ExemptionReasonCode", "ExpiryDate", "ExpiryTime", "ExtensionContent", "ExtensionURI", "ExternalReference",
        "FamilyName", "FinancialInstitution", "FinancialInstitutionBranch", "FirstName", "Floor",
        "ForeignExchangeContract", "HolderName", "ID", "IdentificationCode", "InstructionID", "InstructionNote",
        "Invoice", "InvoiceCurrencyCode", "InvoiceDocumentReference", "InvoiceLine", "InvoicePeriod",
        "InvoiceTypeCode", "InvoicedQuantity", "IssueDate", "IssueTime", "IssuerParty", "Item",
        "ItemClassificationCode", "JobTitle", "Language", "LegalMonetaryTotal", "LegalTotal", "Line",
        "LineExtensionAmount", "LineExtensionTotalAmount", "LineID", "LineItemCountNumeric", "LocaleCode",
        "LogoReferenceID", "MarkAttention", "MathematicOperatorCode", "MiddleName", "MultiplierFactorNumeric", "Name",
        "NameSuffix", "NetworkID", "Note", "OrderLineReference", "OrderReference", "OrderableUnitFactorRate",
        "OrganizationDepartment", "OriginCountry", "OriginatorDocumentReference", "OtherCommunication", "Party",
        "PartyIdentification", "PartyLegalEntity", "PartyName", "PartyTaxScheme", "PayableAmount",
        "PayableRoundingAmount", "PayeeFinancialAccount", "PayeeParty", "PayerFinancialAccount",
        "PaymentAlternativeCurrencyCode", "PaymentAlternativeExchangeRate", "PaymentChannelCode",
        "PaymentCurrencyCode", "PaymentDueDate", "PaymentExchangeRate", "PaymentID", "PaymentInstructionID",
        "PaymentMandate", "PaymentMeans", "PaymentMeansCode", "PaymentMeansID", "PaymentMeansTypeCode", "PaymentNote",
        "PaymentTerms", "PenaltySurchargePercent", "Percent", "Person", "PhysicalLocation", "PostalAddress",
        "PostalZone", "Postbox", "PrepaidAmount", "Price", "PriceAmount", "PricingExchangeRate",
        "PrimaryAccountNumberID", "ProfileID", "ProjectReference", "ReceiptDocumentReference", "ReceiptLineReference",
        "ReferenceID", "RegistrationAddress", "RegistrationName", "Remarks", "RequisitionistDocumentReference",
        "ResponseTo", "Room", "RoundOffAmount", "SalesOrderID", "SellerParty", "SellerSupplierParty",
        "SellersItemIdentification", "SequenceNumeric", "SignatoryParty", "Signature", "SignatureMethod",
        "SourceCurrencyBaseRate", "SourceCurrencyCode", "SpecialTerms", "StandardItemIdentification", "StartDate",
        "StartTime", "StreetName", "TargetCurrencyBaseRate", "TargetCurrencyCode", "TaxAmount", "TaxCategory",
        "TaxCurrencyCode", "TaxCurrencyTaxAmount", "TaxExchangeRate", "TaxExclusiveAmount", "TaxExclusiveTotalAmount",
        "TaxExemptionReason", "TaxExemptionReasonCode", "TaxInclusiveAmount", "TaxInclusiveTotalAmount",
        "TaxPointDate", "TaxRepresentativeParty", "TaxScheme", "TaxSubTotal", "TaxSubtotal", "TaxTotal",
        "TaxableAmount", "Telefax", "Telephone", "TotalTaxAmount", "TransactionCurrencyTaxAmount", "UBLExtension",
        "UBLExtensions", "UBLVersionID", "URI", "UUID", "ValidationDate", "ValidationTime", "ValidatorID",
        "ValidityPeriod", "Value", "WebsiteURI", "XCode", "amountCurrencyID", "assert", "configuration", "currencyID",
        "description", "encoding", "error", "filename", "id", "identificationSchemeAgencyID", "languageID",
        "listAgencyID", "listID", "listVersionID", "mimeCode", "name", "number", "quantityUnitCode",
        "quantityUnitCodeListAgencyID", "quantityUnitCodeListAgencyName", "quantityUnitCodeListID", "schemeAgencyID",
        "schemeID", "scope", "success", "test", "testSet", "unitCode", "version", "warning",
    ];
}
