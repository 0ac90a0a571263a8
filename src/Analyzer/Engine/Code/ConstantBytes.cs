using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>
/// Rebuilds the bytes handed to <c>IOControl(KeepAliveValues, …)</c> or <c>SetRawSocketOption(…)</c> when the code
/// builds them from values it fixes at compile time: <c>BitConverter.GetBytes(c)</c>, an array initializer,
/// <c>GetBytes(a).Concat(GetBytes(b))</c>, or a local array filled before the call with <c>CopyTo</c>,
/// <c>Buffer.BlockCopy</c>, <c>Array.Copy</c>, <c>BinaryPrimitives.Write…</c>, <c>BitConverter.TryWriteBytes</c> or
/// element assignments. Any other use of the local (passed elsewhere, reassigned, written conditionally or after
/// the call) makes the buffer unknown: the rules only report what the code proves.
/// </summary>
internal static class ConstantBytes
{
    private const int MaxDepth = 4;

    /// <summary>The image of <paramref name="value"/> as seen by <paramref name="consumer"/> (the call that reads it).</summary>
    public static ByteImage? TryGet(IOperation value, IOperation consumer) => Source(value, consumer, 0);

    private static ByteImage? Source(IOperation value, IOperation consumer, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (value.WalkDownConversions())
        {
            case IArrayCreationOperation creation:
                return ArrayCreation(creation);
            case ILocalReferenceOperation local:
                return LocalBuffer(local, consumer, depth);
            case IObjectCreationOperation { Type.Name: "Span" or "ReadOnlySpan", Arguments.Length: 1 } span:
                return Source(span.Arguments[0].Value, consumer, depth + 1);
            case IInvocationOperation invocation:
                return Invocation(invocation, consumer, depth);
            default:
                return null;
        }
    }

    private static ByteImage? ArrayCreation(IArrayCreationOperation creation)
    {
        if (creation.Type is not IArrayTypeSymbol { Rank: 1, ElementType: var element } || IntegerSize(element) is not { } size)
        {
            return null;
        }

        if (creation.Initializer is null)
        {
            var length = creation.DimensionSizes.Length == 1 ? ConstantEvaluator.TryGetInteger(creation.DimensionSizes[0]) : null;
            return ByteImage.Zeroed(length is { } n && n <= int.MaxValue / size ? (int)(n * size) : null);
        }

        var image = ByteImage.Zeroed(creation.Initializer.ElementValues.Length * size);
        var offset = 0;
        foreach (var value in creation.Initializer.ElementValues)
        {
            var part = ByteImage.Integer(ConstantEvaluator.TryGetInteger(value), size);
            image.Write(offset, part, 0, size);
            offset += size;
        }

        return image;
    }

    private static ByteImage? Invocation(IInvocationOperation invocation, IOperation consumer, int depth)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments;
        switch (method.Name)
        {
            case "GetBytes" when method.ContainingType.Name == "BitConverter" && arguments.Length == 1:
                return IntegerSize(method.Parameters[0].Type) is { } size
                    ? ByteImage.Integer(ConstantEvaluator.TryGetInteger(arguments[0].Value), size)
                    : null;
            case "Concat" when method.ContainingType.Name == "Enumerable" && arguments.Length == 2:
                return Source(arguments[0].Value, consumer, depth + 1) is { } first && Source(arguments[1].Value, consumer, depth + 1) is { } second
                    ? first.Concat(second)
                    : null;
            case "ToArray" when method.ContainingType.Name == "Enumerable" && arguments.Length == 1:
            case "AsSpan" when method.ContainingType.Name == "MemoryExtensions" && arguments.Length == 1:
                return Source(arguments[0].Value, consumer, depth + 1);
            default:
                return null;
        }
    }

    /// <summary>A local byte array: its initializer, then every write before <paramref name="consumer"/>.</summary>
    private static ByteImage? LocalBuffer(ILocalReferenceOperation reference, IOperation consumer, int depth)
    {
        var local = reference.Local;
        IOperation? initializer = null;
        var references = reference.Root().Descendants().ToList();
        foreach (var declarator in references.OfType<IVariableDeclaratorOperation>())
        {
            if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                initializer = declarator.GetVariableInitializer()?.Value;
            }
        }

        if (initializer is null || Source(initializer, consumer, depth + 1)?.Copy() is not { } image)
        {
            return null;
        }

        foreach (var use in references.OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(use.Local, local) || IsHarmlessRead(use, consumer))
            {
                continue;
            }

            if (use.IsWrittenTo() || !IsBeforeAndUnconditional(use, consumer) || !TryApplyWrite(use, image, consumer, depth))
            {
                return null;
            }
        }

        return image;
    }

    /// <summary>The consumer itself, another socket call that only reads the buffer, or <c>buffer.Length</c>.</summary>
    private static bool IsHarmlessRead(ILocalReferenceOperation use, IOperation consumer) =>
        consumer.IsAncestorOf(use) ||
        use.Parent is IPropertyReferenceOperation { Property.Name: "Length" } ||
        use.WalkUpConversions().Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "IOControl" or "SetRawSocketOption" } };

    /// <summary>
    /// The write runs before the consumer every time the consumer runs: earlier in the text, and no branch, loop, catch
    /// or lambda lies between it and the statement list it shares with the consumer.
    /// </summary>
    private static bool IsBeforeAndUnconditional(IOperation write, IOperation consumer)
    {
        if (write.Syntax.SpanStart >= consumer.Syntax.SpanStart)
        {
            return false;
        }

        var child = write;
        for (var current = write.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current.IsAncestorOf(consumer))
            {
                return true;
            }

            var conditional = current switch
            {
                IConditionalOperation branch => branch.Condition != child,
                IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical => logical.LeftOperand != child,
                ICoalesceOperation coalesce => coalesce.Value != child,
                IConditionalAccessOperation access => access.Operation != child,
                ILoopOperation or ISwitchOperation or ISwitchCaseOperation or ICatchClauseOperation or
                    IAnonymousFunctionOperation or ILocalFunctionOperation => true,
                _ => false,
            };
            if (conditional)
            {
                return false;
            }
        }

        return false;
    }

    private static bool TryApplyWrite(ILocalReferenceOperation use, ByteImage image, IOperation consumer, int depth)
    {
        var node = use.WalkUpConversions();
        if (node.Parent is IArrayElementReferenceOperation element && element.ArrayReference == node)
        {
            return ElementAssignment(element, image);
        }

        if (!TryGetDestinationOffset(ref node, out var offset))
        {
            return false;
        }

        if (node.Parent is not IArgumentOperation { Parent: IInvocationOperation call } destination || destination.Parameter is null)
        {
            return false;
        }

        var arguments = call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToArray();
        var method = call.TargetMethod;
        switch (method.Name)
        {
            // source.CopyTo(buffer, offset) on an array, or source.CopyTo(buffer.AsSpan(offset)) on a span.
            case "CopyTo" when destination.Parameter.Ordinal == 0 && call.Instance is { } instance:
                var extra = arguments.Length == 2 ? ConstantEvaluator.TryGetInteger(arguments[1].Value) : 0;
                return extra is { } index && Source(instance, consumer, depth + 1) is { Length: { } length } source &&
                       Apply(image, offset + index, source, 0, length);

            // Buffer.BlockCopy(src, srcOffset, dst, dstOffset, count): offsets in bytes.
            case "BlockCopy" when method.ContainingType.Name == "Buffer" && destination.Parameter.Ordinal == 2 && arguments.Length == 5:
                return Copy(image, offset, arguments[0].Value, arguments[1].Value, arguments[3].Value, arguments[4].Value, consumer, depth);

            // Array.Copy(src, srcIndex, dst, dstIndex, length) and Array.Copy(src, dst, length), for byte arrays only.
            case "Copy" when method.ContainingType.SpecialType == SpecialType.System_Array && IsByteArray(arguments[0].Value):
                return arguments.Length == 5 && destination.Parameter.Ordinal == 2
                    ? Copy(image, offset, arguments[0].Value, arguments[1].Value, arguments[3].Value, arguments[4].Value, consumer, depth)
                    : arguments.Length == 3 && destination.Parameter.Ordinal == 1 &&
                      Copy(image, offset, arguments[0].Value, null, null, arguments[2].Value, consumer, depth);

            // BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(offset), value), BitConverter.TryWriteBytes(…).
            case var name when destination.Parameter.Ordinal == 0 && arguments.Length == 2 && WriteOrder(method, name) is { } bigEndian:
                return IntegerSize(method.Parameters[1].Type) is { } size &&
                       Apply(image, offset, ByteImage.Integer(ConstantEvaluator.TryGetInteger(arguments[1].Value), size, bigEndian), 0, size);

            default:
                return false;
        }
    }

    /// <summary>buffer → 0; buffer.AsSpan(n) / buffer.AsSpan(n, m) / new Span&lt;byte&gt;(buffer, n, m) → n. Moves <paramref name="node"/> to the span.</summary>
    private static bool TryGetDestinationOffset(ref IOperation node, out int offset)
    {
        offset = 0;
        if (node.Parent is not IArgumentOperation { Parameter.Ordinal: 0 } argument)
        {
            return true;
        }

        long? start = argument.Parent switch
        {
            IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory" } asSpan => asSpan.Arguments.Length >= 2 ? ConstantEvaluator.TryGetInteger(asSpan.Arguments[1].Value) : 0,
            IObjectCreationOperation { Type.Name: "Span" or "ReadOnlySpan" } span => span.Arguments.Length >= 2 ? ConstantEvaluator.TryGetInteger(span.Arguments[1].Value) : 0,
            _ => -1, // the buffer is itself the argument of the write call
        };
        if (start == -1)
        {
            return true;
        }

        if (start is not { } value || value < 0 || value > 1 << 20)
        {
            return false;
        }

        offset = (int)value;
        node = argument.Parent!.WalkUpConversions();
        return true;
    }

    private static bool ElementAssignment(IArrayElementReferenceOperation element, ByteImage image)
    {
        if (element.Parent is not ISimpleAssignmentOperation assignment || assignment.Target != element || element.Indices.Length != 1 ||
            ConstantEvaluator.TryGetInteger(element.Indices[0]) is not { } index || index is < 0 or > 1 << 20)
        {
            return false;
        }

        return Apply(image, (int)index, ByteImage.Integer(ConstantEvaluator.TryGetInteger(assignment.Value), 1), 0, 1);
    }

    private static bool Copy(ByteImage image, int offset, IOperation source, IOperation? sourceOffset, IOperation? destinationOffset, IOperation count, IOperation consumer, int depth)
    {
        var from = sourceOffset is null ? 0 : ConstantEvaluator.TryGetInteger(sourceOffset);
        var to = destinationOffset is null ? 0 : ConstantEvaluator.TryGetInteger(destinationOffset);
        var length = ConstantEvaluator.TryGetInteger(count);
        return from is { } f && to is { } t && length is { } n && t <= 1 << 20 && Source(source, consumer, depth + 1) is { } image1 &&
               Apply(image, offset + (int)t, image1, (int)f, (int)n);
    }

    private static bool Apply(ByteImage image, long offset, ByteImage source, int sourceOffset, long count)
    {
        if (offset < 0 || count < 0 || count > 1 << 16 || sourceOffset < 0)
        {
            return false;
        }

        image.Write((int)offset, source, sourceOffset, (int)count);
        return true;
    }

    /// <summary>false for little-endian writers, true for big-endian ones, null when the method writes no integer.</summary>
    private static bool? WriteOrder(IMethodSymbol method, string name) => method.ContainingType.Name switch
    {
        "BinaryPrimitives" when name.StartsWith("Write", System.StringComparison.Ordinal) && name.EndsWith("LittleEndian", System.StringComparison.Ordinal) => false,
        "BinaryPrimitives" when name.StartsWith("Write", System.StringComparison.Ordinal) && name.EndsWith("BigEndian", System.StringComparison.Ordinal) => true,
        "BitConverter" when name == "TryWriteBytes" => false, // every platform .NET runs keepalive code on is little-endian
        _ => null,
    };

    private static bool IsByteArray(IOperation operation) =>
        operation.WalkDownConversions().Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte };

    private static int? IntegerSize(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Byte or SpecialType.System_SByte => 1,
        SpecialType.System_Int16 or SpecialType.System_UInt16 => 2,
        SpecialType.System_Int32 or SpecialType.System_UInt32 => 4,
        SpecialType.System_Int64 or SpecialType.System_UInt64 => 8,
        _ => null,
    };

    /// <summary>The outermost conversion or parenthesis around <paramref name="operation"/> (the node an argument holds).</summary>
    private static IOperation WalkUpConversions(this IOperation operation)
    {
        while (operation.Parent is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
