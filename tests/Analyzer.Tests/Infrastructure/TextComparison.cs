using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KeepAliveAnalyzers.Tests.Infrastructure;

/// <summary>Compares the documents of a solution with expected texts (line endings normalised only).</summary>
internal static class TextComparison
{
    /// <summary>Every project of <paramref name="solution"/> must hold exactly <paramref name="expected"/>, document by document.</summary>
    public static async Task AssertDocumentsAsync(string context, Solution solution, IReadOnlyList<string> expected)
    {
        foreach (var project in solution.Projects.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var documents = project.DocumentIds.Select(id => project.GetDocument(id)!).ToList();
            for (var i = 0; i < documents.Count; i++)
            {
                var actual = Normalize((await documents[i].GetTextAsync()).ToString());
                var wanted = Normalize(expected[i]);
                if (actual != wanted)
                    throw new VerificationException($"{context}: {project.Name}/{documents[i].Name} differs from the expected fixed source.\n{FirstDifference(wanted, actual)}\nActual text:\n{actual}");
            }
        }
    }

    /// <summary>Fails when a fix built a tree that its own text does not parse back to (e.g. tokens glued by missing whitespace).</summary>
    public static async Task AssertRoundTripsAsync(string context, Solution solution)
    {
        foreach (var document in solution.Projects.SelectMany(p => p.Documents))
        {
            var tree = (await document.GetSyntaxTreeAsync())!;
            var reparsed = CSharpSyntaxTree.ParseText(await tree.GetTextAsync(), (CSharpParseOptions)tree.Options);
            if (!tree.GetRoot().IsEquivalentTo(reparsed.GetRoot(), topLevel: false))
                throw new VerificationException($"{context}: the syntax tree of {document.Name} differs from its re-parsed text; the fix built a tree that does not round-trip (missing whitespace or tokens?).");
        }
    }

    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
            line++;
        return $"First difference at line {line + 1}:\n  expected: {At(expectedLines, line)}\n  actual:   {At(actualLines, line)}";
    }

    private static string At(string[] lines, int index) => index < lines.Length ? lines[index] : "(end of text)";
}
