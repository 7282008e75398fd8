using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using InvoicePipeline.Invoices;

namespace InvoicePipeline.Tests.Architecture;

/// <summary>The rules of docs/architecture.md that a compiler does not check.</summary>
public sealed partial class ArchitectureFacts
{
    /// <summary>Namespaces the pure domain never touches: files and streams, networks, databases, the host's frameworks.</summary>
    private static readonly string[] Forbidden =
        ["System.IO", "System.Net", "System.Data", "System.Diagnostics.Process", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions", "Hangfire", "Npgsql", "Polly", "Serilog"];

    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InvoicePipeline.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("InvoicePipeline.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Core_HasNoPackageOrProjectReferences()
    {
        var project = XDocument.Load(Path.Combine(Repository(), "src", "InvoicePipeline.Core", "InvoicePipeline.Core.csproj"));
        var references = project.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference" or "FrameworkReference")
            .Select(e => $"{e.Name.LocalName} {e.Attribute("Include")?.Value}").ToList();
        Assert.Empty(references);
    }

    [Fact]
    public void Core_UsesNoIoDatabaseOrHostTypes()
    {
        using var pe = new PEReader(File.OpenRead(typeof(Invoice).Assembly.Location));
        var md = pe.GetMetadataReader();
        var assemblies = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name))
            .Where(n => !(n.StartsWith("System", StringComparison.Ordinal) || n is "netstandard" or "mscorlib")).ToList();
        Assert.Empty(assemblies);
        var used = md.TypeReferences.Select(h => md.GetTypeReference(h)).Select(t => $"{md.GetString(t.Namespace)}.{md.GetString(t.Name)}")
            .Where(name => Forbidden.Any(f => name.StartsWith(f + ".", StringComparison.Ordinal))).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Empty(used);
    }

    [Fact]
    public void EInvoiceFormats_DoNotUseTheHostsNamespaces()
    {
        var folder = Path.Combine(Repository(), "src", "InvoicePipeline.Worker", "Ingestion", "EInvoices");
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var offending = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                foreach (Match m in HostNamespace().Matches(lines[i]))
                    offending.Add($"{Path.GetFileName(file)}:{i + 1}: {m.Value}");
        }
        Assert.Empty(offending);
    }

    /// <summary>Any other folder of the worker, or the frameworks the host runs on.</summary>
    [GeneratedRegex(@"\b(InvoicePipeline\.Worker\.(?!Ingestion\.EInvoices\b)\w+|Microsoft\.EntityFrameworkCore|Microsoft\.Extensions\.\w+|Hangfire|Npgsql)\b")]
    private static partial Regex HostNamespace();
}
