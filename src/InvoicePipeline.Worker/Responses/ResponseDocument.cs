using System.Globalization;
using System.Text;
using System.Xml;
using InvoicePipeline.Invoices;
using InvoicePipeline.Responses;

namespace InvoicePipeline.Worker.Responses;

/// <summary>A party of a response: the electronic address it is reached at, its legal name and (optionally) its legal id.</summary>
public sealed record ResponseParty(SchemedId Endpoint, string Name, SchemedId? LegalId = null);

/// <summary>
/// Everything a response message says besides the decision: its own id and time, who sends it (the customer
/// organisation, at the address the invoice was sent to), who receives it (the supplier, at the seller's address),
/// and the invoice it answers.
/// </summary>
public sealed record ResponseEnvelope(
    string Id,
    Guid Uuid,
    DateTimeOffset Issued,
    ResponseParty Sender,
    ResponseParty Receiver,
    string DocumentNumber,
    DateOnly DocumentIssueDate,
    bool IsCreditNote);

/// <summary>UBL 2.1 ApplicationResponse plumbing shared by the Peppol and OIOUBL writers.</summary>
internal static class ResponseXml
{
    public const string Root = "urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2";
    public const string Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    public const string Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    public static byte[] Write(Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using (var w = XmlWriter.Create(buffer, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("", "ApplicationResponse", Root);
            w.WriteAttributeString("xmlns", "cac", null, Cac);
            w.WriteAttributeString("xmlns", "cbc", null, Cbc);
            body(w);
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    public static void Cbc_(this XmlWriter w, string name, string value, params (string Name, string? Value)[] attributes)
    {
        w.WriteStartElement("cbc", name, Cbc);
        foreach (var (n, v) in attributes)
        {
            if (!string.IsNullOrEmpty(v)) w.WriteAttributeString(n, v);
        }
        w.WriteString(value);
        w.WriteEndElement();
    }

    public static void Cac_(this XmlWriter w, string name, Action inner)
    {
        w.WriteStartElement("cac", name, Cac);
        inner();
        w.WriteEndElement();
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset t) => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>
/// Peppol BIS Invoice Response 3 (transaction T111): CustomizationID urn:fdc:peppol.eu:poacc:trns:invoice_response:3,
/// one cac:Status per clarification (reason or action code with its list, text and the field at fault). Checked in the
/// tests against the official T111 schematron and the UBL 2.1 XSD.
/// </summary>
public static class PeppolInvoiceResponse
{
    public const string CustomizationId = "urn:fdc:peppol.eu:poacc:trns:invoice_response:3";
    public const string ProfileId = "urn:fdc:peppol.eu:poacc:bis:invoice_response:3";

    public static byte[] Write(ResponseEnvelope envelope, SupplierResponse response) => ResponseXml.Write(w =>
    {
        w.Cbc_("CustomizationID", CustomizationId);
        w.Cbc_("ProfileID", ProfileId);
        w.Cbc_("ID", envelope.Id);
        w.Cbc_("IssueDate", ResponseXml.Date(DateOnly.FromDateTime(envelope.Issued.DateTime)));
        w.Cbc_("IssueTime", ResponseXml.Time(envelope.Issued));
        Party(w, "SenderParty", envelope.Sender);
        Party(w, "ReceiverParty", envelope.Receiver);
        w.Cac_("DocumentResponse", () =>
        {
            w.Cac_("Response", () =>
            {
                w.Cbc_("ResponseCode", SupplierResponse.Code(response.Status));
                w.Cbc_("EffectiveDate", ResponseXml.Date(response.EffectiveDate));
                foreach (var c in response.Clarifications)
                {
                    w.Cac_("Status", () =>
                    {
                        w.Cbc_("StatusReasonCode", c.Code, ("listID", c.ListId));
                        if (!string.IsNullOrWhiteSpace(c.Text)) w.Cbc_("StatusReason", c.Text);
                        if (!string.IsNullOrWhiteSpace(c.Attribute) && !string.IsNullOrWhiteSpace(c.Value))
                            w.Cac_("Condition", () =>
                            {
                                w.Cbc_("AttributeID", c.Attribute);
                                w.Cbc_("Description", c.Value);
                            });
                    });
                }
            });
            w.Cac_("DocumentReference", () =>
            {
                w.Cbc_("ID", envelope.DocumentNumber);
                w.Cbc_("IssueDate", ResponseXml.Date(envelope.DocumentIssueDate));
                w.Cbc_("DocumentTypeCode", envelope.IsCreditNote ? "381" : "380");
            });
        });
    });

    private static void Party(XmlWriter w, string element, ResponseParty party) => w.Cac_(element, () =>
    {
        w.Cbc_("EndpointID", party.Endpoint.Value, ("schemeID", party.Endpoint.Scheme));
        if (party.LegalId is { } id)
            w.Cac_("PartyIdentification", () => w.Cbc_("ID", id.Value, ("schemeID", id.Scheme)));
        w.Cac_("PartyLegalEntity", () => w.Cbc_("RegistrationName", party.Name));
    });
}

/// <summary>
/// OIOUBL 2.1 ApplicationResponse (Nemhandel), for invoices that arrived as OIOUBL. Its response codes say less than
/// Peppol's: a received invoice is a TechnicalAccept (profile Procurement-TecRes-1.0), a rejection a BusinessReject
/// with the reasons in the description, an attested invoice a BusinessAccept. Under query and paid have no OIOUBL 2.1
/// code and are not sent to OIOUBL senders (<see cref="Supports"/>). Checked against the official OIOUBL schematron.
/// </summary>
public static class OioublApplicationResponse
{
    public static bool Supports(ResponseStatus status) =>
        status is ResponseStatus.Acknowledged or ResponseStatus.Rejected or ResponseStatus.Accepted;

    public static byte[] Write(ResponseEnvelope envelope, SupplierResponse response)
    {
        var code = response.Status switch
        {
            ResponseStatus.Acknowledged => "TechnicalAccept",
            ResponseStatus.Rejected => "BusinessReject",
            ResponseStatus.Accepted => "BusinessAccept",
            _ => throw new ArgumentOutOfRangeException(nameof(response), response.Status, "OIOUBL 2.1 ApplicationResponse has no code for this status."),
        };
        var profile = code == "TechnicalAccept" ? "Procurement-TecRes-1.0" : "Procurement-BilSim-1.0";
        return ResponseXml.Write(w =>
        {
            w.Cbc_("UBLVersionID", "2.1");
            w.Cbc_("CustomizationID", "OIOUBL-2.1");
            w.Cbc_("ProfileID", profile, ("schemeAgencyID", "320"), ("schemeID", "urn:oioubl:id:profileid-1.6"));
            w.Cbc_("ID", envelope.Id);
            w.Cbc_("UUID", envelope.Uuid.ToString("D").ToUpperInvariant());
            w.Cbc_("IssueDate", ResponseXml.Date(DateOnly.FromDateTime(envelope.Issued.DateTime)));
            Party(w, "SenderParty", envelope.Sender);
            Party(w, "ReceiverParty", envelope.Receiver);
            w.Cac_("DocumentResponse", () =>
            {
                w.Cac_("Response", () =>
                {
                    w.Cbc_("ReferenceID", envelope.DocumentNumber);
                    w.Cbc_("ResponseCode", code, ("listAgencyID", "320"), ("listID", "urn:oioubl:codelist:responsecode-1.1"));
                    var text = string.Join("; ", response.Clarifications.Where(c => c.ListId == ResponseClarification.ReasonList)
                        .Select(c => c.Text ?? c.Code));
                    if (text.Length > 0) w.Cbc_("Description", text);
                });
                w.Cac_("DocumentReference", () =>
                {
                    w.Cbc_("ID", envelope.DocumentNumber);
                    w.Cbc_("IssueDate", ResponseXml.Date(envelope.DocumentIssueDate));
                    w.Cbc_("DocumentTypeCode", envelope.IsCreditNote ? "CreditNote" : "Invoice",
                        ("listAgencyID", "320"), ("listID", "urn:oioubl:codelist:responsedocumenttypecode-1.2"));
                });
            });
        });
    }

    private static void Party(XmlWriter w, string element, ResponseParty party) => w.Cac_(element, () =>
    {
        var scheme = party.Endpoint.Scheme;
        w.Cbc_("EndpointID", party.Endpoint.Value, ("schemeAgencyID", scheme == "GLN" ? "9" : null), ("schemeID", scheme));
        w.Cac_("PartyName", () => w.Cbc_("Name", party.Name));
        w.Cac_("PartyLegalEntity", () =>
        {
            w.Cbc_("RegistrationName", party.Name);
            var id = LegalId(party);
            w.Cbc_("CompanyID", id.Value, ("schemeID", id.Scheme));
        });
    });

    /// <summary>The OIOUBL schemes of PartyLegalEntity/CompanyID (code list PartyLegalID).</summary>
    private static readonly string[] LegalSchemes = ["DK:CVR", "DK:CPR", "ZZZ"];

    /// <summary>
    /// OIOUBL requires a CompanyID in a known scheme for every party (F-LIB187, F-LIB189): the party's legal id when it is in
    /// one, else its endpoint when that is a CVR or CPR number, else the endpoint under ZZZ (mutually agreed).
    /// </summary>
    private static SchemedId LegalId(ResponseParty party)
    {
        if (party.LegalId is { } id && LegalSchemes.Contains(id.Scheme) && !string.IsNullOrWhiteSpace(id.Value)) return id;
        if (LegalSchemes.Contains(party.Endpoint.Scheme)) return party.Endpoint;
        return new SchemedId(party.LegalId?.Value ?? party.Endpoint.Value, "ZZZ");
    }
}
