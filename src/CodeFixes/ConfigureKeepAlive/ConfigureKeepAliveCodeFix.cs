using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>
/// The "Configure keepalive with TcpKeepAlive" fix shared by the rules whose cure is the helper (KA0001, KA0002):
/// inserts <c>TcpKeepAlive.Configure(x);</c> where the connection is connected or accepted. Offered only when the
/// project references KeepAlive.Runtime, and only where a statement can go safely; otherwise the diagnostic stays.
/// </summary>
public abstract class ConfigureKeepAliveCodeFix : CodeFixProvider
{
    /// <summary>The title of the code action.</summary>
    public const string Title = "Configure keepalive with TcpKeepAlive";

    private static readonly FixAllProvider FixAll =
        FixAllProvider.Create(async (context, document, diagnostics) =>
            await ConfigureKeepAliveFixer.FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    private protected ConfigureKeepAliveCodeFix(string ruleId)
    {
        FixableDiagnosticIds = ImmutableArray.Create(ruleId);
        EquivalenceKey = ruleId + ".ConfigureWithTcpKeepAlive";
    }

    /// <summary>The equivalence key of the code action: the same for every site of the rule, so Fix All applies them together.</summary>
    public string EquivalenceKey { get; }

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => FixAll;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await ConfigureKeepAliveFixer.CanFixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(
                    new ConfigureKeepAliveAction(Title, cancellationToken => ConfigureKeepAliveFixer.FixAsync(context.Document, new[] { diagnostic }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
