using System;
using System.Net.Sockets;

namespace KeepAlive;

/// <summary>
/// Everything <see cref="KeepAliveApplier"/> needs from a socket and the platform. All OS branching goes through it,
/// so tests can drive the Windows, macOS and FreeBSD paths on any machine and record the exact calls.
/// </summary>
internal interface IKeepAliveOptionSink
{
    OsKind Os { get; }

    /// <summary>The Windows build number (0 when unknown or not Windows).</summary>
    int WindowsBuild { get; }

    bool IsConnected { get; }

    /// <summary>Whether the socket is listening (SO_ACCEPTCONN). Only asked about sockets that are not connected.</summary>
    bool IsListening { get; }

    /// <summary>Socket.SetSocketOption(level, name, int): goes through .NET's per-OS mapping, and is tracked across .NET's multi-address connect.</summary>
    void SetOption(SocketOptionLevel level, SocketOptionName name, int value);

    /// <summary>setsockopt(level, name, 4-byte native int), unmapped and untracked.</summary>
    void SetRawOption(int level, int name, int value);

    /// <summary>Socket.IOControl(IOControlCode.KeepAliveValues, values): Windows only.</summary>
    void SetWindowsKeepAliveValues(ReadOnlySpan<byte> values);
}
