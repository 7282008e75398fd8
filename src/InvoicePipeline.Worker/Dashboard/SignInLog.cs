using Microsoft.Extensions.Logging;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>What an operator watches of sign-in: who, from where, how, and every refusal.</summary>
internal static partial class SignInLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Signed in {UserId} ({Method}) from {Address}")]
    public static partial void SignedIn(ILogger logger, string userId, string method, string address);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Sign-in failed for {UserId} from {Address}: {Reason}")]
    public static partial void Failed(ILogger logger, string userId, string address, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Sign-in refused for {UserId} from {Address}: too many failed attempts")]
    public static partial void Throttled(ILogger logger, string userId, string address);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Session of {UserId} ended: {Reason}")]
    public static partial void SessionEnded(ILogger logger, string userId, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Refused {UserId} at {Path}: no role in the desk")]
    public static partial void NoRole(ILogger logger, string userId, string path);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Signed out {UserId}")]
    public static partial void SignedOut(ILogger logger, string userId);
}
