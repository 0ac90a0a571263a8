using System;
using System.Net.Sockets;

namespace KeepAlive;

/// <summary>The real sink: calls the socket. A struct, so the generic applier calls it without boxing or allocating.</summary>
internal readonly struct SocketOptionSink : IKeepAliveOptionSink
{
    private readonly Socket _socket;

    internal SocketOptionSink(Socket socket) => _socket = socket;

    public OsKind Os => PlatformFacts.Os;

    public int WindowsBuild => PlatformFacts.WindowsBuild;

    public bool IsConnected => _socket.Connected;

    public bool IsListening
    {
        get
        {
            if (!_socket.IsBound) return false;
            try
            {
                // A getsockopt read; unlike a raw set or reading Handle it does not spoil a later multi-address connect.
                return _socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.AcceptConnection) is int accepting
                    && accepting != 0;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }

    public void SetOption(SocketOptionLevel level, SocketOptionName name, int value) =>
        _socket.SetSocketOption(level, name, value);

    public void SetRawOption(int level, int name, int value) => RawSocketOption.Set(_socket, level, name, value);

    public void SetWindowsKeepAliveValues(ReadOnlySpan<byte> values)
    {
#if NET
        // The applier only asks on Windows; the guard tells the platform analyzer so.
        if (!OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("SIO_KEEPALIVE_VALS exists only on Windows.");
#endif
        _socket.IOControl(IOControlCode.KeepAliveValues, values.ToArray(), null);
    }
}
