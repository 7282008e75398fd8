namespace InvoicePipeline.Worker.Persistence;

/// <summary>
/// Something an operator must look at (a run that did not complete; later, a delivery that did not come). It stays
/// open, and <c>/health</c> answers unhealthy, until a person acknowledges it with a reason. One alert per kind and
/// subject: raising it again changes nothing.
/// </summary>
public sealed class Alert
{
    public long Id { get; set; }
    /// <summary>What happened, e.g. <c>run-incomplete</c> (see <see cref="Health.Alerts"/>).</summary>
    public string Kind { get; set; } = "";
    /// <summary>What it is about, e.g. the run id.</summary>
    public string Subject { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedReason { get; set; }
}
