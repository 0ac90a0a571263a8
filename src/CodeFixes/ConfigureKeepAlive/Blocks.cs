using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>Blocks the fix creates: one statement per line, indented by the formatter.</summary>
internal static class Blocks
{
    /// <summary>
    /// Line breaks are explicit: with only elastic trivia, the formatter keeps a block written inside an argument list
    /// (<c>BeginAccept(ar =&gt; { … }, null)</c>) on one line.
    /// </summary>
    public static BlockSyntax MultiLine(IEnumerable<StatementSyntax> statements, SyntaxTrivia endOfLine) =>
        Block(
                Token(default, SyntaxKind.OpenBraceToken, TriviaList(endOfLine)),
                List(statements.Select(s => s.WithoutLeadingTrivia().WithTrailingTrivia(endOfLine))),
                Token(SyntaxKind.CloseBraceToken))
            .WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>The line ending the file uses around <paramref name="node"/>.</summary>
    public static SyntaxTrivia EndOfLineIn(SyntaxNode node) =>
        node.SyntaxTree.GetRoot().DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found
            ? found
            : CarriageReturnLineFeed;
}
