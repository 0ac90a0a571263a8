using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine;

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
    /// True when <paramref name="operation"/> runs only on Windows: it sits in the true branch of an <c>if</c> whose
    /// condition asks for Windows (<c>OperatingSystem.IsWindows()</c>, <c>RuntimeInformation.IsOSPlatform(OSPlatform.Windows)</c>,
    /// <c>PlatformID.Win32NT</c>, a team's own <c>IsRunningOnWindows()</c>), or in the false branch of its negation.
    /// </summary>
    public static bool IsUnderWindowsGuard(this IOperation operation)
    {
        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current is IConditionalOperation conditional && conditional.Condition != child)
            {
                if (MentionsWindows(conditional.Condition) && (conditional.WhenTrue == child) != IsNegated(conditional.Condition))
                {
                    return true;
                }
            }
            else if (current is IBlockOperation block && FollowsNotWindowsExit(block, child))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>if (!OperatingSystem.IsWindows()) return;</c> (or throw) earlier in the block: the rest runs only on Windows.</summary>
    private static bool FollowsNotWindowsExit(IBlockOperation block, IOperation statement)
    {
        foreach (var earlier in block.Operations)
        {
            if (earlier == statement)
            {
                return false;
            }

            if (earlier is IConditionalOperation { WhenFalse: null } conditional && IsNegated(conditional.Condition) &&
                MentionsWindows(conditional.Condition) && AlwaysExits(conditional.WhenTrue))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNegated(IOperation condition) =>
        condition.WalkDownConversions() is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not };

    private static bool AlwaysExits(IOperation branch) => branch switch
    {
        IReturnOperation or IThrowOperation or IBranchOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: > 0 } block => AlwaysExits(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    private static bool MentionsWindows(IOperation condition)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            var name = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod.Name,
                IPropertyReferenceOperation property => property.Property.Name,
                IFieldReferenceOperation field => field.Field.Name,
                _ => null,
            };
            if (name is not null && (name.IndexOf("Windows", System.StringComparison.Ordinal) >= 0 || name == "Win32NT"))
            {
                return true;
            }
        }

        return false;
    }
}
