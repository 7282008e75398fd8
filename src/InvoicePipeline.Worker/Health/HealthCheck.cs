using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Health;

/// <summary>What <c>/health</c> answers: healthy with no open alert; otherwise 503 with each open alert on a line.</summary>
public static class HealthCheck
{
    public sealed record Answer(bool Healthy, string Text)
    {
        public int StatusCode => Healthy ? 200 : 503;
    }

    public static async Task<Answer> CheckAsync(PipelineDbContext db, CancellationToken ct)
    {
        var open = await Alerts.OpenAsync(db, ct);
        if (open.Count == 0) return new Answer(true, "ok");
        var lines = open.Select(a => $"alert {a.Id} {a.Kind} {a.Subject} (raised {a.RaisedAt:u}): {a.Message}");
        return new Answer(false, $"unhealthy: {open.Count} open alert(s); acknowledge with 'invoicepipeline alerts ack --id N --reason TEXT'\n{string.Join('\n', lines)}\n");
    }
}
