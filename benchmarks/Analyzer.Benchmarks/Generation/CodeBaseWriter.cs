using System.IO;

namespace KeepAliveAnalyzers.Benchmarks.Generation;

/// <summary>Writes a generated code base to disk, for builds measured with -p:ReportAnalyzer=true.</summary>
public static class CodeBaseWriter
{
    public static void Write(GeneratedCodeBase codeBase, string folder)
    {
        foreach (var file in codeBase.Files)
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
    }
}
