using System;
using System.Buffers.Binary;
using System.Net.Sockets;

namespace KeepAlive;

/// <summary>Applies validated settings through a sink, choosing options per OS. Generic over the sink so the real (struct) sink is never boxed.</summary>
internal static class KeepAliveApplier
{
    internal const int TcpLevel = 6; // IPPROTO_TCP on every supported OS
    internal const int LinuxTcpUserTimeout = 18; // milliseconds
    internal const int MacTcpRxtConnDropTime = 0x80; // seconds
    internal const int FreeBsdTcpMaxUnackTime = 68; // seconds, FreeBSD 14+
    internal const SocketOptionName WindowsTcpMaxRt = (SocketOptionName)5; // seconds

    // .NET's numbers (the Windows ones); .NET Core 3.0+ maps them to each OS's own option, and tracks them across
    // a multi-address connect. The casts keep the netstandard2.0 build, whose enum lacks the names, on the same path.
    internal const SocketOptionName KeepAliveTime = (SocketOptionName)3;
    internal const SocketOptionName KeepAliveInterval = (SocketOptionName)17;
    internal const SocketOptionName KeepAliveRetryCount = (SocketOptionName)16;

    internal const int WindowsKeepAliveOptionsBuild = 16299; // Windows 10 1709: TCP_KEEPIDLE / TCP_KEEPINTVL
    internal const int WindowsKeepAliveCountBuild = 15063; // Windows 10 1703: TCP_KEEPCNT

    internal static TcpKeepAliveResult Apply<TSink>(TSink sink, in KeepAliveSettings settings)
        where TSink : IKeepAliveOptionSink =>
        sink.Os == OsKind.Windows ? ApplyWindows(sink, settings) : ApplyUnix(sink, settings);

    private static TcpKeepAliveResult ApplyUnix<TSink>(TSink sink, in KeepAliveSettings settings)
        where TSink : IKeepAliveOptionSink
    {
        TcpKeepAliveOptionStatus keepAlive = Set(sink, SocketOptionLevel.Socket, SocketOptionName.KeepAlive, 1);
        TcpKeepAliveOptionStatus idle = Set(sink, SocketOptionLevel.Tcp, KeepAliveTime, settings.IdleSeconds);
        TcpKeepAliveOptionStatus interval = Set(sink, SocketOptionLevel.Tcp, KeepAliveInterval, settings.IntervalSeconds);
        TcpKeepAliveOptionStatus count = Set(sink, SocketOptionLevel.Tcp, KeepAliveRetryCount, settings.ProbeCount);
        return new TcpKeepAliveResult(keepAlive, idle, interval, count, UnixUserTimeout(sink, settings));
    }

    /// <summary>Only the user timeout, on a socket that connected after <see cref="Apply"/> deferred it (Unix only defers).</summary>
    internal static TcpKeepAliveOptionStatus ApplyUserTimeout<TSink>(TSink sink, in KeepAliveSettings settings)
        where TSink : IKeepAliveOptionSink =>
        UnixUserTimeout(sink, settings);

    private static TcpKeepAliveOptionStatus UnixUserTimeout<TSink>(TSink sink, in KeepAliveSettings settings)
        where TSink : IKeepAliveOptionSink
    {
        if (!settings.HasUserTimeout) return TcpKeepAliveOptionStatus.NotRequested;
        int name, value;
        switch (sink.Os)
        {
            case OsKind.Linux: (name, value) = (LinuxTcpUserTimeout, settings.UserTimeoutMilliseconds); break;
            case OsKind.MacOS: (name, value) = (MacTcpRxtConnDropTime, settings.UserTimeoutSeconds); break;
            case OsKind.FreeBsd: (name, value) = (FreeBsdTcpMaxUnackTime, settings.UserTimeoutSeconds); break;
            default: return TcpKeepAliveOptionStatus.NotSupported;
        }

        // .NET's multi-address connect replaces the descriptor after a failed attempt and replays only tracked options;
        // a raw option marks the socket unusable for the next address. Listening sockets never connect, so they are safe
        // (and on Linux accepted sockets inherit the option).
        if (!sink.IsConnected && !sink.IsListening) return TcpKeepAliveOptionStatus.Deferred;
        return SetRaw(sink, TcpLevel, name, value);
    }

    private static TcpKeepAliveResult ApplyWindows<TSink>(TSink sink, in KeepAliveSettings settings)
        where TSink : IKeepAliveOptionSink
    {
        int build = sink.WindowsBuild;
        TcpKeepAliveOptionStatus keepAlive = Set(sink, SocketOptionLevel.Socket, SocketOptionName.KeepAlive, 1);
        TcpKeepAliveOptionStatus idle, interval;
        if (build >= WindowsKeepAliveOptionsBuild)
        {
            idle = Set(sink, SocketOptionLevel.Tcp, KeepAliveTime, settings.IdleSeconds);
            interval = Set(sink, SocketOptionLevel.Tcp, KeepAliveInterval, settings.IntervalSeconds);
        }
        else
        {
            idle = interval = SetKeepAliveValues(sink, settings);
        }

        TcpKeepAliveOptionStatus count = build >= WindowsKeepAliveCountBuild
            ? Set(sink, SocketOptionLevel.Tcp, KeepAliveRetryCount, settings.ProbeCount)
            : TcpKeepAliveOptionStatus.NotSupported; // fixed at 10 probes before Windows 10 1703
        TcpKeepAliveOptionStatus userTimeout = settings.HasUserTimeout
            ? Set(sink, SocketOptionLevel.Tcp, WindowsTcpMaxRt, settings.UserTimeoutSeconds)
            : TcpKeepAliveOptionStatus.NotRequested;
        return new TcpKeepAliveResult(keepAlive, idle, interval, count, userTimeout);
    }

    /// <summary>SIO_KEEPALIVE_VALS: struct tcp_keepalive { ULONG onoff, keepalivetime (ms), keepaliveinterval (ms) }, little-endian.</summary>
    private static TcpKeepAliveOptionStatus SetKeepAliveValues<TSink>(TSink sink, in KeepAliveSettings settings)
        where TSink : IKeepAliveOptionSink
    {
        Span<byte> values = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(values, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(values.Slice(4), (uint)settings.IdleSeconds * 1000);
        BinaryPrimitives.WriteUInt32LittleEndian(values.Slice(8), (uint)settings.IntervalSeconds * 1000);
        try
        {
            sink.SetWindowsKeepAliveValues(values);
            return TcpKeepAliveOptionStatus.Applied;
        }
        catch (SocketException e) when (IsRejection(e))
        {
            return TcpKeepAliveOptionStatus.NotSupported;
        }
    }

    private static TcpKeepAliveOptionStatus Set<TSink>(TSink sink, SocketOptionLevel level, SocketOptionName name, int value)
        where TSink : IKeepAliveOptionSink
    {
        try
        {
            sink.SetOption(level, name, value);
            return TcpKeepAliveOptionStatus.Applied;
        }
        catch (SocketException e) when (IsRejection(e))
        {
            return TcpKeepAliveOptionStatus.NotSupported;
        }
    }

    private static TcpKeepAliveOptionStatus SetRaw<TSink>(TSink sink, int level, int name, int value)
        where TSink : IKeepAliveOptionSink
    {
        try
        {
            sink.SetRawOption(level, name, value);
            return TcpKeepAliveOptionStatus.Applied;
        }
        catch (SocketException e) when (IsRejection(e))
        {
            return TcpKeepAliveOptionStatus.NotSupported;
        }
    }

    /// <summary>
    /// The OS does not know or does not accept this option (values were already validated): report it rather than throw,
    /// because Configure must never break a working connection.
    /// </summary>
    private static bool IsRejection(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.OperationNotSupported or SocketError.ProtocolOption
            or SocketError.ProtocolNotSupported or SocketError.InvalidArgument => true,
        _ => false,
    };
}
