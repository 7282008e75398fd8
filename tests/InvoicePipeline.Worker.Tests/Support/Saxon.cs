using System.Diagnostics;

namespace InvoicePipeline.Worker.Tests.Support;

/// <summary>
/// Runs an official validation artefact (compiled XSLT, read in place from ../shared) with Saxon HE over every file of
/// a folder in one Java process; the reports land in the output folder under the input files' names. Skips (fails on
/// CI) without Java or the jar: tests/run-all.sh installs libsaxonhe-java; SAXON_JAR overrides the jar's place.
/// </summary>
internal static class Saxon
{
    private const string DefaultJar = "/usr/share/java/Saxon-HE.jar";

    public static void TransformFolder(string inputFolder, string xslt, string outputFolder)
    {
        var jar = Environment.GetEnvironmentVariable("SAXON_JAR") is { Length: > 0 } j ? j : DefaultJar;
        if (!File.Exists(jar)) Ci.SkipOrFail($"Saxon HE is not at {jar}: `apt-get install -y libsaxonhe-java` (tests/run-all.sh does), or set SAXON_JAR");
        Directory.CreateDirectory(outputFolder);
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        // A quick JIT and no optimisation of the (megabyte) stylesheets: a folder of documents takes seconds.
        foreach (var a in (string[])["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", jar, "net.sf.saxon.Transform", "-opt:0", $"-s:{inputFolder}", $"-o:{outputFolder}", $"-xsl:{xslt}"])
            start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Ci.SkipOrFail($"java is not installed ({e.Message}): `apt-get install -y libsaxonhe-java` brings it");
            throw;
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"Saxon failed on {inputFolder} ({process.ExitCode}): {stderr.Result}");
        }
    }
}
