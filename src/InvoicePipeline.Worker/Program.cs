namespace InvoicePipeline.Worker;

public static class Program
{
    public static Task<int> Main(string[] args) => Cli.Cli.RunAsync(args);
}
