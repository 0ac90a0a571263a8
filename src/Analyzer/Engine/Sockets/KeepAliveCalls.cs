using System;
using KeepAliveAnalyzers.Engine.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Sockets;

/// <summary>What a call does to a socket's dead-peer detection, whatever the connection's life.</summary>
[Flags]
internal enum KeepAliveEffect
{
    None = 0,

    /// <summary>SO_KEEPALIVE on: probes run, with the OS timings unless <see cref="SetsTimings"/>.</summary>
    Enables = 1 << 0,

    /// <summary>Idle, interval or probe count set.</summary>
    SetsTimings = 1 << 1,

    /// <summary>A user timeout (TCP_USER_TIMEOUT, TCP_MAXRT, TCP_RXT_CONNDROPTIME, TCP_MAXUNACKTIME).</summary>
    SetsUserTimeout = 1 << 2,

    /// <summary>
    /// The call configures only on Windows, wherever it runs: <c>IOControl(KeepAliveValues)</c> throws
    /// PlatformNotSupportedException on Linux and macOS (docs/socket-options.md §2.3), so they keep the OS defaults.
    /// </summary>
    OnlyOnWindows = 1 << 3,

    /// <summary>Our helper, or a method the team declared as its own configuration: everything.</summary>
    Full = Enables | SetsTimings | SetsUserTimeout,
}

/// <summary>Recognises the calls that give a socket dead-peer detection, and how much of it.</summary>
internal static class KeepAliveCalls
{
    // Linux's SOL_SOCKET level and its SO_KEEPALIVE, as SetRawSocketOption(1, 9, …) writes them (docs/socket-options.md §1.1).
    private const int LinuxSolSocket = 1, LinuxSoKeepAlive = 9;

    /// <summary>
    /// What <paramref name="invocation"/> does to the connection it targets: the receiver for Socket methods, the
    /// first connection argument for our helper and the team's configuration methods.
    /// </summary>
    public static KeepAliveEffect EffectOf(IInvocationOperation invocation, SocketsContext sockets)
    {
        var method = invocation.TargetMethod;
        if (sockets.Symbols.IsSocket(method.ContainingType))
        {
            return SocketOptionCall.TryCreate(invocation, sockets.Symbols.Socket) is { } call ? EffectOf(call) : KeepAliveEffect.None;
        }

        return IsOurHelper(method, sockets.Symbols) || sockets.ConfigurationMethods.Contains(method.OriginalDefinition)
            ? KeepAliveEffect.Full
            : KeepAliveEffect.None;
    }

    private static bool IsOurHelper(IMethodSymbol method, KnownSymbols symbols) =>
        method.Name is "Configure" or "Configured" or "ConfigureTcpKeepAlive" &&
        (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.TcpKeepAlive) ||
         SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.TcpKeepAliveExtensions));

    private static KeepAliveEffect EffectOf(SocketOptionCall call) => call.Kind switch
    {
        SocketOptionCallKind.SetRaw => (call.Level, call.Name) switch
        {
            (LinuxSolSocket, LinuxSoKeepAlive) => KeepAliveEffect.Enables,
            (SocketOptionCall.LevelTcp, { } name) when TcpOptionNumbers.IsUserTimeout(unchecked((int)name)) => KeepAliveEffect.SetsUserTimeout,
            (SocketOptionCall.LevelTcp, { } name) when TcpOptionNumbers.IsKeepAliveTiming(unchecked((int)name)) => KeepAliveEffect.SetsTimings,
            _ => KeepAliveEffect.None,
        },
        // The struct's onoff field turns keepalive on; only Winsock implements the call.
        SocketOptionCallKind.KeepAliveValues => KeepAliveEffect.Enables | KeepAliveEffect.SetsTimings | KeepAliveEffect.OnlyOnWindows,
        _ => (call.Level, call.Name) switch
        {
            (SocketOptionCall.LevelSocket, SocketOptionCall.KeepAlive) => IsOff(call.ValueArgument.Value) ? KeepAliveEffect.None : KeepAliveEffect.Enables,
            (SocketOptionCall.LevelTcp, SocketOptionCall.TcpKeepAliveTime or SocketOptionCall.TcpKeepAliveInterval or SocketOptionCall.TcpKeepAliveRetryCount) =>
                KeepAliveEffect.SetsTimings,
            (SocketOptionCall.LevelTcp, SocketOptionCall.WindowsMaxRetransmitSeconds or SocketOptionCall.WindowsMaxRetransmitMilliseconds) =>
                KeepAliveEffect.SetsUserTimeout,
            _ => KeepAliveEffect.None,
        },
    };

    private static bool IsOff(IOperation value) =>
        value.WalkDownConversions().ConstantValue is { HasValue: true } constant &&
        constant.Value is false or 0;
}
