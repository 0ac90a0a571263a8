using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using KeepAliveAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace KeepAliveAnalyzers.CodeFixes;

/// <summary>
/// KA0004, only where the intent is certain: a millisecond literal that is a whole number of seconds becomes seconds
/// (<c>30000</c> → <c>30</c>), and a keepalive option named at the wrong level gets its level
/// (<c>SocketOptionLevel.IP</c> → <c>SocketOptionLevel.Tcp</c>). The analyzer decides which applies and says so in the
/// diagnostic's properties. No fix for the bool overload (the intended time is unknown), out-of-range values, named
/// constants (they may be used elsewhere in their own unit) or byte buffers.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KA0004WrongKeepAliveValueCodeFix))]
[Shared]
public sealed class KA0004WrongKeepAliveValueCodeFix : CodeFixProvider
{
    /// <summary>Equivalence key of "milliseconds literal to seconds".</summary>
    public const string ToSecondsKey = RuleIds.WrongKeepAliveValue + ".MillisecondsToSeconds";

    /// <summary>Equivalence key of "use SocketOptionLevel.Tcp".</summary>
    public const string TcpLevelKey = RuleIds.WrongKeepAliveValue + ".UseTcpLevel";

    /// <summary>Equivalence key of "use SocketOptionLevel.Socket".</summary>
    public const string SocketLevelKey = RuleIds.WrongKeepAliveValue + ".UseSocketLevel";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.WrongKeepAliveValue);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(KA0004WrongKeepAliveValueAnalyzer.FixProperty, out var fix) ||
                !diagnostic.Properties.TryGetValue(KA0004WrongKeepAliveValueAnalyzer.ReplacementProperty, out var replacement) ||
                replacement is null ||
                root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression ||
                expression.Span != diagnostic.Location.SourceSpan)
            {
                continue;
            }

            switch (fix)
            {
                case KA0004WrongKeepAliveValueAnalyzer.FixToSeconds when expression.IsKind(SyntaxKind.NumericLiteralExpression) &&
                                                                       int.TryParse(replacement, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds):
                    context.RegisterCodeFix(
                        CodeAction.Create($"Use {seconds} (seconds)", c => Replace(context.Document, expression, Seconds(expression, seconds), c), ToSecondsKey),
                        diagnostic);
                    break;
                case KA0004WrongKeepAliveValueAnalyzer.FixLevel when replacement is "Tcp" or "Socket":
                    context.RegisterCodeFix(
                        CodeAction.Create($"Use SocketOptionLevel.{replacement}", c => Replace(context.Document, expression, Level(expression, replacement), c),
                            replacement == "Tcp" ? TcpLevelKey : SocketLevelKey),
                        diagnostic);
                    break;
            }
        }
    }

    private static ExpressionSyntax Seconds(ExpressionSyntax literal, int seconds) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(seconds)).WithTriviaFrom(literal);

    /// <summary><c>SocketOptionLevel.IP</c> keeps its qualifier and only changes the member; any other form becomes the simplified full name.</summary>
    private static ExpressionSyntax Level(ExpressionSyntax level, string member) =>
        level is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } access && access.Expression.ToString().EndsWith("SocketOptionLevel", System.StringComparison.Ordinal)
            ? access.WithName(SyntaxFactory.IdentifierName(member).WithTriviaFrom(access.Name))
            : SyntaxFactory.ParseExpression("global::System.Net.Sockets.SocketOptionLevel." + member)
                .WithAdditionalAnnotations(Simplifier.Annotation)
                .WithTriviaFrom(level);

    private static async Task<Document> Replace(Document document, SyntaxNode node, SyntaxNode replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(node, replacement));
    }
}
