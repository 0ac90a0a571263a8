using System.Collections.Generic;
using System.Linq;

namespace KeepAliveAnalyzers.Benchmarks.Generation;

/// <summary>One generated source file and the KA diagnostics it must produce (rule id → count).</summary>
public sealed record GeneratedFile(string Path, string Text, IReadOnlyDictionary<string, int> Expected)
{
    public int Lines => Text.Count(c => c == '\n');
}

/// <summary>A generated code base: its files and the diagnostic counts the KA analyzers must report on it.</summary>
public sealed class GeneratedCodeBase
{
    public GeneratedCodeBase(string name, IReadOnlyList<GeneratedFile> files)
    {
        Name = name;
        Files = files;
        Expected = files.SelectMany(f => f.Expected)
            .GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
    }

    public string Name { get; }
    public IReadOnlyList<GeneratedFile> Files { get; }

    /// <summary>Rule id → number of diagnostics over the whole code base; ids with none are absent.</summary>
    public IReadOnlyDictionary<string, int> Expected { get; }

    public int Lines => Files.Sum(f => f.Lines);

    public int SocketFiles => Files.Count(f => f.Text.Contains("System.Net.Sockets"));
}
