using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Code;

internal static class OperationExtensions
{
    /// <summary>Strips implicit and explicit conversions and parentheses: <c>(SocketOptionName)3</c> → <c>3</c>.</summary>
    public static IOperation WalkDownConversions(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion: operation = conversion.Operand; break;
                case IParenthesizedOperation parenthesized: operation = parenthesized.Operand; break;
                default: return operation;
            }
        }
    }

    /// <summary>
    /// The operation that consumes <paramref name="value"/>'s result, skipping the ones that only pass it through
    /// (conversions, await, <c>!</c>, <c>a ?? b</c>, <c>c ? a : b</c>): the place where the value lands.
    /// </summary>
    public static IOperation ValueConsumer(this IOperation value, out IOperation carrier)
    {
        carrier = value;
        var parent = value.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation or IAwaitOperation
               or ICoalesceOperation or IConditionalOperation { IsRef: false } && IsValueBranch(parent, carrier) ||
               IsTaskPassThrough(parent, carrier))
        {
            carrier = parent!;
            parent = parent!.Parent;
        }

        return parent ?? carrier;
    }

    /// <summary><c>AcceptTcpClientAsync().ConfigureAwait(false)</c>, <c>.GetAwaiter().GetResult()</c>, <c>.Result</c>: still the same connection.</summary>
    public static bool IsTaskPassThrough(IOperation? parent, IOperation child) => parent switch
    {
        IInvocationOperation invocation => invocation.Instance == child &&
            invocation.TargetMethod.Name is "ConfigureAwait" or "WaitAsync" or "GetAwaiter" or "GetResult",
        IPropertyReferenceOperation property => property.Instance == child && property.Property.Name == "Result",
        _ => false,
    };

    private static bool IsValueBranch(IOperation? parent, IOperation child) => parent switch
    {
        IConditionalOperation conditional => conditional.WhenTrue == child || conditional.WhenFalse == child,
        _ => true,
    };

    /// <summary>
    /// The try statements whose body holds <paramref name="operation"/>, innermost first, up to the function it runs in
    /// (a lambda or local function runs later, outside those tries).
    /// </summary>
    public static IEnumerable<ITryOperation> EnclosingTries(this IOperation operation)
    {
        var child = operation;
        for (var current = operation.Parent; current is not null && current is not (IAnonymousFunctionOperation or ILocalFunctionOperation);
             child = current, current = current.Parent)
        {
            if (current is ITryOperation @try && @try.Body == child)
            {
                yield return @try;
            }
        }
    }

    /// <summary>The root of the operation tree (method body, field initializer, ...) that holds <paramref name="operation"/>.</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    public static bool IsAncestorOf(this IOperation ancestor, IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a loop encloses <paramref name="use"/> but not <paramref name="origin"/>: the use repeats for one connection.</summary>
    public static bool IsInLoopAround(this IOperation use, IOperation origin)
    {
        for (var current = use.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation && !current.IsAncestorOf(origin))
            {
                return true;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false; // a loop outside a lambda does not repeat the lambda's body for the same connection
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="use"/> sits inside a lambda or local function that <paramref name="origin"/> is not in: a capture.</summary>
    public static bool IsCapturedAwayFrom(this IOperation use, IOperation origin)
    {
        for (var current = use.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return !current.IsAncestorOf(origin);
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="write"/> runs whenever the code after it runs, seen from <paramref name="definition"/>:
    /// between them is no branch, loop, catch or lambda that could skip it. A write in an <c>else</c> the definition is
    /// not in, or under an <c>if</c>, does not replace the value for the reads that follow it.
    /// </summary>
    public static bool AlwaysReplaces(this IOperation write, IOperation definition)
    {
        for (var current = write.Parent; current is not null; current = current.Parent)
        {
            // Checked first: an if whose one branch defines and whose other branch writes is not a sequence.
            if (current is IConditionalOperation or ILoopOperation or ISwitchCaseOperation or ICatchClauseOperation
                or IAnonymousFunctionOperation or ILocalFunctionOperation or IConditionalAccessOperation or ICoalesceOperation
                or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr })
            {
                return false;
            }

            if (current.IsAncestorOf(definition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="operation"/> sits in a branch of an <c>if</c> or conditional whose condition satisfies
    /// <paramref name="condition"/>: it runs only when that condition says so.
    /// </summary>
    public static bool IsInBranchOf(this IOperation operation, Func<IOperation, bool> condition)
    {
        for (IOperation? child = operation, current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current is IConditionalOperation conditional && child != conditional.Condition && condition(conditional.Condition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="condition"/> reads a clock (Environment.TickCount, DateTime.UtcNow, Stopwatch…): code in
    /// its branches runs only while a time check passes, as when a pool keeps a connection only while it is younger than
    /// a bound, so the connection's life has a limit the program enforces.
    /// </summary>
    public static bool ReadsAClock(this IOperation condition)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            var (type, member) = operation switch
            {
                IPropertyReferenceOperation property => (property.Property.ContainingType, property.Property.Name),
                IInvocationOperation call => (call.TargetMethod.ContainingType, call.TargetMethod.Name),
                _ => (null, null),
            };
            if (member is not null && IsInSystemOrSystemDiagnostics(type) &&
                (type!.Name, member) is ("Environment", "TickCount" or "TickCount64") or ("DateTime" or "DateTimeOffset", "Now" or "UtcNow")
                    or ("Stopwatch", "GetTimestamp" or "GetElapsedTime" or "Elapsed" or "ElapsedMilliseconds" or "ElapsedTicks"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInSystemOrSystemDiagnostics(INamedTypeSymbol? type)
    {
        var ns = type?.ContainingNamespace;
        if (ns is { Name: "Diagnostics" })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };
    }
}
