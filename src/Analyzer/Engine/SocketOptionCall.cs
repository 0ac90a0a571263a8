using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine;

/// <summary>Which Socket method sets the option, and so how its value argument is to be read.</summary>
internal enum SocketOptionCallKind
{
    /// <summary><c>SetSocketOption(level, name, int)</c>.</summary>
    SetInt,

    /// <summary><c>SetSocketOption(level, name, bool)</c>: passes 1 or 0.</summary>
    SetBool,

    /// <summary><c>SetRawSocketOption(level, name, bytes)</c>: the OS's own numbers, unchecked by .NET.</summary>
    SetRaw,

    /// <summary><c>IOControl(IOControlCode.KeepAliveValues, bytes, …)</c>: Windows' <c>SIO_KEEPALIVE_VALS</c>.</summary>
    KeepAliveValues,
}

/// <summary>
/// One call that sets a socket option, with its level and option number when they are constants. Numbers are kept
/// as numbers (<c>SocketOptionName</c> values are the Windows ones: see docs/socket-options.md §2.1); the member
/// name is kept too when the code wrote it by name, because only then is the intent (say, "the keepalive time")
/// certain where one number means several options.
/// </summary>
internal readonly struct SocketOptionCall
{
    public const int LevelIP = 0, LevelTcp = 6, LevelUdp = 17, LevelIPv6 = 41, LevelSocket = 0xffff;
    public const int KeepAlive = 8, TcpKeepAliveTime = 3, TcpKeepAliveInterval = 17, TcpKeepAliveRetryCount = 16;
    public const int WindowsMaxRetransmitSeconds = 5, WindowsMaxRetransmitMilliseconds = 14, LinuxUserTimeout = 18;
    private const uint KeepAliveValuesCode = 0x98000004;

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
    public IArgumentOperation ValueArgument { get; }

    /// <summary>The level as a number when constant (<c>SocketOptionLevel.Tcp</c> and <c>(SocketOptionLevel)6</c> are both 6).</summary>
    public long? Level { get; }

    /// <summary>The option as a number when constant.</summary>
    public long? Name { get; }

    /// <summary>The <c>SocketOptionName</c> member the code names (<c>"TcpKeepAliveTime"</c>), or null for a cast or a constant of its own.</summary>
    public string? NamedMember { get; }

    public bool IsTcpLevel(int name) => Level == LevelTcp && Name == name;

    /// <summary>Recognises <c>Socket.SetSocketOption</c> (int and bool overloads), <c>SetRawSocketOption</c> and <c>IOControl(KeepAliveValues)</c>.</summary>
    public static SocketOptionCall? TryCreate(IInvocationOperation invocation, INamedTypeSymbol? socket)
    {
        // The name first: one string comparison rules out almost every invocation before any symbol comparison.
        var method = invocation.TargetMethod;
        if (method.Name is not ("SetSocketOption" or "SetRawSocketOption" or "IOControl") || method.Parameters.Length != 3 ||
            socket is null || !SymbolEqualityComparer.Default.Equals(method.ContainingType, socket))
        {
            return null;
        }

        var arguments = invocation.Arguments;
        IArgumentOperation? Argument(int ordinal) => arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal);
        if (Argument(0) is not { } first || Argument(1) is not { } second || Argument(2) is not { } third)
        {
            return null;
        }

        switch (method.Name)
        {
            case "SetSocketOption" when method.Parameters[2].Type.SpecialType == SpecialType.System_Int32:
                return new SocketOptionCall(invocation, SocketOptionCallKind.SetInt, first, second, third);
            case "SetSocketOption" when method.Parameters[2].Type.SpecialType == SpecialType.System_Boolean:
                return new SocketOptionCall(invocation, SocketOptionCallKind.SetBool, first, second, third);
            case "SetRawSocketOption":
                return new SocketOptionCall(invocation, SocketOptionCallKind.SetRaw, first, second, third);
            case "IOControl" when ConstantEvaluator.TryGetInteger(first.Value) is { } code && unchecked((uint)code) == KeepAliveValuesCode:
                return new SocketOptionCall(invocation, SocketOptionCallKind.KeepAliveValues, level: null, name: null, second);
            default:
                return null;
        }
    }
}
