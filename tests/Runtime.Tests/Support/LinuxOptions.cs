using System;
using System.Net.Sockets;

namespace KeepAlive.Tests.Support;

/// <summary>The five Linux options, read straight from the kernel with getsockopt (not through .NET's mapping).</summary>
internal readonly record struct LinuxOptions(int KeepAlive, int Idle, int Interval, int ProbeCount, int UserTimeoutMs)
{
    private const int SolSocket = 1, SoKeepAlive = 9;
    internal const int IpProtoTcp = 6, TcpKeepIdle = 4, TcpKeepIntvl = 5, TcpKeepCnt = 6, TcpUserTimeout = 18;

    /// <summary>What a fresh Linux TCP socket has: keepalive off, 7200/75/9 (sysctl defaults), no user timeout.</summary>
    internal static readonly LinuxOptions KernelDefaults = new(0, 7200, 75, 9, 0);

    /// <summary>What Configure applies with the default options.</summary>
    internal static readonly LinuxOptions LibraryDefaults = new(1, 60, 10, 6, 120_000);

    internal static LinuxOptions Read(Socket socket) => new(
        ReadInt(socket, SolSocket, SoKeepAlive),
        ReadInt(socket, IpProtoTcp, TcpKeepIdle),
        ReadInt(socket, IpProtoTcp, TcpKeepIntvl),
        ReadInt(socket, IpProtoTcp, TcpKeepCnt),
        ReadInt(socket, IpProtoTcp, TcpUserTimeout));

    internal static int ReadInt(Socket socket, int level, int name)
    {
        Span<byte> value = stackalloc byte[sizeof(int)];
        int length = socket.GetRawSocketOption(level, name, value);
        if (length != sizeof(int)) throw new InvalidOperationException($"getsockopt({level}, {name}) returned {length} bytes");
        return BitConverter.ToInt32(value);
    }

    internal static void SetUserTimeoutRaw(Socket socket, int milliseconds) =>
        socket.SetRawSocketOption(IpProtoTcp, TcpUserTimeout, BitConverter.GetBytes(milliseconds));
}
