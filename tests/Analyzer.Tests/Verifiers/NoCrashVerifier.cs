using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeepAliveAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs analyzers, and the code fixes for what they report, on an empty file and on broken variants of the given
/// sources (cut short at token boundaries, single tokens deleted). Compiler errors are expected there; any
/// exception from an analyzer or a fix fails.
/// </summary>
public static class NoCrashVerifier
{
    /// <summary>Variants per kind (cuts, deletions) per source; small files get every token boundary.</summary>
    public const int MaxVariantsPerKind = 40;

    /// <summary>Every analyzer of the shipped KeepAliveAnalyzers assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> ProductAnalyzers() => Discover<DiagnosticAnalyzer>(Assembly.Load("KeepAliveAnalyzers"));

    /// <summary>Every code fix of the shipped KeepAliveAnalyzers.CodeFixes assembly.</summary>
    public static ImmutableArray<CodeFixProvider> ProductCodeFixes() => Discover<CodeFixProvider>(Assembly.Load("KeepAliveAnalyzers.CodeFixes"));

    /// <summary>One instance of each concrete <typeparamref name="T"/> in <paramref name="assembly"/> with a parameterless constructor.</summary>
    public static ImmutableArray<T> Discover<T>(Assembly assembly)
        where T : class =>
        assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && !t.ContainsGenericParameters && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>The product analyzers and code fixes on <paramref name="sources"/> (markup is stripped).</summary>
    public static Task VerifyAsync(params string[] sources) => VerifyAsync(ProductAnalyzers(), ProductCodeFixes(), sources);

    public static async Task VerifyAsync(
        ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixes, IReadOnlyList<string> sources, TestOptions? options = null)
    {
        if (analyzers.IsEmpty)
            return;
        options ??= TestOptions.Default;
        var config = TestAnalyzerConfig.Parse(options.EditorConfig);
        var solution = TestSolutionFactory.Create([""], options);
        var documentId = solution.Projects.Single().DocumentIds.Single();
        var failures = new List<string>();

        foreach (var (name, code) in Variants(sources.Select(s => Markup.Parse(s).Code)))
        {
            var variant = solution.WithDocumentText(documentId, SourceText.From(code));
            var result = await AnalyzerRunner.RunAsync(variant.GetProject(documentId.ProjectId)!, analyzers, config);
            failures.AddRange(result.AnalyzerFailures.Select(f => $"{name}: {f}"));
            failures.AddRange(await FixFailuresAsync(variant.GetDocument(documentId)!, result.Diagnostics, fixes, name));
        }

        if (failures.Count > 0)
            throw new VerificationException($"{failures.Count} crashes on broken code; the first ones:\n{string.Join("\n\n", failures.Take(5))}");
    }

    private static async Task<List<string>> FixFailuresAsync(Document document, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<CodeFixProvider> fixes, string variant)
    {
        var failures = new List<string>();
        foreach (var fix in fixes)
        {
            foreach (var diagnostic in diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)))
            {
                try
                {
                    foreach (var action in await CodeFixRunner.RegisteredActionsAsync(fix, document, diagnostic))
                        await CodeFixRunner.ApplyAsync(action, document.Project.Solution);
                }
                catch (VerificationException exception)
                {
                    failures.Add($"{variant}: {exception.Message}");
                }
            }
        }

        return failures;
    }

    /// <summary>The empty file, then per source: itself, cuts at token boundaries and single-token deletions.</summary>
    private static IEnumerable<(string Name, string Code)> Variants(IEnumerable<string> sources)
    {
        yield return ("empty file", "");
        var index = 0;
        foreach (var source in sources)
        {
            var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => !t.Span.IsEmpty).ToList();
            yield return ($"source {index}", source);
            foreach (var token in Sample(tokens))
                yield return ($"source {index} cut at offset {token.Span.End}", source[..token.Span.End]);
            foreach (var token in Sample(tokens))
                yield return ($"source {index} without '{token.Text}' at offset {token.SpanStart}", source.Remove(token.SpanStart, token.Span.Length));
            index++;
        }
    }

    private static IEnumerable<T> Sample<T>(IReadOnlyList<T> items) =>
        items.Count <= MaxVariantsPerKind
            ? items
            : Enumerable.Range(0, MaxVariantsPerKind).Select(i => items[(int)((long)i * items.Count / MaxVariantsPerKind)]);
}
