namespace InvoicePipeline.Worker.Persistence;

public enum RunState
{
    Started,
    Intake,
    Processing,
    Posting,
    Reporting,
    Completed,
    Failed,
}

/// <summary>
/// A nightly run: our own record, not Hangfire's. Its key (kind, posting date, input hash) keeps a completed
/// run from being started again by accident; its manifest explains the night afterwards.
/// </summary>
public sealed class PipelineRun
{
    public string Id { get; set; } = "";
    public string Key { get; set; } = "";
    public string Kind { get; set; } = "nightly";
    public DateOnly PostingDate { get; set; }
    public RunState State { get; set; }
    public string Inbox { get; set; } = "";
    public string OutDir { get; set; } = "";
    public string InputHash { get; set; } = "";
    public string ManifestJson { get; set; } = "{}";
    public int ChunkCount { get; set; }
    public int AlreadySeen { get; set; }
    /// <summary>Unprocessed documents of earlier runs that did not complete, taken over by this run (<see cref="Runs.StrandedDocuments"/>).</summary>
    public int Adopted { get; set; }
    /// <summary>Inbox files left where they are: symbolic links, files still arriving (named in the log).</summary>
    public int NotTaken { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? ReportPath { get; set; }
    public string? Error { get; set; }
}

public sealed class RunChunk
{
    public string RunId { get; set; } = "";
    public int ChunkNo { get; set; }
    /// <summary>The organisation the chunk's documents arrived for (a chunk belongs to one organisation); null = not yet registered.</summary>
    public string? OrganisationId { get; set; }
    public bool Done { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>A master-data file applied by an import: the master-data version of a run is the latest of these.</summary>
public sealed class MasterDataImport
{
    public long Id { get; set; }
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public int Rows { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    /// <summary>Who imported it: the person on the command line, or "system" for the nightly run's own import.</summary>
    public string ImportedBy { get; set; } = "system";
}

/// <summary>A new or changed payee account seen at import: payments to it wait for a finance user's verification of this number (quarantine).</summary>
public sealed class SupplierAccountChange
{
    public long Id { get; set; }
    /// <summary>The customer organisation whose supplier changed (organisations.md).</summary>
    public string OrganisationId { get; set; } = InvoicePipeline.MasterData.Organisation.DefaultId;
    public string SupplierId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? OldNumber { get; set; }
    public string NewNumber { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    /// <summary>Who ran the import that brought this account (the verifier must be someone else).</summary>
    public string? ImportedBy { get; set; }
}
