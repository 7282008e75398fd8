using System.Diagnostics;
using System.Globalization;
using InvoicePipeline.Scanning;
using InvoicePipeline.Worker.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace InvoicePipeline.Worker.Ingestion.Scanned;

/// <summary>
/// Runs the tesseract command line as a separate process ("tesseract in stdout -l swe+dan+eng tsv"): a crash or
/// hang of the engine cannot take the worker down. Each attempt has a time limit and is killed past it, and runs with
/// a memory limit (<see cref="TesseractOptions.MemoryLimitBytes"/>); timeouts and crashes are retried, an unreadable image is not.
/// </summary>
public sealed class TesseractOcrEngine : IOcrEngine
{
    private static readonly ResiliencePropertyKey<string> Image = new("image");
    private readonly TesseractOptions _options;
    private readonly ResiliencePipeline _pipeline;

    public TesseractOcrEngine(TesseractOptions? options = null, TimeProvider? timeProvider = null, ILogger? log = null)
    {
        _options = OptionsValidation.Checked(options ?? new TesseractOptions(), "Tesseract");
        log ??= NullLogger.Instance;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System };
        if (_options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.Retries,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = new PredicateBuilder().Handle<TimeoutRejectedException>().Handle<OcrEngineFailedException>(),
            });
        }
        _pipeline = builder.AddTimeout(new TimeoutStrategyOptions
        {
            Timeout = _options.Timeout,
            OnTimeout = args =>
            {
                log.ScanTimedOut(Path.GetFileName(args.Context.Properties.GetValue(Image, "")), args.Timeout);
                return default;
            },
        }).Build();
    }

    public async Task<IReadOnlyList<OcrWord>> RecognizeAsync(string imagePath, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Image, imagePath);
        try
        {
            return await _pipeline.ExecuteAsync(async c => TesseractTsv.Parse(await RunOnceAsync(imagePath, c.CancellationToken)), context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<string> RunOnceAsync(string imagePath, CancellationToken ct)
    {
        var limited = _options.MemoryLimitBytes > 0 && File.Exists(_options.Prlimit);
        var start = new ProcessStartInfo(limited ? _options.Prlimit : _options.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (limited)
            foreach (var arg in new[] { "--as=" + _options.MemoryLimitBytes.ToString(CultureInfo.InvariantCulture), "--", _options.Executable }) start.ArgumentList.Add(arg);
        foreach (var arg in new[] { imagePath, "stdout", "-l", _options.Languages, "tsv" }) start.ArgumentList.Add(arg);
        start.Environment["OMP_THREAD_LIMIT"] = _options.ThreadLimit.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new OcrEngineFailedException("tesseract did not start");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var output = await stdout;
            var errors = await stderr;
            return process.ExitCode switch
            {
                0 => output,
                1 => throw new UnreadableImageException("tesseract cannot read the image: " + FirstLine(errors)),
                _ => throw new OcrEngineFailedException($"tesseract exited with {process.ExitCode}: {FirstLine(errors)}"),
            };
        }
        catch (OperationCanceledException)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static string FirstLine(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";
}
