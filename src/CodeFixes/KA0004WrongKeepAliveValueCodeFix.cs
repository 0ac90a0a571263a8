using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeepAliveAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

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
            if (!diagnostic.Properties.TryGetValue(KA0004WrongKeepAliveValue.FixProperty, out var fix) ||
                !diagnostic.Properties.TryGetValue(KA0004WrongKeepAliveValue.ReplacementProperty, out var replacement) ||
                replacement is null ||
                root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression ||
                expression.Span != diagnostic.Location.SourceSpan)
            {
                continue;
            }

            switch (fix)
            {
                case KA0004WrongKeepAliveValue.FixToSeconds when expression.IsKind(SyntaxKind.NumericLiteralExpression) &&
                                                                       int.TryParse(replacement, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds):
                    var literal = seconds.ToString(CultureInfo.InvariantCulture);
                    context.RegisterCodeFix(
                        CodeAction.Create($"Use {literal} (seconds)", c => ReplaceAsync(context.Document, expression.Span, literal, c), ToSecondsKey),
                        diagnostic);
                    break;
                case KA0004WrongKeepAliveValue.FixLevel when replacement is "Tcp" or "Socket":
                    context.RegisterCodeFix(
                        CodeAction.Create($"Use SocketOptionLevel.{replacement}", c => ReplaceLevelAsync(context.Document, expression, replacement, c),
                            replacement == "Tcp" ? TcpLevelKey : SocketLevelKey),
                        diagnostic);
                    break;
            }
        }
    }

    /// <summary>
    /// <c>SocketOptionLevel.IP</c> keeps its qualifier and only changes the member; a cast or constant becomes
    /// <c>SocketOptionLevel.Tcp</c>, qualified only when the type is not in scope.
    /// </summary>
    private static async Task<Document> ReplaceLevelAsync(Document document, ExpressionSyntax level, string member, CancellationToken cancellationToken)
    {
        if (level is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } access &&
            access.Expression.ToString().EndsWith("SocketOptionLevel", System.StringComparison.Ordinal))
        {
            return await ReplaceAsync(document, name.Span, member, cancellationToken).ConfigureAwait(false);
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var type = model?.Compilation.GetTypeByMetadataName("System.Net.Sockets.SocketOptionLevel");
        var inScope = model is not null && type is not null &&
                      model.LookupNamespacesAndTypes(level.SpanStart, name: type.Name).Any(found => SymbolEqualityComparer.Default.Equals(found, type));
        var qualifier = inScope ? "SocketOptionLevel" : "System.Net.Sockets.SocketOptionLevel";
        return await ReplaceAsync(document, level.Span, qualifier + "." + member, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A text change, re-parsed: the result is exactly what a person would type. (Rebuilding the tree with
    /// ReplaceNode gives, on Roslyn 4.5, blocks whose empty attribute list differs from the parsed one.)
    /// </summary>
    private static async Task<Document> ReplaceAsync(Document document, TextSpan span, string text, CancellationToken cancellationToken)
    {
        var source = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(source.WithChanges(new TextChange(span, text)));
    }
}
