using BenchmarkDotNet.Running;

namespace InvoicePipeline.Benchmarks;

public static class Program
{
    /// <summary>
    /// BenchmarkDotNet: dotnet run -c Release --project tests/InvoicePipeline.Benchmarks -- --filter '*Ubl*'
    /// End to end:     dotnet run -c Release --project tests/InvoicePipeline.Benchmarks -- e2e --invoices 100000
    /// Posting:        dotnet run -c Release --project tests/InvoicePipeline.Benchmarks -- post --invoices 1000000
    /// Payroll import: dotnet run -c Release --project tests/InvoicePipeline.Benchmarks -- payroll --rows 1000000
    /// Travel import:  dotnet run -c Release --project tests/InvoicePipeline.Benchmarks -- travel --claims 100000
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is ["e2e", ..]) return await EndToEndHarness.RunAsync(args);
        if (args is ["generate-only", _, _]) return EndToEndHarness.Generate(args);
        if (args is ["match", ..]) return MatchingHarness.Run(args);
        if (args is ["post", ..]) return await PostingHarness.RunAsync(args);
        if (args is ["payroll", ..]) return await PayrollHarness.RunAsync(args);
        if (args is ["travel", ..]) return await TravelHarness.RunAsync(args);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
