using Microsoft.Extensions.Logging;

namespace InvoicePipeline.Worker.Hosting;

/// <summary>What an operator watches on a bad night (README, operations): documents adopted, files not taken, alerts.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(1101, LogLevel.Warning, "Run {RunId} adopted {Documents} unprocessed document(s) of run {EarlierRunId}, which did not complete")]
    public static partial void RunAdopted(this ILogger log, string runId, string earlierRunId, int documents);

    [LoggerMessage(1102, LogLevel.Error, "Alert {Kind} raised for {Subject}: {Message}")]
    public static partial void AlertRaised(this ILogger log, string kind, string subject, string message);

    [LoggerMessage(1103, LogLevel.Information, "Alert {AlertId} acknowledged by {User}: {Reason}")]
    public static partial void AlertAcknowledged(this ILogger log, long alertId, string user, string reason);

    [LoggerMessage(2101, LogLevel.Warning, "File {File} not taken: {Reason}")]
    public static partial void FileNotTaken(this ILogger log, string file, string reason);
}
