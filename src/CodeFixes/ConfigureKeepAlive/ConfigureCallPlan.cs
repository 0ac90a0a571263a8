using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>Where a <c>TcpKeepAlive.Configure(x);</c> statement goes.</summary>
internal enum InsertionKind
{
    /// <summary>Right after <see cref="ConfigureCallPlan.Target"/>, a statement.</summary>
    AfterStatement,

    /// <summary>Right before <see cref="ConfigureCallPlan.Target"/>, the first statement of a using body.</summary>
    BeforeStatement,

    /// <summary><see cref="ConfigureCallPlan.Target"/> is a member or lambda whose expression body becomes a block.</summary>
    ExpressionBody,

    /// <summary>
    /// <see cref="ConfigureCallPlan.Target"/>, the expression producing the connection, becomes
    /// <c>TcpKeepAlive.Configured(target)</c>: where no statement can follow the connect or accept.
    /// </summary>
    Wrap,
}

/// <summary>One connection to configure: where the call goes and what it passes.</summary>
internal sealed class ConfigureCallPlan
{
    public ConfigureCallPlan(InsertionKind kind, SyntaxNode target, ExpressionSyntax argument, ExpressionSyntax? returnedValue = null)
    {
        Kind = kind;
        Target = target;
        Argument = argument;
        ReturnedValue = returnedValue;
    }

    public InsertionKind Kind { get; }
    public SyntaxNode Target { get; }

    /// <summary>
    /// The expression passed to Configure: the variable, field or property holding the connection; for
    /// <see cref="InsertionKind.Wrap"/>, the target itself (a target-typed <c>new()</c> spelled with its type).
    /// </summary>
    public ExpressionSyntax Argument { get; }

    /// <summary>For an expression body that produced a value: what the new block returns.</summary>
    public ExpressionSyntax? ReturnedValue { get; }

    /// <summary>
    /// A position in the original tree whose scope holds everything the inserted call will see, so a spelling can be
    /// bound there without editing the document: inside the target statement (its block's locals, declared before or
    /// after it, and the expression variables a block built around it takes along) or inside the expression body.
    /// </summary>
    public int ScopePosition => Kind == InsertionKind.ExpressionBody && ExpressionBodies.ExpressionOf(Target) is { } body
        ? body.SpanStart
        : Target.SpanStart;

    /// <summary>The helper method the call names.</summary>
    public string MethodName => Kind == InsertionKind.Wrap ? TcpKeepAliveApi.WrapMethodName : TcpKeepAliveApi.MethodName;

    public bool IsSameInsertion(ConfigureCallPlan other) =>
        Kind == other.Kind && Target == other.Target && Argument.IsEquivalentTo(other.Argument);
}
