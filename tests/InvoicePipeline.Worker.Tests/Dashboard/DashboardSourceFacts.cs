using System.Text.RegularExpressions;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.Dashboard;

/// <summary>The dashboard's source keeps the repository's rules: the line limit of .editorconfig, no blocking on async calls.</summary>
public sealed partial class DashboardSourceFacts
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Find(), "src", "InvoicePipeline.Worker", "Dashboard");

    private static IEnumerable<(string File, int Line, string Text)> Lines() =>
        Directory.EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllLines(f).Select((text, i) => (Path.GetFileName(f), i + 1, text)));

    [GeneratedRegex(@"^\[\*\.cs\][^\[]*?^max_line_length\s*=\s*(\d+)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CsLimit();

    [Fact]
    public void EveryLine_KeepsTheLimitOfTheEditorConfig()
    {
        var config = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), ".editorconfig"));
        var match = CsLimit().Match(config);
        Assert.True(match.Success, ".editorconfig sets max_line_length for [*.cs]");
        var limit = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var tooLong = Lines().Where(l => l.Text.Length > limit).Select(l => $"{l.File}:{l.Line} ({l.Text.Length})").ToList();
        Assert.True(tooLong.Count == 0, $"longer than {limit}: {string.Join(", ", tooLong)}");
        Assert.NotEmpty(Lines());
    }

    [Fact]
    public void NoPage_BlocksOnAnAsyncCall()
    {
        var blocking = Lines().Where(l => l.Text.Contains("GetAwaiter().GetResult()", StringComparison.Ordinal)
                || l.Text.Contains(".Result;", StringComparison.Ordinal) || l.Text.Contains(".Wait()", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(blocking.Count == 0, $"blocking on async: {string.Join(", ", blocking)}");
    }
}
