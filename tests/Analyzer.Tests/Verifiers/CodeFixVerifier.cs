using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Tests.Verifiers;

/// <summary>
/// Verifies <typeparamref name="TCodeFix"/> on the diagnostics of <typeparamref name="TAnalyzer"/>: one fix at a
/// time until none is offered, then Fix All at Document, Project and Solution scope, all giving the same text.
/// </summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : class, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, TestOptions? options = null) =>
        AnalyzerVerifier<TAnalyzer>.VerifyAsync(source, options);

    /// <param name="source">Markup of the diagnostics the analyzer must report.</param>
    /// <param name="fixedSource">The exact text after fixing, with markup for any diagnostics that must remain (usually none).</param>
    /// <param name="options">Knobs; <see cref="TestOptions.EquivalenceKey"/> picks the code action.</param>
    public static Task VerifyFixAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource, TestOptions? options = null) =>
        VerifyFixAsync([source], [fixedSource], options);

    public static async Task VerifyFixAsync(IReadOnlyList<string> sources, IReadOnlyList<string> fixedSources, TestOptions? options = null)
    {
        if (sources.Count != fixedSources.Count)
            throw new ArgumentException($"{sources.Count} sources but {fixedSources.Count} fixed sources.", nameof(fixedSources));
        options ??= TestOptions.Default;
        var analyzer = AnalyzerUnderTest.Create<TAnalyzer>();
        var fix = new TCodeFix();
        var runner = new CodeFixRunner(analyzer, fix, TestAnalyzerConfig.Parse(options.EditorConfig), options.EquivalenceKey);

        var codes = await AnalyzerVerification.VerifyAsync(analyzer, sources, options, "Source");
        var expected = fixedSources.Select(s => Markup.Parse(s).Code).ToList();
        var diagnosticCount = sources.Sum(s => Markup.Parse(s).Spans.Length);

        var (fixedSolution, applied, firstKey) = await runner.FixOneByOneAsync(TestSolutionFactory.Create(codes, options), options.MaxFixIterations ?? diagnosticCount + 2);
        if (applied == 0)
            throw new VerificationException($"{typeof(TCodeFix).Name} offered no fix{KeyNote(options)}; use VerifyNoFixOfferedAsync if that is intended.");
        await TextComparison.AssertDocumentsAsync("Fixes applied one at a time", fixedSolution, expected);
        await TextComparison.AssertRoundTripsAsync("Fixes applied one at a time", fixedSolution);
        var fixedOptions = options with { AllowCompilerErrors = options.AllowCompilerErrorsAfterFix, ExpectedMessages = null };
        await AnalyzerVerification.VerifyAsync(analyzer, fixedSources, fixedOptions, "Fixed source");

        if (await runner.FirstOfferedActionAsync(TestSolutionFactory.Create(expected, options)) is { } again)
            throw new VerificationException($"The fix is not idempotent: '{again.Title}' is still offered on the fixed source.");

        if (!options.SkipFixAllCheck && fix.GetFixAllProvider() is { } fixAll)
        {
            var key = options.EquivalenceKey ?? firstKey;
            var scopes = fixAll.GetSupportedFixAllScopes();
            foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution }.Where(scopes.Contains))
            {
                var result = await runner.FixAllAsync(TestSolutionFactory.Create(codes, options), fixAll, scope, key, options.FixAllIterations);
                await TextComparison.AssertDocumentsAsync($"Fix All ({scope}) compared with fixes one at a time", result, expected);
            }

            if (scopes.Contains(FixAllScope.Solution))
            {
                var twoProjects = TestSolutionFactory.Create(codes, options, projectCount: 2);
                var result = await runner.FixAllAsync(twoProjects, fixAll, FixAllScope.Solution, key, options.FixAllIterations);
                await TextComparison.AssertDocumentsAsync("Fix All (Solution, two projects) compared with fixes one at a time", result, expected);
            }
        }
    }

    /// <summary>The analyzer reports the marked diagnostics, and <typeparamref name="TCodeFix"/> offers no action for any of them.</summary>
    public static Task VerifyNoFixOfferedAsync([StringSyntax("C#-test")] string source, TestOptions? options = null) =>
        VerifyNoFixOfferedAsync([source], options);

    public static async Task VerifyNoFixOfferedAsync(IReadOnlyList<string> sources, TestOptions? options = null)
    {
        options ??= TestOptions.Default;
        var analyzer = AnalyzerUnderTest.Create<TAnalyzer>();
        var fix = new TCodeFix();
        var runner = new CodeFixRunner(analyzer, fix, TestAnalyzerConfig.Parse(options.EditorConfig), options.EquivalenceKey);
        var codes = await AnalyzerVerification.VerifyAsync(analyzer, sources, options, "Source");
        var solution = TestSolutionFactory.Create(codes, options);
        var diagnostics = await runner.FixableDiagnosticsAsync(solution);
        if (diagnostics.IsEmpty)
            throw new VerificationException($"No diagnostic that {typeof(TCodeFix).Name} can fix is reported, so this test checks nothing.");
        foreach (var diagnostic in diagnostics)
        {
            var actions = await runner.ActionsAsync(solution.GetDocument(diagnostic.Location.SourceTree)!, diagnostic);
            if (!actions.IsEmpty)
                throw new VerificationException($"{typeof(TCodeFix).Name} offered '{actions[0].Title}'{KeyNote(options)} for {DiagnosticComparison.Describe(DiagnosticComparison.Key(diagnostic), codes)}.");
        }
    }

    private static string KeyNote(TestOptions options) => options.EquivalenceKey is null ? "" : $" with equivalence key '{options.EquivalenceKey}'";
}
