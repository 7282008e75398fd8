using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;
using InvoicePipeline.Organisations;

namespace InvoicePipeline.Core.Tests.Organisations;

public sealed class ArrivalRegistrationFacts
{
    private static readonly OrganisationDirectory Centre = new([
        new Organisation { OrganisationId = "KAMK", OrgNo = "202100-0829", PeppolIds = ["0007:2021000829"] },
        new Organisation { OrganisationId = "SHM", OrgNo = "202100-4888", PeppolIds = ["0088:7350000000012"] },
        new Organisation { OrganisationId = "DK-OES", OrgNo = "20214414", Country = "DK", LedgerCurrency = "DKK", PeppolIds = ["0184:20214414"] },
        // A city's administrations share the city's number and are told apart by the buyer reference.
        new Organisation { OrganisationId = "STHLM-UF", OrgNo = "212000-0142", BuyerReferences = ["UF100", "uf-skola"] },
        new Organisation { OrganisationId = "STHLM-SF", OrgNo = "212000-0142", BuyerReferences = ["SF200"] },
        new Organisation { OrganisationId = "OLD", OrgNo = "232100-0016", PeppolIds = ["9957:FR12345678901"], Active = false },
    ]);

    private static Party Buyer(string? scheme = null, string? endpoint = null, string? legal = null, string? vat = null, params SchemedId[] ids) => new()
    {
        EndpointId = endpoint is null ? null : new SchemedId(endpoint, scheme),
        LegalId = legal is null ? null : new SchemedId(legal, null),
        VatId = vat,
        Identifiers = ids,
    };

    [Theory]
    [InlineData("0007", "2021000829", "KAMK")]
    [InlineData("0088", "7350000000012", "SHM")]
    [InlineData("0184", "20214414", "DK-OES")]
    [InlineData("GLN", "7350000000012", "SHM")] // OIOUBL's scheme name for a GLN
    [InlineData("DK:CVR", "DK20214414", "DK-OES")]
    [InlineData("0007", "202100-0829", "KAMK")]
    public void ForInvoice_TheEndpointIdInAnyScheme_NamesTheOrganisation(string scheme, string endpoint, string expected) =>
        Assert.Equal(expected, ArrivalRegistration.ForInvoice(Buyer(scheme, endpoint), null, Centre).OrganisationId);

    [Fact]
    public void ForInvoice_TheEndpointDecides_WhateverTheLegalIdSays()
    {
        var r = ArrivalRegistration.ForInvoice(Buyer("0088", "7350000000012", legal: "2021000829", vat: "SE202100082901"), null, Centre);
        Assert.Equal("SHM", r.OrganisationId);
        Assert.Contains("electronic address 0088:7350000000012", r.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "SE202100082901", "KAMK")]
    [InlineData("202100-0829", null, "KAMK")]
    [InlineData(null, "DK20214414", "DK-OES")]
    public void ForInvoice_AnUnknownEndpoint_FallsBackToTheLegalOrVatId(string? legal, string? vat, string expected) =>
        Assert.Equal(expected, ArrivalRegistration.ForInvoice(Buyer("0007", "5560360793", legal, vat), null, Centre).OrganisationId);

    [Fact]
    public void ForInvoice_SvefakturasPartyIdentification_IsAnAddressToo() =>
        Assert.Equal("SHM", ArrivalRegistration.ForInvoice(Buyer(ids: new SchemedId("7350000000012", "GLN")), null, Centre).OrganisationId);

    [Theory]
    [InlineData("UF100", "STHLM-UF")]
    [InlineData("UF-SKOLA", "STHLM-UF")]
    [InlineData(" SF200 ", "STHLM-SF")]
    public void ForInvoice_ASharedOrgNumber_IsToldApartByTheBuyerReference(string reference, string expected) =>
        Assert.Equal(expected, ArrivalRegistration.ForInvoice(Buyer(legal: "2120000142"), reference, Centre).OrganisationId);

    [Theory]
    [InlineData(null, "no buyer reference")]
    [InlineData("XX9", "'XX9' names none")]
    public void ForInvoice_ASharedOrgNumberWithoutAKnownReference_IsUnknown(string? reference, string reason)
    {
        var r = ArrivalRegistration.ForInvoice(Buyer(vat: "SE212000014201"), reference, Centre);
        Assert.False(r.IsKnown);
        Assert.Contains("STHLM-SF, STHLM-UF", r.Explanation, StringComparison.Ordinal);
        Assert.Contains(reason, r.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ForInvoice_NoOrganisationNamed_IsUnknown_WithWhatTheBuyerSaid()
    {
        var r = ArrivalRegistration.ForInvoice(Buyer("0007", "5560360793", vat: "SE556036079301"), null, Centre);
        Assert.Null(r.Organisation);
        Assert.Contains("0007:5560360793", r.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ForInvoice_AnInactiveOrganisation_ReceivesNothing()
    {
        var r = ArrivalRegistration.ForInvoice(Buyer("9957", "FR12345678901"), null, Centre);
        Assert.False(r.IsKnown);
        Assert.Contains("inactive", r.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ForInvoice_AnInstallationOfOneOrganisation_ReceivesEverything()
    {
        var single = OrganisationDirectory.Single(new Organisation());
        Assert.Equal(Organisation.DefaultId, ArrivalRegistration.ForInvoice(Buyer("0007", "5560360793"), null, single).OrganisationId);
        Assert.Equal(Organisation.DefaultId, ArrivalRegistration.ForScan(null, null, null, single).OrganisationId);
        Assert.Equal(Organisation.DefaultId, ArrivalRegistration.ForPayroll(null, null, single).OrganisationId);
    }

    [Theory]
    [InlineData("KAMK", null, "KAMK")]
    [InlineData("kamk", "2021004888", "KAMK")] // the folder wins over the printed number
    [InlineData(null, "202100-4888", "SHM")]
    [InlineData("NOPE", null, null)]
    [InlineData(null, null, null)]
    [InlineData(null, "556036-0793", null)]
    public void ForScan_TheFolderThenThePrintedBuyerNumber(string? folder, string? printed, string? expected) =>
        Assert.Equal(expected, ArrivalRegistration.ForScan(folder, printed, null, Centre).OrganisationId);

    [Theory]
    [InlineData("SHM", null, "SHM")]
    [InlineData(null, "DK-OES", "DK-OES")]
    [InlineData("SHM", "shm", "SHM")]
    [InlineData("SHM", "KAMK", null)]
    [InlineData(null, null, null)]
    [InlineData(null, "NOPE", null)]
    public void ForPayroll_TheFolderOrTheColumn_MustAgree(string? folder, string? column, string? expected) =>
        Assert.Equal(expected, ArrivalRegistration.ForPayroll(folder, column, Centre).OrganisationId);

    [Fact]
    public void ByAssignment_NamesAnActiveOrganisationOfTheCentre()
    {
        Assert.Equal("SHM", ArrivalRegistration.ByAssignment("SHM", Centre).OrganisationId);
        Assert.False(ArrivalRegistration.ByAssignment("OLD", Centre).IsKnown);
        Assert.False(ArrivalRegistration.ByAssignment("NOPE", Centre).IsKnown);
    }
}
