using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>
/// Spells <c>TcpKeepAlive</c> in the inserted calls: the simple name (adding <c>using KeepAlive;</c> if needed), else
/// <c>KeepAlive.TcpKeepAlive</c>, else <c>global::KeepAlive.TcpKeepAlive</c>. Each spelling is bound before it is kept,
/// so a type or member named like ours, or a using that would make another name ambiguous, falls through to the next.
/// </summary>
internal static class ConfigureCallNaming
{
    /// <summary>The simple names <c>using KeepAlive;</c> brings into scope: only code mentioning one of them can change meaning.</summary>
    private static readonly HashSet<string> ImportedNames = new(StringComparer.Ordinal)
    {
        "TcpKeepAlive", "TcpKeepAliveOptions", "TcpKeepAliveResult", "TcpKeepAliveOptionStatus", "TcpKeepAliveExtensions", "ConfigureTcpKeepAlive",
    };

    public static async Task<Document> ApplyAsync(Document original, SyntaxNode edited, CancellationToken cancellationToken)
    {
        // Comparing the whole file's errors compiles it again for every candidate (seconds in a big file); it is only
        // needed when the file already uses one of the names the using imports.
        var originalRoot = await original.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var errorsBefore = originalRoot is not null && MentionsImportedNames(originalRoot)
            ? await ErrorCountAsync(original, cancellationToken).ConfigureAwait(false)
            : (int?)null;
        var simple = WithTypeName(edited, IdentifierName(TcpKeepAliveApi.TypeName));
        var candidates = new Func<SyntaxNode?>[]
        {
            () => simple,
            () => UsingDirectiveAdder.AddFor(simple, Calls(simple)),
            () => WithTypeName(edited, Qualified(IdentifierName(TcpKeepAliveApi.Namespace))),
        };
        foreach (var candidate in candidates)
        {
            if (candidate() is { } root && original.WithSyntaxRoot(root) is var document &&
                await BindsAsync(document, errorsBefore, cancellationToken).ConfigureAwait(false))
            {
                return document;
            }
        }

        var global = AliasQualifiedName(IdentifierName(Token(SyntaxKind.GlobalKeyword)), IdentifierName(TcpKeepAliveApi.Namespace));
        return original.WithSyntaxRoot(WithTypeName(edited, Qualified(global)));
    }

    private static ExpressionSyntax Qualified(ExpressionSyntax @namespace) =>
        MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, @namespace, IdentifierName(TcpKeepAliveApi.TypeName));

    private static List<SyntaxNode> Calls(SyntaxNode root) => root.GetAnnotatedNodes(ConfigureCallInserter.CallAnnotation).ToList();

    private static MemberAccessExpressionSyntax ConfigureAccess(SyntaxNode call) =>
        (MemberAccessExpressionSyntax)((InvocationExpressionSyntax)((ExpressionStatementSyntax)call).Expression).Expression;

    private static SyntaxNode WithTypeName(SyntaxNode root, ExpressionSyntax typeName) =>
        root.ReplaceNodes(Calls(root).Select(c => ConfigureAccess(c).Expression), (original, _) => typeName.WithTriviaFrom(original));

    private static bool MentionsImportedNames(SyntaxNode root) =>
        root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && ImportedNames.Contains(t.ValueText));

    private static async Task<bool> BindsAsync(Document document, int? errorsBefore, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return false;
        }

        var helper = model.Compilation.GetTypeByMetadataName(TcpKeepAliveApi.Namespace + "." + TcpKeepAliveApi.TypeName);
        return Calls(root).All(call =>
                   model.GetSymbolInfo(ConfigureAccess(call).Parent!, cancellationToken).Symbol is IMethodSymbol method &&
                   SymbolEqualityComparer.Default.Equals(method.ContainingType, helper)) &&
               (errorsBefore is not { } before || Errors(model, cancellationToken) <= before);
    }

    private static async Task<int> ErrorCountAsync(Document document, CancellationToken cancellationToken) =>
        await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is { } model ? Errors(model, cancellationToken) : 0;

    private static int Errors(SemanticModel model, CancellationToken cancellationToken) =>
        model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
}
