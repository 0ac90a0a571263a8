using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>
/// Numbers the code fixes at compile time without being C# constants: <c>30 * 1000</c>, a local assigned once from a
/// constant, <c>(int)TimeSpan.FromSeconds(30).TotalMilliseconds</c>, <c>Marshal.SizeOf(typeof(uint))</c>. Anything
/// it cannot prove (a parameter, a field, a local written twice, a method call) is "unknown", never a guess.
/// </summary>
internal static class ConstantEvaluator
{
    private const int MaxDepth = 6;

    /// <summary>The integral value of <paramref name="operation"/>, when it is proven and fits in a long.</summary>
    public static long? TryGetInteger(IOperation? operation) =>
        operation is not null && TryGetNumber(operation, 0) is { } value && value == Math.Floor(value) && Math.Abs(value) < 9e18
            ? (long)value
            : null;

    /// <summary>The value of a <see cref="TimeSpan"/>-typed expression in seconds (<c>TimeSpan.FromSeconds(30)</c> → 30).</summary>
    public static double? TryGetTimeSpanSeconds(IOperation? operation) =>
        operation is null ? null : TimeSpanSeconds(operation, 0);

    private static double? TryGetNumber(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (operation.ConstantValue is { HasValue: true, Value: { } constant })
        {
            return AsDouble(constant);
        }

        return operation switch
        {
            IConversionOperation conversion => Convert(TryGetNumber(conversion.Operand, depth + 1), conversion.Type),
            IParenthesizedOperation parenthesized => TryGetNumber(parenthesized.Operand, depth + 1),
            IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus => -TryGetNumber(minus.Operand, depth + 1),
            IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus } plus => TryGetNumber(plus.Operand, depth + 1),
            IBinaryOperation binary => Binary(binary, depth),
            ILocalReferenceOperation local => SingleAssignmentInitializer(local) is { } initializer ? TryGetNumber(initializer, depth + 1) : null,
            IPropertyReferenceOperation { Property.ContainingType.Name: "TimeSpan" } property => TimeSpanProperty(property, depth),
            IInvocationOperation invocation => SizeOfUInt32(invocation),
            _ => null,
        };
    }

    private static double? AsDouble(object constant) => constant switch
    {
        int v => v,
        uint v => v,
        long v => v,
        ulong v => v,
        short v => v,
        ushort v => v,
        byte v => v,
        sbyte v => v,
        double v => v,
        float v => v,
        decimal v => (double)v,
        _ => null,
    };

    /// <summary>A C# cast: to an integral type it truncates toward zero, and a value that does not fit is unknown.</summary>
    private static double? Convert(double? value, ITypeSymbol? type)
    {
        if (value is not { } v || type is null)
        {
            return null;
        }

        if (IntegralRange(type.SpecialType) is not var (min, max))
        {
            return type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal ? v : null;
        }

        var truncated = Math.Truncate(v);
        return truncated < min || truncated > max ? null : truncated;
    }

    private static (double Min, double Max)? IntegralRange(SpecialType type) => type switch
    {
        SpecialType.System_Int32 => (int.MinValue, int.MaxValue),
        SpecialType.System_UInt32 => (0, uint.MaxValue),
        SpecialType.System_Int64 => (long.MinValue, long.MaxValue),
        SpecialType.System_UInt64 => (0, ulong.MaxValue),
        SpecialType.System_Int16 => (short.MinValue, short.MaxValue),
        SpecialType.System_UInt16 => (0, ushort.MaxValue),
        SpecialType.System_Byte => (0, byte.MaxValue),
        SpecialType.System_SByte => (sbyte.MinValue, sbyte.MaxValue),
        _ => null,
    };

    private static double? Binary(IBinaryOperation binary, int depth)
    {
        if (TryGetNumber(binary.LeftOperand, depth + 1) is not { } left || TryGetNumber(binary.RightOperand, depth + 1) is not { } right)
        {
            return null;
        }

        var integral = binary.Type is { } type && IntegralRange(type.SpecialType) is not null;
        return binary.OperatorKind switch
        {
            BinaryOperatorKind.Add => left + right,
            BinaryOperatorKind.Subtract => left - right,
            BinaryOperatorKind.Multiply => left * right,
            BinaryOperatorKind.Divide when right != 0 => integral ? Math.Truncate(left / right) : left / right,
            _ => null,
        };
    }

    /// <summary><c>TimeSpan.FromSeconds(30).TotalMilliseconds</c> → 30000.</summary>
    private static double? TimeSpanProperty(IPropertyReferenceOperation property, int depth)
    {
        if (property.Instance is null || TimeSpanSeconds(property.Instance, depth + 1) is not { } seconds)
        {
            return null;
        }

        return property.Property.Name switch
        {
            "TotalMilliseconds" => seconds * 1000,
            "TotalSeconds" => seconds,
            "TotalMinutes" => seconds / 60,
            "TotalHours" => seconds / 3600,
            _ => null,
        };
    }

    /// <summary>Marshal.SizeOf(typeof(uint)), Marshal.SizeOf(new uint()), Marshal.SizeOf&lt;int&gt;(): 4, the size of a tcp_keepalive field.</summary>
    private static double? SizeOfUInt32(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name != "SizeOf" || method.ContainingType?.Name != "Marshal")
        {
            return null;
        }

        var type = method.IsGenericMethod ? method.TypeArguments[0]
            : invocation.Arguments.FirstOrDefault()?.Value.WalkDownConversions() switch
            {
                ITypeOfOperation typeOf => typeOf.TypeOperand,
                { Type: { } argumentType } => argumentType,
                _ => null,
            };
        return type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32 ? 4 : null;
    }

    private static double? TimeSpanSeconds(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return TimeSpanSeconds(conversion.Operand, depth + 1);
            case IParenthesizedOperation parenthesized:
                return TimeSpanSeconds(parenthesized.Operand, depth + 1);
            case ILocalReferenceOperation local:
                return SingleAssignmentInitializer(local) is { } initializer ? TimeSpanSeconds(initializer, depth + 1) : null;
            case IFieldReferenceOperation { Field: { Name: "Zero", ContainingType.Name: "TimeSpan" } }:
                return 0;
            case IInvocationOperation { TargetMethod.ContainingType.Name: "TimeSpan", Arguments.Length: 1 } invocation:
                var scale = invocation.TargetMethod.Name switch
                {
                    "FromMilliseconds" => 0.001,
                    "FromSeconds" => 1,
                    "FromMinutes" => 60,
                    "FromHours" => 3600,
                    "FromDays" => 86400,
                    _ => (double?)null,
                };
                return scale is { } s && TryGetNumber(invocation.Arguments[0].Value, depth + 1) is { } amount ? amount * s : null;
            case IObjectCreationOperation { Type.Name: "TimeSpan" } creation:
                return TimeSpanConstructor(creation, depth);
            default:
                return null;
        }
    }

    /// <summary><c>new TimeSpan(h, m, s)</c>, <c>new TimeSpan(d, h, m, s)</c>, <c>new TimeSpan(d, h, m, s, ms)</c>.</summary>
    private static double? TimeSpanConstructor(IObjectCreationOperation creation, int depth)
    {
        var values = creation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => TryGetNumber(a.Value, depth + 1)).ToArray();
        if (values.Any(v => v is null))
        {
            return null;
        }

        return values.Length switch
        {
            3 => values[0]!.Value * 3600 + values[1]!.Value * 60 + values[2]!.Value,
            4 => values[0]!.Value * 86400 + values[1]!.Value * 3600 + values[2]!.Value * 60 + values[3]!.Value,
            5 => values[0]!.Value * 86400 + values[1]!.Value * 3600 + values[2]!.Value * 60 + values[3]!.Value + values[4]!.Value / 1000,
            _ => null,
        };
    }

    /// <summary>The initializer of a local that is never written again in its method, else null.</summary>
    public static IOperation? SingleAssignmentInitializer(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.IsRef)
        {
            return null;
        }

        IOperation? initializer = null;
        foreach (var operation in reference.Root().Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    initializer = declarator.GetVariableInitializer()?.Value;
                    if (initializer is null)
                    {
                        return null;
                    }

                    break;
                case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, local) && other.IsWrittenTo():
                    return null;
            }
        }

        return initializer;
    }
}
