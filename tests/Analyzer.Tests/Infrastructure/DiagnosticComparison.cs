using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeepAliveAnalyzers.Tests.Infrastructure;

/// <summary>A diagnostic a test expects, in the document with index <paramref name="Document"/>.</summary>
internal sealed record ExpectedDiagnostic(int Document, string Id, TextSpan Span);

/// <summary>Turns markup into expected diagnostics and compares them with what analyzers reported.</summary>
internal static class DiagnosticComparison
{
    /// <summary>Resolves <c>[|…|]</c> to the single diagnostic id <paramref name="analyzer"/> supports.</summary>
    public static ImmutableArray<ExpectedDiagnostic> Expected(IReadOnlyList<MarkedCode> documents, DiagnosticAnalyzer analyzer)
    {
        var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().ToList();
        return documents
            .SelectMany((document, index) => document.Spans.Select(span => new ExpectedDiagnostic(index, span.Id ?? SingleId(ids, analyzer), span.Span)))
            .ToImmutableArray();
    }

    /// <summary>Throws a readable diff unless <paramref name="actual"/> is exactly <paramref name="expected"/> (id, span, document).</summary>
    public static void AssertSame(
        string context,
        IReadOnlyList<string> codes,
        ImmutableArray<ExpectedDiagnostic> expected,
        ImmutableArray<Diagnostic> actual,
        IReadOnlyList<string?>? expectedMessages)
    {
        var actualKeys = actual.Select(Key).ToList();
        var missing = Subtract(expected, actualKeys);
        var unexpected = Subtract(actualKeys, expected);
        var problems = new StringBuilder();
        foreach (var diagnostic in missing)
            problems.AppendLine($"  missing:    {Describe(diagnostic, codes)}");
        foreach (var diagnostic in unexpected)
            problems.AppendLine($"  unexpected: {Describe(diagnostic, codes)}: {actual[actualKeys.IndexOf(diagnostic)].GetMessage()}");
        if (problems.Length == 0 && expectedMessages is not null)
            AppendMessageProblems(problems, expected, actual, expectedMessages, codes);
        if (problems.Length == 0)
            return;

        var changedDocuments = missing.Concat(unexpected).Select(d => d.Document).Distinct().OrderBy(d => d);
        var rendered = new StringBuilder();
        foreach (var document in changedDocuments)
        {
            rendered.AppendLine($"// ----- {TestSolutionFactory.DocumentName(document)} -----");
            rendered.AppendLine(Markup.Render(codes[document], actualKeys.Where(k => k.Document == document).Select(k => (k.Id, k.Span))));
        }

        throw new VerificationException(
            $"{context}: the diagnostics differ from the markup.\n{problems}Actual diagnostics as markup:\n{rendered}");
    }

    public static ExpectedDiagnostic Key(Diagnostic diagnostic)
    {
        var path = diagnostic.Location.SourceTree?.FilePath;
        var document = path is null ? -1 : int.Parse(System.IO.Path.GetFileNameWithoutExtension(path)["Test".Length..], System.Globalization.CultureInfo.InvariantCulture);
        return new ExpectedDiagnostic(document, diagnostic.Id, diagnostic.Location.SourceSpan);
    }

    public static string Describe(ExpectedDiagnostic diagnostic, IReadOnlyList<string> codes)
    {
        if (diagnostic.Document < 0)
            return $"(no source location): {diagnostic.Id}";
        var code = codes[diagnostic.Document];
        var lines = SourceText.From(code).Lines;
        var start = lines.GetLinePosition(diagnostic.Span.Start);
        var end = lines.GetLinePosition(diagnostic.Span.End);
        var text = code.Substring(diagnostic.Span.Start, diagnostic.Span.Length);
        return $"{TestSolutionFactory.DocumentName(diagnostic.Document)}({start.Line + 1},{start.Character + 1},{end.Line + 1},{end.Character + 1}): {diagnostic.Id} '{Shorten(text)}'";
    }

    private static void AppendMessageProblems(
        StringBuilder problems,
        ImmutableArray<ExpectedDiagnostic> expected,
        ImmutableArray<Diagnostic> actual,
        IReadOnlyList<string?> messages,
        IReadOnlyList<string> codes)
    {
        var ordered = expected.OrderBy(d => d.Document).ThenBy(d => d.Span.Start).ThenBy(d => d.Span.End).ToList();
        if (messages.Count != ordered.Count)
        {
            problems.AppendLine($"  {messages.Count} expected messages given for {ordered.Count} expected diagnostics.");
            return;
        }

        var remaining = actual.ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var match = remaining.First(d => Key(d) == ordered[i]);
            remaining.Remove(match);
            if (messages[i] is { } message && match.GetMessage() != message)
                problems.AppendLine($"  message of {Describe(ordered[i], codes)}:\n    expected: {message}\n    actual:   {match.GetMessage()}");
        }
    }

    private static List<ExpectedDiagnostic> Subtract(IEnumerable<ExpectedDiagnostic> from, IEnumerable<ExpectedDiagnostic> remove)
    {
        var left = from.ToList();
        foreach (var item in remove)
            left.Remove(item);
        return left;
    }

    private static string SingleId(List<string> ids, DiagnosticAnalyzer analyzer) => ids.Count == 1
        ? ids[0]
        : throw new FormatException($"{analyzer.GetType().Name} supports {ids.Count} diagnostic ids ({string.Join(", ", ids)}); mark spans with {{|ID:…|}} instead of [|…|].");

    private static string Shorten(string text)
    {
        var oneLine = text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "⏎", StringComparison.Ordinal);
        return oneLine.Length <= 60 ? oneLine : oneLine[..57] + "...";
    }
}
