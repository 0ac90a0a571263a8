using System;
using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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

    /// <summary>
    /// A method of the creating type, called after the creation, connects the field or property that holds it
    /// (<c>_socket = new Socket(..); ConnectToHost(host, port);</c> where <c>ConnectToHost</c> does <c>_socket.Connect(..)</c>).
    /// </summary>
    ThroughOwnMethod,
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
    /// Whether a method of <paramref name="type"/> that the creating method calls after the creation connects the
    /// member the creation is stored in: one level deep, the callee's own body only. Text first, as in
    /// <see cref="Find"/>: a callee is bound only when the creating method spells its name and its own text spells
    /// a connect and the member; the creating method is walked only for such a callee.
    /// </summary>
    public static bool ConnectsThroughOwnMethod(IOperation creation, INamedTypeSymbol? type, ConnectionsContext data, CancellationToken cancellationToken)
    {
        // Only a field or property of this instance outlives the creating method and is visible to its callees; a local is not.
        if (type is null || MemberHolder(creation) is not { } member || creation.SemanticModel is not { } model)
        {
            return false;
        }

        var method = creation.Root().Syntax;
        var source = data.SourceOf(method.SyntaxTree, cancellationToken);
        foreach (var candidate in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (candidate is IMethodSymbol { MethodKind: MethodKind.Ordinary } callee &&
                IdentifierSearch.Mentions(source, method.Span, callee.Name) &&
                ConnectsMember(callee, member, method, data, cancellationToken) &&
                IsCalledAfter(creation, callee, model, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The callee's body calls Connect/ConnectAsync/BeginConnect on <paramref name="member"/> (anywhere in it: the callee exists to connect).</summary>
    private static bool ConnectsMember(IMethodSymbol callee, ISymbol member, SyntaxNode creatingMethod, ConnectionsContext data, CancellationToken cancellationToken)
    {
        foreach (var reference in callee.DeclaringSyntaxReferences)
        {
            var body = reference.GetSyntax(cancellationToken);
            var text = data.SourceOf(body.SyntaxTree, cancellationToken);

            // The creating method itself was searched by Find; a callee that spells no connect or not the member cannot connect it.
            if (body == creatingMethod || !SpellsConnect(text, body.Span) || !IdentifierSearch.Mentions(text, body.Span, member.Name))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var node in body.DescendantNodes())
            {
                // A callee that stores a socket of its own in the member first connects that one, not the caller's (nodes come in text order).
                if (node is AssignmentExpressionSyntax { Left: var target } && Spelling(target) == member.Name)
                {
                    break;
                }

                if (IsConnectOn(node, member.Name, out var receiver))
                {
                    // Bound only here, on a connect that spells the member: a parameter or local of the same name is
                    // another socket; a receiver that does not bind (code in error) counts by its spelling, as in Find.
                    model ??= data.GetSemanticModel(body.SyntaxTree);
                    var bound = model.GetSymbolInfo(receiver, cancellationToken).Symbol;
                    if (bound is null || SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, member.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>A call of <paramref name="callee"/> on this instance that runs after the creation on its path (<see cref="IsReachableAfter"/>).</summary>
    private static bool IsCalledAfter(IOperation creation, IMethodSymbol callee, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in creation.Root().Syntax.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax invocation && node.SpanStart > creation.Syntax.SpanStart && CalledName(invocation) == callee.Name &&
                IsReachableAfter(creation.Syntax, node))
            {
                var info = model.GetSymbolInfo(invocation, cancellationToken);

                // Candidates count too: an overload the compiler cannot pick still names a method of this type.
                if (IsOrIsCandidate(info, callee))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsOrIsCandidate(SymbolInfo info, IMethodSymbol callee)
    {
        if (info.Symbol is { } symbol)
        {
            return SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, callee.OriginalDefinition);
        }

        foreach (var candidate in info.CandidateSymbols)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, callee.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Helper(..)</c> or <c>this.Helper(..)</c>: a call on the same instance (another object's method may reach another socket).</summary>
    private static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>A connect on <paramref name="holder"/> or on its <c>.Client</c>; <paramref name="receiver"/> is the expression that names the holder.</summary>
    private static bool IsConnectOn(SyntaxNode node, string holder, out ExpressionSyntax receiver)
    {
        receiver = null!;
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ||
            access.Name.Identifier.ValueText is not ("Connect" or "ConnectAsync" or "BeginConnect") || Spelling(access.Expression) is not { } spelling)
        {
            return false;
        }

        receiver = WithoutSuppression(access.Expression);
        if (spelling == holder + ".Client" && receiver is MemberAccessExpressionSyntax client)
        {
            receiver = WithoutSuppression(client.Expression);
            return true;
        }

        return spelling == holder;
    }

    /// <summary><c>x!</c> is <c>x</c>.</summary>
    private static ExpressionSyntax WithoutSuppression(ExpressionSyntax expression)
    {
        while (expression is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed)
        {
            expression = suppressed.Operand;
        }

        return expression;
    }

    /// <summary>
    /// Whether the method's text can hold one of the connects the walk looks for. Most methods that create a socket
    /// connect it elsewhere, and walking every node of a long method was a sixth of the connection rules' time on a
    /// small repository; the text search allocates nothing.
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

    /// <summary>The field or property of this instance that the creation is assigned to (<c>_socket = new Socket(..)</c>, <c>this.Client = new()</c>).</summary>
    private static ISymbol? MemberHolder(IOperation creation) => creation.ValueConsumer(out var carrier) switch
    {
        ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field } assignment
            when assignment.Value == carrier => field.Field,
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: false, Instance: null or IInstanceReferenceOperation } property } assignment
            when assignment.Value == carrier => property.Property,
        _ => null,
    };

    private static string? Spelling(SyntaxNode node)
    {
        // _socket!.Connect(..): the null-forgiving operator does not change which variable is connected.
        node = node is ExpressionSyntax expression ? WithoutSuppression(expression) : node;

        // ToString() leaves the node's outer trivia out already; WithoutTrivia() would build a new tree per call.
        var text = node.ToString();
        return text.StartsWith("this.", StringComparison.Ordinal) ? text.Substring(5) : text;
    }
}
