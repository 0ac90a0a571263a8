using System;
using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace KeepAliveAnalyzers.Engine.Connections;

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
    public static ConnectPlacement Find(IOperation creation, ConnectionsContext data, CancellationToken cancellationToken)
    {
        var holder = HolderSpelling(creation);
        var method = creation.Root().Syntax;
        if (holder is null || !SpellsConnect(data.SourceOf(method.SyntaxTree, cancellationToken), method.Span))
        {
            return ConnectPlacement.NotInMethod;
        }

        var placement = ConnectPlacement.NotInMethod;
        foreach (var node in method.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } &&
                access.Name.Identifier.ValueText is "Connect" or "ConnectAsync" or "BeginConnect" &&
                Spelling(access.Expression) is { } receiver && (receiver == holder || receiver == holder + ".Client"))
            {
                if (node.SpanStart > creation.Syntax.SpanStart && IsReachableAfter(creation.Syntax, node))
                {
                    return ConnectPlacement.AfterCreation;
                }

                placement = ConnectPlacement.OnOtherPathsOnly;
            }
        }

        return placement;
    }

    /// <summary>
    /// Whether the method's text can hold one of the connects the walk looks for. Most methods that create a socket
    /// connect it elsewhere, and walking every node of a long method was a sixth of the connection rules' time on a
    /// small repository (Telepathy); the text search allocates nothing.
    /// </summary>
    private static bool SpellsConnect(string text, TextSpan span) =>
        IdentifierSearch.Mentions(text, span, "Connect") || IdentifierSearch.Mentions(text, span, "ConnectAsync") ||
        IdentifierSearch.Mentions(text, span, "BeginConnect");

    /// <summary>
    /// A later statement of the creation's own block, or of an enclosing block outside the statement that holds the
    /// creation: <c>if (a) { c = new(); } else { c = new(..); } c.Connect(..);</c> connects both, while a connect in
    /// the other branch of the creation's <c>if</c> does not. Top-level statements have no block: the file is the scope.
    /// </summary>
    private static bool IsReachableAfter(SyntaxNode creation, SyntaxNode connect)
    {
        SyntaxNode? holding = null;
        for (var node = creation.Parent; node is not null; holding = node, node = node.Parent)
        {
            if (node is not (BlockSyntax or CompilationUnitSyntax) || !node.Span.Contains(connect.Span))
            {
                if (node is MemberDeclarationSyntax and not GlobalStatementSyntax || node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return false;
                }

                continue;
            }

            // In the creation's innermost block any later connect counts; further out, only one after the statement holding the creation.
            if (holding is null || !holding.Span.Contains(connect.Span) || node == creation.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax or CompilationUnitSyntax))
            {
                return true;
            }
        }

        return false;
    }

    private static string? HolderSpelling(IOperation creation) => creation.ValueConsumer(out var carrier) switch
    {
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
        ISimpleAssignmentOperation assignment when assignment.Value == carrier => Spelling(assignment.Target.Syntax),
        _ => null,
    };

    private static string? Spelling(SyntaxNode node)
    {
        // ToString() leaves the node's outer trivia out already; WithoutTrivia() would build a new tree per call.
        var text = node.ToString();
        return text.StartsWith("this.", StringComparison.Ordinal) ? text.Substring(5) : text;
    }
}
