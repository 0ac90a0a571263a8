using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>
/// For a socket created unconnected: the statement after which it is connected. Configure before that point
/// would leave the user timeout unset (the runtime defers it on an unconnected socket).
/// </summary>
internal static class ConnectStatementFinder
{
    /// <summary>
    /// The statement holding the first Connect, awaited (or waited) ConnectAsync, or the EndConnect that completes a
    /// BeginConnect, on <paramref name="holder"/> in <paramref name="statements"/>; null when that connect cannot be
    /// followed (inside a condition, a loop, a lambda, a catch) or is not there.
    /// </summary>
    public static StatementSyntax? Find(IEnumerable<StatementSyntax> statements, ConnectionHolder holder)
    {
        foreach (var statement in statements)
        {
            var completing = statement.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(call => ConnectNameOf(call, holder) is "Connect" or "ConnectAsync" or "EndConnect");
            if (completing is not null)
            {
                return CompletedStatement(completing, statement);
            }
        }

        return null;
    }

    /// <summary>How many connects <paramref name="node"/> starts on <paramref name="holder"/> (a BeginConnect and its EndConnect are one).</summary>
    public static int CountConnects(SyntaxNode node, ConnectionHolder holder) =>
        node.DescendantNodes().OfType<InvocationExpressionSyntax>().Count(call => ConnectNameOf(call, holder) is "Connect" or "ConnectAsync" or "BeginConnect");

    private static string? ConnectNameOf(InvocationExpressionSyntax call, ConnectionHolder holder) =>
        call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Connect" or "ConnectAsync" or "BeginConnect" or "EndConnect" } access &&
        holder.IsReceiver(access.Expression)
            ? access.Name.Identifier.ValueText
            : null;

    /// <summary>The statement, within <paramref name="outer"/>, after which <paramref name="call"/> has completed whenever <paramref name="outer"/> goes on normally.</summary>
    private static StatementSyntax? CompletedStatement(InvocationExpressionSyntax call, StatementSyntax outer)
    {
        SyntaxNode node = call;
        var completed = ((MemberAccessExpressionSyntax)call.Expression).Name.Identifier.ValueText != "ConnectAsync";
        while (true)
        {
            if (node.Parent is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }
            else if (node.Parent is AwaitExpressionSyntax)
            {
                completed = true;
                node = node.Parent;
            }
            else if (node.Parent is MemberAccessExpressionSyntax access && access.Expression == node &&
                     access.Parent is InvocationExpressionSyntax chained && chained.Expression == access &&
                     access.Name.Identifier.ValueText is "ConfigureAwait" or "WaitAsync" or "GetAwaiter" or "Wait" or "GetResult")
            {
                completed |= access.Name.Identifier.ValueText is "Wait" or "GetResult";
                node = chained;
            }
            else
            {
                break;
            }
        }

        return completed && node.Parent is ExpressionStatementSyntax statement && RunsWhenever(outer, statement) ? statement : null;
    }

    /// <summary>Only plain blocks, try blocks and using/lock/fixed/checked/unsafe bodies lie between the two statements.</summary>
    private static bool RunsWhenever(StatementSyntax outer, StatementSyntax inner)
    {
        for (SyntaxNode child = inner; child != outer; child = child.Parent!)
        {
            var runs = child.Parent switch
            {
                BlockSyntax or LabeledStatementSyntax or CheckedStatementSyntax or UnsafeStatementSyntax => true,
                TryStatementSyntax @try => @try.Block == child,
                UsingStatementSyntax @using => @using.Statement == child,
                LockStatementSyntax @lock => @lock.Statement == child,
                FixedStatementSyntax @fixed => @fixed.Statement == child,
                _ => false,
            };
            if (!runs)
            {
                return false;
            }
        }

        return true;
    }
}
