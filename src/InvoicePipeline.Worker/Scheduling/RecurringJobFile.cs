using System.Text.Json;
using System.Text.Json.Serialization;

namespace InvoicePipeline.Worker.Scheduling;

/// <summary>One file of jobs/: a recurring job operators edit (id, job, cron, time zone, queue, enabled, and the job's own settings).</summary>
public sealed class RecurringJobFile
{
    public string Id { get; set; } = "";
    /// <summary>nightly-invoices, kpi or responses (the supplier responses of the decisions made since the last run).</summary>
    public string Job { get; set; } = "";
    public string Cron { get; set; } = "";
    public string TimeZone { get; set; } = "Europe/Stockholm";
    public string Queue { get; set; } = "default";
    public bool Enabled { get; set; } = true;
    public string? Inbox { get; set; }
    public string? Out { get; set; }
    public string? Description { get; set; }

    public static readonly IReadOnlySet<string> Jobs = new HashSet<string>(StringComparer.Ordinal) { "nightly-invoices", "kpi", "responses" };

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and checks every jobs/*.json; all problems are returned, each naming its file.</summary>
    public static (List<(string Path, RecurringJobFile Job)> Jobs, List<string> Errors) Load(string folder, Func<string, string?> validateCron)
    {
        var jobs = new List<(string, RecurringJobFile)>();
        var errors = new List<string>();
        if (!Directory.Exists(folder)) return (jobs, [$"{folder}: jobs folder not found"]);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            RecurringJobFile? job;
            try
            {
                job = JsonSerializer.Deserialize<RecurringJobFile>(File.ReadAllText(path), Options);
            }
            catch (JsonException ex)
            {
                errors.Add($"{name}: line {ex.LineNumber + 1}: {ex.Message}");
                continue;
            }
            if (job is null) { errors.Add($"{name}: empty"); continue; }
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(job.Id)) problems.Add("'id' is required");
            else if (!ids.Add(job.Id)) problems.Add($"id '{job.Id}' is used by another file");
            if (!Jobs.Contains(job.Job)) problems.Add($"'job' must be one of {string.Join(", ", Jobs)}, not '{job.Job}'");
            if (validateCron(job.Cron) is { } cronError) problems.Add($"'cron' '{job.Cron}' is invalid: {cronError}");
            try { TimeZoneInfo.FindSystemTimeZoneById(job.TimeZone); }
            catch (TimeZoneNotFoundException) { problems.Add($"'timeZone' '{job.TimeZone}' is unknown"); }
            if (job.Job == "nightly-invoices" && (string.IsNullOrWhiteSpace(job.Inbox) || !Directory.Exists(job.Inbox)))
                problems.Add($"'inbox' '{job.Inbox}' does not exist");
            if (job.Queue.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
                problems.Add($"'queue' '{job.Queue}' may hold only lower-case letters, digits and _");
            if (problems.Count > 0) errors.AddRange(problems.Select(p => $"{name}: {p}"));
            else jobs.Add((path, job));
        }
        return (jobs, errors);
    }
}
