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
    private static bool IsTaskPassThrough(IOperation? parent, IOperation child) => parent switch
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
}
