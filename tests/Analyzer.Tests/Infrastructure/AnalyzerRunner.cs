using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Tests.Infrastructure;

/// <summary>What running analyzers over one project produced.</summary>
/// <param name="Diagnostics">Analyzer diagnostics after severity and pragma filtering, in document then span order (AD0001 excluded).</param>
/// <param name="CompilerErrors">Error-severity compiler diagnostics of the project, when asked for (binding everything twice is slow).</param>
/// <param name="AnalyzerFailures">Exceptions the analyzers threw (callback and AD0001), rendered.</param>
internal sealed record AnalyzerRunResult(
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<Diagnostic> CompilerErrors,
    ImmutableArray<string> AnalyzerFailures);

/// <summary>Runs analyzers through <see cref="CompilationWithAnalyzers"/>, recording every analyzer exception.</summary>
internal static class AnalyzerRunner
{
    public static async Task<AnalyzerRunResult> RunAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers, TestAnalyzerConfig config, bool withCompilerErrors = false)
    {
        var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(config.TreeOptionsProvider));
        var failures = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, config.OptionsProvider),
            onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        if (failures.IsEmpty)
        {
            foreach (var crash in diagnostics.Where(d => d.Id == "AD0001"))
                failures.Enqueue(crash.ToString());
        }

        return new AnalyzerRunResult(
            Sort(diagnostics.Where(d => d.Id != "AD0001")),
            withCompilerErrors ? Sort(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)) : [],
            failures.Distinct().ToImmutableArray());
    }

    private static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.End)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
}
