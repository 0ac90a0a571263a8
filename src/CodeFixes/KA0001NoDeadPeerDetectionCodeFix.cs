using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KeepAliveAnalyzers.CodeFixes;

/// <summary>
/// KA0001: inserts <c>TcpKeepAlive.Configure(x);</c> where the connection is connected or accepted. Offered only when
/// the project references KeepAlive.Runtime, and only where a statement can go safely; otherwise the diagnostic stays.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KA0001NoDeadPeerDetectionCodeFix))]
[Shared]
public sealed class KA0001NoDeadPeerDetectionCodeFix : CodeFixProvider
{
    /// <summary>The title of the code action.</summary>
    public const string Title = "Configure keepalive with TcpKeepAlive";

    /// <summary>The equivalence key of the code action: the same for every site, so Fix All applies them together.</summary>
    public const string EquivalenceKey = RuleIds.NoDeadPeerDetection + ".ConfigureWithTcpKeepAlive";

    private static readonly FixAllProvider FixAll =
        FixAllProvider.Create(async (context, document, diagnostics) =>
            await ConfigureKeepAliveFixer.FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.NoDeadPeerDetection);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAll;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await ConfigureKeepAliveFixer.CanFixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => ConfigureKeepAliveFixer.FixAsync(context.Document, new[] { diagnostic }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
