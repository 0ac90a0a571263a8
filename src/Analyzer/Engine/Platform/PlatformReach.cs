using System;
using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Platform;

/// <summary>
/// Where a piece of code can run: the platform checks around it (an <c>if</c>, <c>&amp;&amp;</c>, <c>?:</c>, an early
/// <c>return</c> or <c>throw</c> before it), <c>[SupportedOSPlatform]</c>/<c>[UnsupportedOSPlatform]</c> on the method,
/// its types or the assembly, the project's target (<c>-windows</c>, .NET Framework), and optionally the calls of its
/// method: a helper that every in-source caller calls only on Windows runs only on Windows.
/// </summary>
internal static class PlatformReach
{
    public static OsFamily WhereItRuns(IOperation operation, ISymbol? containingSymbol, PlatformContext context, int callerDepth, CancellationToken cancellationToken) =>
        WhereItRuns(operation, containingSymbol, context, callerDepth, narrowingMatters: null, cancellationToken);

    /// <summary>
    /// As above, but the callers (which can only narrow the answer) are searched only when
    /// <paramref name="narrowingMatters"/> says the answer from the method itself would still lead to a report:
    /// most calls are settled by their own checks, and the caller search is the expensive part.
    /// </summary>
    public static OsFamily WhereItRuns(
        IOperation operation, ISymbol? containingSymbol, PlatformContext context, int callerDepth, Func<OsFamily, bool>? narrowingMatters, CancellationToken cancellationToken)
    {
        var where = context.Target.Families & Guards(operation, context, cancellationToken) & Attributes(containingSymbol);
        if (where == OsFamily.None || callerDepth <= 0 || narrowingMatters?.Invoke(where) == false ||
            IsInsideFunction(operation) || containingSymbol is not IMethodSymbol method)
        {
            return where;
        }

        var calls = CallsOf(method, context, cancellationToken);
        if (!calls.IsComplete || calls.Invocations.IsEmpty)
        {
            return where;
        }

        var callers = OsFamily.None;
        foreach (var call in calls.Invocations)
        {
            var model = call.SemanticModel ?? context.Code.GetSemanticModel(call.Syntax.SyntaxTree);
            var caller = model.GetEnclosingSymbol(call.Syntax.SpanStart, cancellationToken);
            callers |= WhereItRuns(call, caller, context, callerDepth - 1, cancellationToken);
            if ((callers & where) == where)
            {
                break; // the callers cannot narrow it any more
            }
        }

        return where & callers;
    }

    /// <summary>The in-source calls of <paramref name="method"/>, searched once per compilation.</summary>
    public static CallSites CallsOf(IMethodSymbol method, PlatformContext context, CancellationToken cancellationToken) =>
        context.GetCallSites(method, cancellationToken);

    /// <summary>The platform checks in the operation tree around <paramref name="operation"/> within its body.</summary>
    public static OsFamily Guards(IOperation operation, PlatformContext context, CancellationToken cancellationToken)
    {
        var where = OsFamily.All;
        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IConditionalOperation conditional when conditional.Condition != child:
                    var condition = OsConditionEvaluator.Evaluate(conditional.Condition, context, cancellationToken);
                    where &= conditional.WhenTrue == child ? condition.WhenTrue : condition.WhenFalse;
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction when conjunction.RightOperand == child:
                    where &= OsConditionEvaluator.Evaluate(conjunction.LeftOperand, context, cancellationToken).WhenTrue;
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction when disjunction.RightOperand == child:
                    where &= OsConditionEvaluator.Evaluate(disjunction.LeftOperand, context, cancellationToken).WhenFalse;
                    break;
                case IBlockOperation block:
                    where &= AfterEarlyExits(block, child, context, cancellationToken);
                    break;
                case ISwitchCaseOperation section when section.Parent is ISwitchOperation @switch:
                    where &= OsConditionEvaluator.SwitchSection(@switch.Value, section, context, cancellationToken).WhenTrue;
                    break;
            }
        }

        return where;
    }

    /// <summary><c>if (!OperatingSystem.IsWindows()) return;</c> before the statement: what follows runs only when the check was false.</summary>
    private static OsFamily AfterEarlyExits(IBlockOperation block, IOperation statement, PlatformContext context, CancellationToken cancellationToken)
    {
        var where = OsFamily.All;
        foreach (var previous in block.Operations)
        {
            if (previous == statement)
            {
                break;
            }

            if (previous is IConditionalOperation { WhenFalse: null } conditional && AlwaysExits(conditional.WhenTrue))
            {
                where &= OsConditionEvaluator.Evaluate(conditional.Condition, context, cancellationToken).WhenFalse;
            }
        }

        return where;
    }

    private static bool AlwaysExits(IOperation? operation) => operation switch
    {
        IReturnOperation or IBranchOperation or IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: > 0 } block => AlwaysExits(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    /// <summary>[SupportedOSPlatform]/[UnsupportedOSPlatform] on the symbol, its containing symbols and its assembly (matched by name, so polyfills count).</summary>
    public static OsFamily Attributes(ISymbol? symbol)
    {
        var where = OsFamily.All;
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            where &= Declared(current);
        }

        return symbol?.ContainingAssembly is { } assembly ? where & Declared(assembly) : where;
    }

    private static OsFamily Declared(ISymbol symbol)
    {
        var supported = OsFamily.None;
        var unsupported = OsFamily.None;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not string platform)
            {
                continue;
            }

            switch (attribute.AttributeClass?.Name)
            {
                case "SupportedOSPlatformAttribute":
                    supported |= OsFamilies.FromPlatformName(platform);
                    break;
                case "UnsupportedOSPlatformAttribute":
                    unsupported |= OsFamilies.FromPlatformName(platform);
                    break;
            }
        }

        return (supported == OsFamily.None ? OsFamily.All : supported) & ~unsupported;
    }

    public static bool IsInsideFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }
}
