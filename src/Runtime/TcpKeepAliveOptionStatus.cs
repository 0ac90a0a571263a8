namespace KeepAlive;

/// <summary>What <see cref="TcpKeepAlive.Configure(System.Net.Sockets.Socket, TcpKeepAliveOptions?)"/> did with one option.</summary>
public enum TcpKeepAliveOptionStatus
{
    /// <summary>The option was not requested (for example <see cref="TcpKeepAliveOptions.UserTimeout"/> set to <see langword="null"/>).</summary>
    NotRequested = 0,

    /// <summary>The option was set on the socket.</summary>
    Applied = 1,

    /// <summary>
    /// This operating system (or this version of it) has no such option, or rejected it; nothing was set and the socket
    /// is unharmed.
    /// </summary>
    NotSupported = 2,

    /// <summary>
    /// The option was not set because the socket is not connected yet: on Unix a raw option set before
    /// a multi-address connect breaks .NET's fallback to the next address. Call Configure again after connecting
    /// (<see cref="TcpKeepAlive.Configured(System.Net.Sockets.Socket, TcpKeepAliveOptions?)"/> does it for you).
    /// </summary>
    Deferred = 3,
}
