using System.Linq;
using KeepAliveAnalyzers.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Rules;

/// <summary>How an <c>IOControl</c> call names SIO_KEEPALIVE_VALS.</summary>
internal enum KeepAliveIoControlForm
{
    None,

    /// <summary><c>IOControlCode.KeepAliveValues</c>: the form CA1416 sees on .NET 5+ (the enum member is [SupportedOSPlatform("windows")]).</summary>
    EnumMember,

    /// <summary><c>unchecked((int)0x98000004)</c>, <c>-1744830460</c>, <c>(IOControlCode)…</c>, a constant of ours: invisible to CA1416.</summary>
    Number,
}

/// <summary>Recognises the Socket calls KA0005 looks at.</summary>
internal static class KA0005KeepAliveCalls
{
    private const int KeepAliveValues = unchecked((int)0x98000004);

    public static KeepAliveIoControlForm IoControlForm(IInvocationOperation invocation, PlatformContext context)
    {
        if (invocation.TargetMethod.Name != "IOControl" || invocation.Arguments.Length == 0 ||
            !context.Symbols.IsSocket(invocation.TargetMethod.ContainingType))
        {
            return KeepAliveIoControlForm.None;
        }

        var code = ArgumentFor(invocation, 0);
        if (code is null)
        {
            return KeepAliveIoControlForm.None;
        }

        var walked = code.WalkDownConversions();
        if (walked is IFieldReferenceOperation { Field.Name: "KeepAliveValues" } field && context.Is(field.Field.ContainingType, context.IOControlCode) ||
            IsConstantNamingTheMember(walked))
        {
            return KeepAliveIoControlForm.EnumMember;
        }

        return Int32(code) == KeepAliveValues || Int32(code.WalkDownConversions()) == KeepAliveValues
            ? KeepAliveIoControlForm.Number
            : KeepAliveIoControlForm.None;
    }

    /// <summary>
    /// <c>const IOControlCode Code = IOControlCode.KeepAliveValues;</c>: CA1416 reports the member at the constant's
    /// declaration, so a use of the constant is the enum-member form too.
    /// </summary>
    private static bool IsConstantNamingTheMember(IOperation operation)
    {
        ISymbol? constant = operation switch
        {
            IFieldReferenceOperation { Field.IsConst: true } field => field.Field,
            ILocalReferenceOperation { Local.IsConst: true } local => local.Local,
            _ => null,
        };
        if (constant is null)
        {
            return false;
        }

        foreach (var reference in constant.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var value } &&
                value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name => name.Identifier.ValueText == "KeepAliveValues"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The (level, name) constants of <c>SetSocketOption</c>/<c>SetRawSocketOption</c> on a Socket, or null.</summary>
    public static (int Level, int Name)? OptionNumbers(IInvocationOperation invocation, PlatformContext context)
    {
        if (invocation.TargetMethod.Name is not ("SetSocketOption" or "SetRawSocketOption") || invocation.Arguments.Length != 3 ||
            !context.Symbols.IsSocket(invocation.TargetMethod.ContainingType))
        {
            return null;
        }

        return Int32(ArgumentFor(invocation, 0)) is { } level && Int32(ArgumentFor(invocation, 1)) is { } name ? (level, name) : null;
    }

    /// <summary>The value passed for the parameter at <paramref name="ordinal"/> (arguments may be named and reordered).</summary>
    private static IOperation? ArgumentFor(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>A constant as the 32-bit value the OS sees (IOControlCode is a long enum; Windows truncates it).</summary>
    public static int? Int32(IOperation? operation) =>
        operation?.ConstantValue is { HasValue: true, Value: { } value } ? value switch
        {
            int number => number,
            uint number => unchecked((int)number),
            long number => unchecked((int)number),
            ulong number => unchecked((int)number),
            short number => number,
            ushort number => number,
            byte number => number,
            sbyte number => number,
            _ => null,
        } : null;
}
