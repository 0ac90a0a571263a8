using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>
/// Spells <c>TcpKeepAlive</c> in the inserted calls: the simple name (adding <c>using KeepAlive;</c> if needed), else
/// <c>KeepAlive.TcpKeepAlive</c>, else <c>global::KeepAlive.TcpKeepAlive</c>. Every spelling is judged on the semantic
/// model of the unedited document, which the fix has already: each call is bound speculatively where it will stand,
/// and the using is judged by <see cref="KeepAliveImport"/>. Compiling each edited candidate instead cost a new
/// compilation per document, most of a fix and quadratic in Fix All.
/// </summary>
internal static class ConfigureCallNaming
{
    /// <summary>
    /// <paramref name="edited"/> with the type name of its inserted calls (those carrying
    /// <see cref="ConfigureCallInserter.CallAnnotation"/>) spelled, and the using added if that spelling needs it.
    /// <paramref name="model"/> is the model of the document before the edit; <paramref name="plans"/> point into its tree.
    /// </summary>
    public static SyntaxNode Apply(SemanticModel model, INamedTypeSymbol helper, IReadOnlyList<ConfigureCallPlan> plans, SyntaxNode edited, CancellationToken cancellationToken)
    {
        var simple = IdentifierName(TcpKeepAliveApi.TypeName);
        var simpleBinds = plans.Select(plan => Binds(model, plan, simple, helper, cancellationToken)).ToList();
        if (simpleBinds.All(binds => binds))
        {
            return WithTypeName(edited, simple);
        }

        if (CanImport(model, plans, simpleBinds, cancellationToken))
        {
            var named = WithTypeName(edited, simple);
            if (UsingDirectiveAdder.AddFor(named, Calls(named)) is { } imported)
            {
                return imported;
            }
        }

        var qualified = Qualified(IdentifierName(TcpKeepAliveApi.Namespace));
        if (plans.All(plan => Binds(model, plan, qualified, helper, cancellationToken)))
        {
            return WithTypeName(edited, qualified);
        }

        return WithTypeName(edited, Qualified(AliasQualifiedName(IdentifierName(Token(SyntaxKind.GlobalKeyword)), IdentifierName(TcpKeepAliveApi.Namespace))));
    }

    /// <summary><c>typeName.Configure(argument)</c> binds to the helper where the call will stand.</summary>
    private static bool Binds(SemanticModel model, ConfigureCallPlan plan, ExpressionSyntax typeName, INamedTypeSymbol helper, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var call = ConfigureCallInserter.Invocation(typeName, plan.Argument, plan.MethodName);
        return model.GetSpeculativeSymbolInfo(plan.ScopePosition, call, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol method &&
               SymbolEqualityComparer.Default.Equals(method.ContainingType, helper);
    }

    /// <summary>
    /// With <c>using KeepAlive;</c> added where <see cref="UsingDirectiveAdder"/> puts it, every call's simple name
    /// binds to the helper, and no container receiving the using changes the meaning of its code.
    /// </summary>
    private static bool CanImport(SemanticModel model, IReadOnlyList<ConfigureCallPlan> plans, IReadOnlyList<bool> simpleBinds, CancellationToken cancellationToken)
    {
        for (var i = 0; i < plans.Count; i++)
        {
            if (!simpleBinds[i] && (UsingDirectiveAdder.IsImported(plans[i].Target) ||
                                    !NothingNamedTcpKeepAlive(model, plans[i].ScopePosition, cancellationToken)))
            {
                return false;
            }
        }

        // The inserted calls sit in the same namespace declarations as their targets, so the containers match the edited tree's.
        var containers = plans.Select(p => p.Target).Where(target => !UsingDirectiveAdder.IsImported(target)).Select(UsingDirectiveAdder.ContainerFor).Distinct().ToList();
        return KeepAliveImport.Create(model, cancellationToken) is { } import && containers.All(import.CanAddTo);
    }

    /// <summary>
    /// No symbol named TcpKeepAlive is in scope, so the import is what the simple name will find. Bound like the call
    /// (LookupSymbols costs milliseconds on its first use in a model); an inaccessible symbol does not count, since the
    /// compiler goes on looking outwards past one.
    /// </summary>
    private static bool NothingNamedTcpKeepAlive(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var info = model.GetSpeculativeSymbolInfo(position, IdentifierName(TcpKeepAliveApi.TypeName), SpeculativeBindingOption.BindAsExpression);
        return info.Symbol is null && info.CandidateReason is CandidateReason.None or CandidateReason.Inaccessible;
    }

    private static ExpressionSyntax Qualified(ExpressionSyntax @namespace) =>
        MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, @namespace, IdentifierName(TcpKeepAliveApi.TypeName));

    private static List<SyntaxNode> Calls(SyntaxNode root) => root.GetAnnotatedNodes(ConfigureCallInserter.CallAnnotation).ToList();

    /// <summary>An inserted statement <c>T.Configure(x);</c> or a wrapping <c>T.Configured(e)</c>: its <c>T.Configure</c> part.</summary>
    private static MemberAccessExpressionSyntax ConfigureAccess(SyntaxNode call) =>
        (MemberAccessExpressionSyntax)((InvocationExpressionSyntax)(call is ExpressionStatementSyntax statement ? statement.Expression : call)).Expression;

    private static SyntaxNode WithTypeName(SyntaxNode root, ExpressionSyntax typeName) =>
        root.ReplaceNodes(Calls(root).Select(c => ConfigureAccess(c).Expression), (original, _) => typeName.WithTriviaFrom(original));
}
