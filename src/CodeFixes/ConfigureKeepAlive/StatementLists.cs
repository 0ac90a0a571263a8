using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>Statements seen as members of a list (a block, a switch section, top-level statements).</summary>
internal static class StatementLists
{
    /// <summary><c>label: statement;</c> is placed in its list as the labeled statement.</summary>
    public static StatementSyntax Placed(StatementSyntax statement)
    {
        while (statement.Parent is LabeledStatementSyntax labeled)
        {
            statement = labeled;
        }

        return statement;
    }

    /// <summary>The list <paramref name="statement"/> belongs to, or null for an embedded statement (<c>if (x) s;</c>).</summary>
    public static IReadOnlyList<StatementSyntax>? ListOf(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax block => block.Statements,
        SwitchSectionSyntax section => section.Statements,
        GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList(),
        _ => null,
    };

    /// <summary>The statements after <paramref name="statement"/> in its list; empty when it is embedded.</summary>
    public static IEnumerable<StatementSyntax> Following(StatementSyntax statement)
    {
        var list = ListOf(statement);
        return list is null ? Enumerable.Empty<StatementSyntax>() : list.SkipWhile(s => s != statement).Skip(1);
    }

    /// <summary>
    /// The statement a call inserted "after <paramref name="statement"/>" actually follows: past the Configure calls
    /// already there, so fixing two connections one at a time orders the calls as fixing them together does.
    /// </summary>
    public static StatementSyntax AfterConfigureCalls(StatementSyntax statement)
    {
        foreach (var next in Following(statement))
        {
            if (!IsConfigureCall(next))
            {
                break;
            }

            statement = next;
        }

        return statement;
    }

    /// <summary><c>TcpKeepAlive.Configure(…);</c>, however the type is qualified.</summary>
    public static bool IsConfigureCall(StatementSyntax statement) =>
        statement is ExpressionStatementSyntax
        {
            Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: TcpKeepAliveApi.MethodName } access },
        } && RightmostName(access.Expression) == TcpKeepAliveApi.TypeName;

    private static string? RightmostName(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };
}
