using BenchmarkDotNet.Running;

namespace InvoicePipeline.Benchmarks;

public static class Program
{
    /// <summary>dotnet run -c Release --project tests/InvoicePipeline.Benchmarks -- --filter '*Ubl*'</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
