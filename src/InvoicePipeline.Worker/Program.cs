namespace InvoicePipeline.Worker;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine("invoicepipeline: foundation in progress");
        return args.Length;
    }
}
