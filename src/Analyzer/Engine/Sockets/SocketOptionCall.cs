using KeepAliveAnalyzers.Engine.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Sockets;

/// <summary>Which Socket method sets the option, and so how its value argument is to be read.</summary>
internal enum SocketOptionCallKind
{
    /// <summary><c>SetSocketOption(level, name, int)</c>.</summary>
    SetInt,

    /// <summary><c>SetSocketOption(level, name, bool)</c>: passes 1 or 0.</summary>
    SetBool,

    /// <summary><c>SetSocketOption(level, name, byte[])</c> or <c>(level, name, object)</c>: a value the checks do not read.</summary>
    SetOther,

    /// <summary><c>SetRawSocketOption(level, name, bytes)</c>: the OS's own numbers, unchecked by .NET.</summary>
    SetRaw,

    /// <summary><c>IOControl(IOControlCode.KeepAliveValues, bytes, …)</c>: Windows' <c>SIO_KEEPALIVE_VALS</c>.</summary>
    KeepAliveValues,
}

/// <summary>
/// One call that sets a socket option, with its level and option number when they are constants: the one place that
/// reads these calls, by parameter (arguments may be named and written in any order). Numbers are kept as numbers
/// (<c>SocketOptionName</c> values are the Windows ones: see docs/socket-options.md §2.1); the member name is kept
/// too when the code wrote it by name, because only then is the intent (say, "the keepalive time") certain where one
/// number means several options.
/// </summary>
internal readonly struct SocketOptionCall
{
    public const int LevelIP = 0, LevelTcp = 6, LevelUdp = 17, LevelIPv6 = 41, LevelSocket = 0xffff;
    public const int KeepAlive = 8, TcpKeepAliveTime = 3, TcpKeepAliveInterval = 17, TcpKeepAliveRetryCount = 16;
    public const int WindowsMaxRetransmitSeconds = 5, WindowsMaxRetransmitMilliseconds = 14, LinuxUserTimeout = 18;

    /// <summary>Windows' <c>SIO_KEEPALIVE_VALS</c>, the code <c>IOControlCode.KeepAliveValues</c> stands for.</summary>
    public const uint KeepAliveValuesCode = 0x98000004;

    private SocketOptionCall(IInvocationOperation invocation, SocketOptionCallKind kind, IArgumentOperation? level, IArgumentOperation? name, IArgumentOperation value)
    {
        Invocation = invocation;
        Kind = kind;
        LevelArgument = level;
        NameArgument = name;
        ValueArgument = value;
        Level = level is null ? null : ConstantEvaluator.TryGetInteger(level.Value);
        Name = name is null ? null : ConstantEvaluator.TryGetInteger(name.Value);
        NamedMember = name?.Value.WalkDownConversions() is IFieldReferenceOperation { Field: { ContainingType.Name: "SocketOptionName", IsConst: true } field }
            ? field.Name
            : null;
    }

    public IInvocationOperation Invocation { get; }
    public SocketOptionCallKind Kind { get; }
    public IArgumentOperation? LevelArgument { get; }
    public IArgumentOperation? NameArgument { get; }

    /// <summary>The option's value; for <see cref="SocketOptionCallKind.KeepAliveValues"/> the input buffer.</summary>
    public IArgumentOperation ValueArgument { get; }

    /// <summary>The level as a number when constant (<c>SocketOptionLevel.Tcp</c> and <c>(SocketOptionLevel)6</c> are both 6).</summary>
    public long? Level { get; }

    /// <summary>The option as a number when constant.</summary>
    public long? Name { get; }

    /// <summary>The <c>SocketOptionName</c> member the code names (<c>"TcpKeepAliveTime"</c>), or null for a cast or a constant of its own.</summary>
    public string? NamedMember { get; }

    public bool IsTcpLevel(int name) => Level == LevelTcp && Name == name;

    /// <summary>
    /// Recognises <c>Socket.SetSocketOption</c> (every three-argument overload), <c>SetRawSocketOption</c> and
    /// <c>IOControl(KeepAliveValues)</c> on <paramref name="socket"/>.
    /// </summary>
    public static SocketOptionCall? TryCreate(IInvocationOperation invocation, INamedTypeSymbol? socket)
    {
        // The name first: one string comparison rules out almost every invocation before any symbol comparison.
        var method = invocation.TargetMethod;
        if (method.Name is not ("SetSocketOption" or "SetRawSocketOption" or "IOControl") || method.Parameters.Length != 3 ||
            socket is null || !SymbolEqualityComparer.Default.Equals(method.ContainingType, socket))
        {
            return null;
        }

        if (Argument(invocation, 0) is not { } first || Argument(invocation, 1) is not { } second || Argument(invocation, 2) is not { } third)
        {
            return null;
        }

        return method.Name switch
        {
            "SetSocketOption" => new SocketOptionCall(invocation, method.Parameters[2].Type.SpecialType switch
            {
                SpecialType.System_Int32 => SocketOptionCallKind.SetInt,
                SpecialType.System_Boolean => SocketOptionCallKind.SetBool,
                _ => SocketOptionCallKind.SetOther,
            }, first, second, third),
            "SetRawSocketOption" => new SocketOptionCall(invocation, SocketOptionCallKind.SetRaw, first, second, third),
            _ when ConstantEvaluator.TryGetInteger(first.Value) is { } code && unchecked((uint)code) == KeepAliveValuesCode =>
                new SocketOptionCall(invocation, SocketOptionCallKind.KeepAliveValues, level: null, name: first, second),
            _ => null,
        };
    }

    /// <summary>The argument passed for the parameter at <paramref name="ordinal"/>, wherever it is written.</summary>
    private static IArgumentOperation? Argument(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>
    /// For <see cref="SocketOptionCallKind.KeepAliveValues"/>: the code is written as the enum member
    /// <c>IOControlCode.KeepAliveValues</c> (or a constant initialised from it), the form CA1416 sees on .NET 5+, not as
    /// a number (<c>unchecked((int)0x98000004)</c>, <c>(IOControlCode)…</c>), which no other analyzer sees.
    /// </summary>
    public bool NamesKeepAliveValuesMember(INamedTypeSymbol? ioControlCode)
    {
        if (Kind != SocketOptionCallKind.KeepAliveValues || NameArgument?.Value.WalkDownConversions() is not { } code)
        {
            return false;
        }

        // var code = IOControlCode.KeepAliveValues; IOControl(code, …): CA1416 reports the member where it is written.
        if (code is ILocalReferenceOperation local && ConstantEvaluator.SingleAssignmentInitializer(local) is { } initializer)
        {
            code = initializer.WalkDownConversions();
        }

        return code is IFieldReferenceOperation { Field.Name: "KeepAliveValues" } field && ioControlCode is not null &&
               SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, ioControlCode) || IsConstantNamingTheMember(code);
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
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var value })
            {
                foreach (var name in value.DescendantNodesAndSelf())
                {
                    if (name is IdentifierNameSyntax { Identifier.ValueText: "KeepAliveValues" })
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
