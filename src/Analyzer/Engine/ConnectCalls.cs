using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine;

/// <summary>Where, in the method that creates an unconnected socket, the variable holding it gets connected.</summary>
internal enum ConnectPlacement
{
    /// <summary>The method never connects that variable: another method may.</summary>
    NotInMethod,

    /// <summary>A Connect follows the creation in its own block.</summary>
    AfterCreation,

    /// <summary>The method connects the variable only on other paths (<c>if (tcp) { c = new(); c.Connect(); } else { c = new(); }</c>): a placeholder.</summary>
    OnOtherPathsOnly,
}

internal static class ConnectCalls
{
    /// <summary>
    /// Decided on syntax (the variable's spelling), so it also works where the symbols are in error, as in a
    /// half-typed file or a project whose duplicate types make every member reference ambiguous.
    /// </summary>
    public static ConnectPlacement Find(IOperation creation)
    {
        var holder = HolderSpelling(creation);
        if (holder is null)
        {
            return ConnectPlacement.NotInMethod;
        }

        // Top-level statements have no block: the whole program is the scope.
        var block = (SyntaxNode?)creation.Syntax.FirstAncestorOrSelf<BlockSyntax>() ?? creation.Syntax.SyntaxTree.GetRoot();
        var placement = ConnectPlacement.NotInMethod;
        foreach (var node in creation.Root().Syntax.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } &&
                access.Name.Identifier.ValueText is "Connect" or "ConnectAsync" or "BeginConnect" &&
                Spelling(access.Expression) is { } receiver && (receiver == holder || receiver == holder + ".Client"))
            {
                if (block.Span.Contains(node.Span) && node.SpanStart > creation.Syntax.SpanStart)
                {
                    return ConnectPlacement.AfterCreation;
                }

                placement = ConnectPlacement.OnOtherPathsOnly;
            }
        }

        return placement;
    }

    private static string? HolderSpelling(IOperation creation) => creation.ValueConsumer(out var carrier) switch
    {
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
        ISimpleAssignmentOperation assignment when assignment.Value == carrier => Spelling(assignment.Target.Syntax),
        _ => null,
    };

    private static string? Spelling(SyntaxNode node)
    {
        var text = node.WithoutTrivia().ToString();
        return text.StartsWith("this.", StringComparison.Ordinal) ? text.Substring(5) : text;
    }
}
