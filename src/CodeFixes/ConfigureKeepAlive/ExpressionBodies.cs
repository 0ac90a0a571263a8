using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>Turns <c>=&gt; expression</c> into <c>{ expression; calls; [return value;] }</c> for members, local functions, accessors and lambdas.</summary>
internal static class ExpressionBodies
{
    public static SyntaxNode ToBlockBody(SyntaxNode owner, IReadOnlyList<StatementSyntax> calls, ExpressionSyntax? returnedValue)
    {
        switch (owner)
        {
            case BaseMethodDeclarationSyntax { ExpressionBody: { } arrow } method:
                return method.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(Body(arrow.Expression, calls, returnedValue).WithTrailingTrivia(method.SemicolonToken.TrailingTrivia));
            case LocalFunctionStatementSyntax { ExpressionBody: { } arrow } function:
                return function.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(Body(arrow.Expression, calls, returnedValue).WithTrailingTrivia(function.SemicolonToken.TrailingTrivia));
            case AccessorDeclarationSyntax { ExpressionBody: { } arrow } accessor:
                return accessor.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(Body(arrow.Expression, calls, returnedValue).WithTrailingTrivia(accessor.SemicolonToken.TrailingTrivia));
            case SimpleLambdaExpressionSyntax { ExpressionBody: { } body } lambda:
                return lambda.WithExpressionBody(null).WithBlock(Body(body, calls, returnedValue).WithTrailingTrivia(body.GetTrailingTrivia()));
            case ParenthesizedLambdaExpressionSyntax { ExpressionBody: { } body } lambda:
                return lambda.WithExpressionBody(null).WithBlock(Body(body, calls, returnedValue).WithTrailingTrivia(body.GetTrailingTrivia()));
            default:
                return owner;
        }
    }

    /// <summary>The expression after <c>=&gt;</c> of a member, local function, accessor or lambda; null for other owners.</summary>
    public static ExpressionSyntax? ExpressionOf(SyntaxNode owner) => owner switch
    {
        BaseMethodDeclarationSyntax method => method.ExpressionBody?.Expression,
        LocalFunctionStatementSyntax function => function.ExpressionBody?.Expression,
        AccessorDeclarationSyntax accessor => accessor.ExpressionBody?.Expression,
        LambdaExpressionSyntax lambda => lambda.ExpressionBody,
        _ => null,
    };

    private static BlockSyntax Body(ExpressionSyntax expression, IEnumerable<StatementSyntax> calls, ExpressionSyntax? returnedValue)
    {
        var statements = new List<StatementSyntax> { ExpressionStatement(expression.WithoutTrivia()) };
        statements.AddRange(calls);
        if (returnedValue is not null)
        {
            statements.Add(ReturnStatement(returnedValue.WithoutTrivia()));
        }

        return Blocks.MultiLine(statements, Blocks.EndOfLineIn(expression));
    }
}
