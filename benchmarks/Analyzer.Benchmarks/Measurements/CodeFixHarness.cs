using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using KeepAliveAnalyzers.Benchmarks.Generation;
using KeepAliveAnalyzers.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Benchmarks.Measurements;

/// <summary>
/// The code-fix figures: one KA0001 fix in a 2,000-line file (offered and computed, as a light bulb does) and
/// Fix All over 1,000 KA0001 diagnostics in one project. Each run uses a fresh workspace whose compilation is
/// built and analysed first (untimed), as in an IDE that already shows the diagnostics.
/// </summary>
internal static class CodeFixHarness
{
    private const string Id = "KA0001";
    private const double SingleFixTargetMs = 50, FixAllTargetMs = 5000;

    public static void Run(int runs, Report report)
    {
        var analyzers = KaAssemblies.CreateAnalyzers();
        var provider = CodeFixRunner.ProviderFor(Id);
        report.Line($"machine: {Report.Machine()}");
        report.Line($"date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; code fix: {provider.GetType().Name}; runs: {runs} (median)");

        var large = CodeBaseGenerator.LargeFileWithOneDiagnostic(2000);
        var singleFixFiles = CodeBaseGenerator.Generate(100).Files.Append(large).ToList();
        SingleFix(singleFixFiles, large, 1, analyzers, provider, report: null); // warm-up: jit the fix and the workspace
        SingleFix(singleFixFiles, large, runs, analyzers, provider, report);

        var fixAllCodeBase = CodeBaseGenerator.Generate(1001, CodeBaseShape.AllFixable);
        FixAll(fixAllCodeBase, Math.Max(1, Math.Min(runs, 3)), analyzers, provider, report);
    }

    private static void SingleFix(IReadOnlyList<GeneratedFile> files, GeneratedFile large, int runs,
        ImmutableArray<DiagnosticAnalyzer> analyzers, CodeFixProvider provider, Report? report)
    {
        var first = new List<TimeSpan>();
        var again = new List<TimeSpan>();
        for (var run = 0; run < runs; run++)
        {
            var project = Workspaces.CreateProject(files);
            var diagnostic = Diagnostics(project, analyzers).Single(d => d.Location.SourceTree!.FilePath == large.Path);
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            Stats.Collect();

            var stopwatch = Stopwatch.StartNew();
            var changed = FixOne(provider, document, diagnostic);
            first.Add(stopwatch.Elapsed);

            stopwatch.Restart();
            FixOne(provider, document, diagnostic);
            again.Add(stopwatch.Elapsed);

            if (run == 0)
            {
                CheckFixed(project.Solution, changed, analyzers, expectedRemaining: files.Count(f => f.Expected.ContainsKey(Id)) - 1, what: "single fix");
            }
        }

        var median = Stats.Median(first);
        report?.Line($"one {Id} fix in a {large.Lines}-line file ({files.Count} files in the project): first {Stats.Ms(median)} ms, " +
                     $"again on the same document {Stats.Ms(Stats.Median(again))} ms; target ≤ {SingleFixTargetMs} ms: {(median.TotalMilliseconds <= SingleFixTargetMs ? "MET" : "MISSED")}");
    }

    private static Solution FixOne(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = CodeFixRunner.ActionsAsync(provider, document, diagnostic).GetAwaiter().GetResult();
        if (actions.IsEmpty)
        {
            throw new InvalidOperationException($"no fix offered for {diagnostic}");
        }

        return CodeFixRunner.ApplyAsync(actions[0], document.Project.Solution).GetAwaiter().GetResult();
    }

    private static void FixAll(GeneratedCodeBase codeBase, int runs, ImmutableArray<DiagnosticAnalyzer> analyzers, CodeFixProvider provider, Report report)
    {
        var times = new List<TimeSpan>();
        var fixAllProvider = provider.GetFixAllProvider() ?? throw new InvalidOperationException($"{provider.GetType().Name} has no FixAllProvider");
        var count = 0;
        for (var run = 0; run < runs; run++)
        {
            var project = Workspaces.CreateProject(codeBase.Files);
            var diagnostics = Diagnostics(project, analyzers).Where(d => d.Id == Id).ToImmutableArray();
            count = diagnostics.Length;
            if (count != codeBase.Expected[Id])
            {
                throw new InvalidOperationException($"{codeBase.Name}: expected {codeBase.Expected[Id]} × {Id}, got {count}");
            }

            var firstDocument = project.GetDocument(diagnostics[0].Location.SourceTree)!;
            var equivalenceKey = CodeFixRunner.ActionsAsync(provider, firstDocument, diagnostics[0]).GetAwaiter().GetResult()[0].EquivalenceKey;
            Stats.Collect();

            var stopwatch = Stopwatch.StartNew();
            var context = new FixAllContext(project, provider, FixAllScope.Project, equivalenceKey, new[] { Id }, new KnownDiagnostics(diagnostics), default);
            var action = fixAllProvider.GetFixAsync(context).GetAwaiter().GetResult() ?? throw new InvalidOperationException("Fix All offered no action");
            var changed = CodeFixRunner.ApplyAsync(action, project.Solution).GetAwaiter().GetResult();
            times.Add(stopwatch.Elapsed);

            if (run == 0)
            {
                CheckFixed(project.Solution, changed, analyzers, expectedRemaining: 0, what: "Fix All");
            }
        }

        var median = Stats.Median(times);
        report.Line($"Fix All (project scope) over {count} {Id} diagnostics in {codeBase.Files.Count} files ({codeBase.Lines} lines): {Stats.Ms(median)} ms; " +
                    $"target ≤ {FixAllTargetMs} ms: {(median.TotalMilliseconds <= FixAllTargetMs ? "MET" : "MISSED")}");
    }

    private static ImmutableArray<Diagnostic> Diagnostics(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = project.GetCompilationAsync().GetAwaiter().GetResult()!;
        ExpectedCounts.CheckNoErrors("code to fix", compilation.GetDiagnostics());
        var run = AnalyzerRun.Execute(compilation, analyzers);
        if (run.Exceptions.Count > 0)
        {
            throw new InvalidOperationException($"analyzer exception: {run.Exceptions[0]}");
        }

        return run.Diagnostics;
    }

    /// <summary>The correctness half: the fixed code compiles without errors and only the expected diagnostics remain.</summary>
    private static void CheckFixed(Solution original, Solution changed, ImmutableArray<DiagnosticAnalyzer> analyzers, int expectedRemaining, string what)
    {
        var changedDocuments = CodeFixRunner.ChangedDocuments(changed, original).ToList();
        if (changedDocuments.Count == 0)
        {
            throw new InvalidOperationException($"{what}: nothing changed");
        }

        var compilation = changed.Projects.Single().GetCompilationAsync().GetAwaiter().GetResult()!;
        ExpectedCounts.CheckNoErrors($"{what}: fixed code", compilation.GetDiagnostics());
        var remaining = AnalyzerRun.Execute(compilation, analyzers).Diagnostics.Count(d => d.Id == Id);
        if (remaining != expectedRemaining)
        {
            throw new InvalidOperationException($"{what}: expected {expectedRemaining} × {Id} after the fix, got {remaining}");
        }
    }
}
