using System;
using System.Collections.Generic;
using System.Linq;
using KeepAliveAnalyzers.Benchmarks.Generation;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Benchmarks.Infrastructure;

/// <summary>The correctness half of every benchmark: the exact diagnostics the generated code must produce.</summary>
public static class ExpectedCounts
{
    /// <summary>Throws unless the KA diagnostics match the generator's expectations id by id and file by file.</summary>
    /// <param name="analyzers">The analyzers that ran: expectations for ids none of them reports are left out.</param>
    public static void Check(GeneratedCodeBase codeBase, IEnumerable<Diagnostic> diagnostics, IReadOnlyList<string> exceptions,
        IEnumerable<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>? analyzers = null)
    {
        var ran = analyzers?.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        var problems = new List<string>();
        if (exceptions.Count > 0)
        {
            problems.Add($"{exceptions.Count} analyzer exception(s); first: {exceptions[0]}");
        }

        var byFile = diagnostics.Where(d => d.Id.StartsWith("KA", StringComparison.Ordinal))
            .GroupBy(d => d.Location.SourceTree?.FilePath ?? "")
            .ToDictionary(g => g.Key, g => g.GroupBy(d => d.Id).ToDictionary(i => i.Key, i => i.Count()));
        foreach (var file in codeBase.Files)
        {
            var actual = byFile.TryGetValue(file.Path, out var found) ? found : new Dictionary<string, int>();
            var expected = ran is null ? file.Expected : file.Expected.Where(e => ran.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value);
            if (!SameCounts(expected, actual))
            {
                problems.Add($"{file.Path}: expected {Describe(expected)}, got {Describe(actual)}");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"{codeBase.Name}: {problems.Count} file(s) with unexpected KA diagnostics (expected in all {Describe(codeBase.Expected)}):\n  " +
                string.Join("\n  ", problems.Take(10)));
        }
    }

    /// <summary>Compiler errors in generated code are a generator bug: they would change what the analyzers see.</summary>
    public static void CheckNoErrors(string what, IEnumerable<Diagnostic> compilerDiagnostics)
    {
        var errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{what}: {errors.Count} compiler error(s); first: {string.Join("\n  ", errors.Take(5))}");
        }
    }

    public static string Describe(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} × {c.Key}"));

    private static bool SameCounts(IReadOnlyDictionary<string, int> expected, IReadOnlyDictionary<string, int> actual) =>
        expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out var n) && n == e.Value);
}
