using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeepAliveAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Simplification;

namespace KeepAliveAnalyzers.CodeFixes;

/// <summary>
/// KA0006 fix: inserts <c>x.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);</c>
/// right before the first keepalive timing call, on the same receiver (the analyzer passes that call as the
/// diagnostic's additional location).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KA0006TimingsWithoutKeepAliveCodeFix)), Shared]
public sealed class KA0006TimingsWithoutKeepAliveCodeFix : CodeFixProvider
{
    private const string Title = "Enable SO_KEEPALIVE";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(KA0006TimingsWithoutKeepAlive.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (TimingStatement(root, diagnostic) is { } statement)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => InsertAsync(context.Document, statement, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    /// <summary>The statement <c>receiver.SetSocketOption(Tcp, TcpKeepAlive..., n);</c>, when it is a plain statement in a block.</summary>
    private static (ExpressionStatementSyntax Statement, ExpressionSyntax Receiver)? TimingStatement(SyntaxNode? root, Diagnostic diagnostic)
    {
        if (root is null || diagnostic.AdditionalLocations.Count == 0 ||
            diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree ||
            root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not { } node ||
            node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { Expression: MemberAccessExpressionSyntax access } invocation ||
            invocation.Parent is not ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement)
        {
            return null;
        }

        return (statement, access.Expression);
    }

    private static async Task<Document> InsertAsync(
        Document document, (ExpressionStatementSyntax Statement, ExpressionSyntax Receiver) target, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var call = SyntaxFactory.ParseStatement(
                $"{target.Receiver.WithoutTrivia()}.SetSocketOption(global::System.Net.Sockets.SocketOptionLevel.Socket, " +
                "global::System.Net.Sockets.SocketOptionName.KeepAlive, true);")
            .WithLeadingTrivia(Indentation(target.Statement))
            .WithTrailingTrivia(EndOfLine(target.Statement))
            .WithAdditionalAnnotations(Simplifier.Annotation);
        var updated = root.InsertNodesBefore(target.Statement, new[] { call });
        return document.WithSyntaxRoot(updated);
    }

    /// <summary>The statement's own indentation, without the comments above it (they stay with the statement).</summary>
    private static SyntaxTriviaList Indentation(StatementSyntax statement)
    {
        var leading = statement.GetLeadingTrivia();
        var last = leading.LastOrDefault();
        return last.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(last) : SyntaxFactory.TriviaList();
    }

    private static SyntaxTrivia EndOfLine(StatementSyntax statement) =>
        statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } eol
            ? eol
            : SyntaxFactory.ElasticCarriageReturnLineFeed;
}
