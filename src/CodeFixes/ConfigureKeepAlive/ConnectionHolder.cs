using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>The local, parameter, field or property a connection lands in, and how to spell it again.</summary>
internal sealed class ConnectionHolder
{
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;

    public ConnectionHolder(ISymbol symbol, ITypeSymbol type, ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        Symbol = symbol;
        Type = type;
        Expression = expression;
        _model = model;
        _cancellationToken = cancellationToken;
    }

    public ISymbol Symbol { get; }
    public ITypeSymbol Type { get; }

    /// <summary>The holder spelled as at its assignment (<c>client</c>, <c>_client</c>, <c>this.Client</c>, <c>state.Socket</c>), without trivia.</summary>
    public ExpressionSyntax Expression { get; }

    /// <summary>True when <paramref name="receiver"/> is the holder, or its <c>.Client</c> socket.</summary>
    public bool IsReceiver(ExpressionSyntax receiver)
    {
        receiver = WithoutParentheses(receiver);
        return receiver is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Client" } client && IsHolder(client.Expression) || IsHolder(receiver);
    }

    private bool IsHolder(ExpressionSyntax expression)
    {
        expression = WithoutParentheses(expression);
        return SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(expression, _cancellationToken).Symbol, Symbol) &&
               SyntaxFactory.AreEquivalent(WithoutThis(expression), WithoutThis(Expression));
    }

    private static ExpressionSyntax WithoutParentheses(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static ExpressionSyntax WithoutThis(ExpressionSyntax expression) =>
        expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access ? access.Name : expression;
}
