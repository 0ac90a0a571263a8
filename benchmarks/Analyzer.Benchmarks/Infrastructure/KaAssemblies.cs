using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using KeepAliveAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Benchmarks.Infrastructure;

/// <summary>
/// Every KA analyzer and code fix, found by reflection the way a host loads a package: rules added by others
/// are measured without touching the benchmarks.
/// </summary>
public static class KaAssemblies
{
    public static Assembly Analyzers => typeof(KeepAliveAnalyzer).Assembly;

    public static Assembly CodeFixes => typeof(KA0001NoDeadPeerDetectionCodeFix).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() => Instances<DiagnosticAnalyzer>(Analyzers, typeof(DiagnosticAnalyzerAttribute));

    public static ImmutableArray<CodeFixProvider> CreateCodeFixes() => Instances<CodeFixProvider>(CodeFixes, typeof(ExportCodeFixProviderAttribute));

    public static string NameOf(DiagnosticAnalyzer analyzer) =>
        $"{analyzer.GetType().Name} [{string.Join(",", analyzer.SupportedDiagnostics.Select(d => d.Id))}]";

    private static ImmutableArray<T> Instances<T>(Assembly assembly, Type marker) =>
        assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && t.IsDefined(marker, inherit: false))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
