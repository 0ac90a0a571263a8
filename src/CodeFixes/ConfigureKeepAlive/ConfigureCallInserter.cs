using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>
/// Writes the planned <c>TcpKeepAlive.Configure(x);</c> statements into one document with one editor, so several
/// in the same block never conflict. Inserted statements copy the indentation and line ending of their neighbour;
/// only blocks the fix creates are left to the formatter.
/// </summary>
internal static class ConfigureCallInserter
{
    /// <summary>Marks every inserted call, so the type name can be chosen once the whole document is edited.</summary>
    public static readonly SyntaxAnnotation CallAnnotation = new("KeepAliveAnalyzers.TcpKeepAliveConfigureCall");

    public static void Insert(SyntaxEditor editor, IEnumerable<ConfigureCallPlan> plans)
    {
        // Innermost targets first: a block built around an outer target then already holds the inner insertions.
        foreach (var group in plans.GroupBy(p => p.Target).OrderBy(g => g.Key.Span.Length))
        {
            var target = group.Key;
            var list = group.ToList();
            switch (list[0].Kind)
            {
                case InsertionKind.Wrap:
                    // current: the target as edited so far; the argument keeps the plan's spelling of a target-typed new().
                    editor.ReplaceNode(target, (current, _) => Wrapped(list[0], (ExpressionSyntax)current).WithTriviaFrom(current));
                    break;
                case InsertionKind.ExpressionBody:
                    editor.ReplaceNode(target, (current, _) => ExpressionBodies.ToBlockBody(current, Calls(list), list[0].ReturnedValue));
                    break;
                default:
                    InsertAround(editor, (StatementSyntax)target, list);
                    break;
            }
        }
    }

    public static ExpressionStatementSyntax Call(ExpressionSyntax argument) =>
        ExpressionStatement(Invocation(IdentifierName(TcpKeepAliveApi.TypeName), argument)).WithAdditionalAnnotations(CallAnnotation);

    /// <summary><c>typeName.Configure(argument)</c> (or <c>Configured</c>): the inserted call, or a candidate spelling of it to bind.</summary>
    public static InvocationExpressionSyntax Invocation(ExpressionSyntax typeName, ExpressionSyntax argument, string methodName = TcpKeepAliveApi.MethodName) =>
        InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, typeName, IdentifierName(methodName)),
            ArgumentList(SingletonSeparatedList(Argument(argument.WithoutTrivia()))));

    /// <summary><c>TcpKeepAlive.Configured(e)</c> around the edited target (a target-typed <c>new()</c> takes the plan's typed spelling).</summary>
    private static InvocationExpressionSyntax Wrapped(ConfigureCallPlan plan, ExpressionSyntax current) =>
        Invocation(IdentifierName(TcpKeepAliveApi.TypeName), current is ImplicitObjectCreationExpressionSyntax ? plan.Argument : current, TcpKeepAliveApi.WrapMethodName)
            .WithAdditionalAnnotations(CallAnnotation);

    private static List<StatementSyntax> Calls(IEnumerable<ConfigureCallPlan> plans) => plans.Select(p => (StatementSyntax)Call(p.Argument)).ToList();

    private static void InsertAround(SyntaxEditor editor, StatementSyntax target, List<ConfigureCallPlan> plans)
    {
        var before = Calls(plans.Where(p => p.Kind == InsertionKind.BeforeStatement));
        var after = Calls(plans.Where(p => p.Kind == InsertionKind.AfterStatement));
        if (StatementLists.ListOf(target) is null)
        {
            // if (x) c = l.AcceptTcpClient();  →  if (x) { c = …; TcpKeepAlive.Configure(c); }
            editor.ReplaceNode(target, (current, _) =>
                Blocks.MultiLine(before.Concat(new[] { ((StatementSyntax)current).WithoutTrivia() }).Concat(after), Blocks.EndOfLineIn(target)).WithTriviaFrom(current));
            return;
        }

        var placed = target.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : target;
        if (before.Count > 0)
        {
            editor.InsertBefore(placed, Placed(target, before.Select(c => LaidOutBefore(c, target))));
        }

        if (after.Count > 0)
        {
            editor.InsertAfter(placed, Placed(target, after.Select(c => LaidOutAfter(c, target))));
        }
    }

    private static IEnumerable<SyntaxNode> Placed(StatementSyntax target, IEnumerable<StatementSyntax> calls) =>
        target.Parent is GlobalStatementSyntax ? calls.Select(GlobalStatement) : calls;

    /// <summary>On its own line at the anchor's indentation, or on the anchor's line when the anchor shares its line.</summary>
    private static StatementSyntax LaidOutAfter(StatementSyntax call, StatementSyntax anchor) =>
        anchor.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } endOfLine
            ? call.WithLeadingTrivia(Indentation(anchor)).WithTrailingTrivia(endOfLine)
            : anchor.HasTrailingTrivia ? call.WithoutLeadingTrivia().WithTrailingTrivia(Space) : call.WithLeadingTrivia(Space).WithoutTrailingTrivia();

    private static StatementSyntax LaidOutBefore(StatementSyntax call, StatementSyntax anchor)
    {
        var previous = anchor.GetFirstToken().GetPreviousToken();
        return previous.TrailingTrivia.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } endOfLine && StartsLine(anchor)
            ? call.WithLeadingTrivia(Indentation(anchor)).WithTrailingTrivia(endOfLine)
            : call.WithoutLeadingTrivia().WithTrailingTrivia(Space);
    }

    private static bool StartsLine(SyntaxNode node)
    {
        var text = node.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(node.SpanStart);
        return string.IsNullOrWhiteSpace(text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(line.Start, node.SpanStart)));
    }

    private static SyntaxTriviaList Indentation(SyntaxNode node)
    {
        var text = node.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(node.SpanStart).ToString();
        var width = 0;
        while (width < line.Length && (line[width] == ' ' || line[width] == '\t'))
        {
            width++;
        }

        return width == 0 ? default : TriviaList(Whitespace(line.Substring(0, width)));
    }
}
