using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace InvoicePipeline.Worker.Hosting;

/// <summary>
/// Serilog: console for people, a rolling structured (compact JSON) file for machines. Every line of a run's jobs
/// carries RunId. Personal identity numbers and bank accounts are never logged: log ids and counts, not contents.
/// </summary>
public static class Logging
{
    public static Serilog.ILogger Create(LogEventLevel consoleLevel, string folder = "logs") =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Hangfire", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Console(restrictedToMinimumLevel: consoleLevel, standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {RunId} {Message:lj}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(new RenderedCompactJsonFormatter(), Path.Combine(folder, "invoicepipeline-.json"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31, shared: true)
            .CreateLogger();
}
