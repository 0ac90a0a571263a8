using System;
using System.Net.Sockets;

namespace KeepAlive;

/// <summary>
/// Turns on TCP keepalive with sane timings and a matching user timeout, using the right option for each operating system
/// (Linux, Windows, macOS, FreeBSD), so a dead peer (power loss, pulled cable, a NAT that silently dropped the flow) is found
/// in about two minutes instead of 2 h 11 min (idle connection, Linux defaults) or 15 to 30 minutes (unacknowledged data).
/// </summary>
/// <remarks>
/// <para>Call it on each connected or accepted socket. It validates every value before touching the socket, never closes or
/// shuts the socket down, and reports per option what it did.</para>
/// <para>On Unix, a socket that is not connected yet gets keepalive and its timings (which .NET carries across a multi-address
/// connect), but not the user timeout: a raw option set before connecting breaks .NET's fallback to the next address.
/// The result then reports <see cref="TcpKeepAliveOptionStatus.Deferred"/>; call Configure again after connecting, or use
/// <see cref="Configured(Socket, TcpKeepAliveOptions?)"/>, which sets it once the socket connects.
/// A listening socket does get the user timeout (Linux accepted sockets inherit it).</para>
/// </remarks>
public static class TcpKeepAlive
{
    // The validated defaults; never exposed, so no caller can change what "null options" means.
    private static readonly KeepAliveSettings DefaultSettings =
        KeepAliveSettings.Validate(new TcpKeepAliveOptions().Read(), PlatformFacts.Os);

    /// <summary>Applies TCP keepalive and a user timeout to a TCP socket.</summary>
    /// <param name="socket">An IPv4, IPv6 or dual-mode TCP socket, ideally connected or accepted.</param>
    /// <param name="options">The timings; <see langword="null"/> for the defaults (idle 60 s, interval 10 s, 6 probes, user timeout 120 s).</param>
    /// <returns>What was applied, per option.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="socket"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="socket"/> is not a TCP socket (UDP, Unix domain, raw): TCP keepalive does not apply.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names the option, the value and the valid range. Nothing was changed.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="socket"/> has been disposed.</exception>
    public static TcpKeepAliveResult Configure(Socket socket, TcpKeepAliveOptions? options = null)
    {
        if (socket is null) throw new ArgumentNullException(nameof(socket));
        EnsureTcp(socket);
        KeepAliveSettings settings = SettingsFor(options);
        return KeepAliveApplier.Apply(new SocketOptionSink(socket), settings);
    }

    /// <summary>Applies TCP keepalive and a user timeout to the socket of a <see cref="TcpClient"/> (<see cref="TcpClient.Client"/>).</summary>
    /// <param name="client">A connected client, or one returned by <see cref="TcpListener.AcceptTcpClient"/>.</param>
    /// <param name="options">The timings; <see langword="null"/> for the defaults.</param>
    /// <returns>What was applied, per option.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range. Nothing was changed.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="client"/> or its socket has been disposed.</exception>
    public static TcpKeepAliveResult Configure(TcpClient client, TcpKeepAliveOptions? options = null)
    {
        if (client is null) throw new ArgumentNullException(nameof(client));
        Socket? socket = client.Client;
        if (socket is null) throw new ObjectDisposedException(typeof(TcpClient).FullName);
        return Configure(socket, options);
    }

    /// <summary>
    /// Configures <paramref name="socket"/> like <see cref="Configure(Socket, TcpKeepAliveOptions?)"/> and returns it, so the
    /// call can wrap the expression that creates or accepts it (<c>Handle(TcpKeepAlive.Configured(listener.Accept()))</c>,
    /// <c>: base(TcpKeepAlive.Configured(new Socket(...)))</c>). A socket that is not connected yet gets keepalive and its
    /// timings now and its user timeout once it connects: the helper checks every 100 ms, for up to an hour, and then
    /// sets it; so this form also serves a socket that other code connects.
    /// </summary>
    /// <param name="socket">An IPv4, IPv6 or dual-mode TCP socket, connected or not.</param>
    /// <param name="options">The timings; <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="socket"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="socket"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="socket"/> is not a TCP socket.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range. Nothing was changed.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="socket"/> has been disposed.</exception>
    public static Socket Configured(Socket socket, TcpKeepAliveOptions? options = null)
    {
        if (socket is null) throw new ArgumentNullException(nameof(socket));
        EnsureTcp(socket);
        KeepAliveSettings settings = SettingsFor(options);
        if (KeepAliveApplier.Apply(new SocketOptionSink(socket), settings).UserTimeout == TcpKeepAliveOptionStatus.Deferred)
            PendingUserTimeouts.Watch(socket, settings);
        return socket;
    }

    /// <summary>
    /// Configures the socket of <paramref name="client"/> like <see cref="Configured(Socket, TcpKeepAliveOptions?)"/> and
    /// returns the client (<c>new Session(TcpKeepAlive.Configured(new TcpClient()))</c>).
    /// </summary>
    /// <param name="client">A client, connected or not.</param>
    /// <param name="options">The timings; <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="client"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range. Nothing was changed.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="client"/> or its socket has been disposed.</exception>
    public static TcpClient Configured(TcpClient client, TcpKeepAliveOptions? options = null)
    {
        if (client is null) throw new ArgumentNullException(nameof(client));
        Socket? socket = client.Client;
        if (socket is null) throw new ObjectDisposedException(typeof(TcpClient).FullName);
        Configured(socket, options);
        return client;
    }

    /// <summary>The defaults, or <paramref name="options"/> validated for this OS (throws before any socket is touched).</summary>
    private static KeepAliveSettings SettingsFor(TcpKeepAliveOptions? options) =>
        options is null ? DefaultSettings : KeepAliveSettings.Validate(options.Read(), PlatformFacts.Os);

    private static void EnsureTcp(Socket socket)
    {
        // A stream socket created with protocol 0 (Unspecified, also spelled ProtocolType.IP) is TCP: the kernel picks it.
        bool tcp = socket.SocketType == SocketType.Stream && (socket.ProtocolType == ProtocolType.Tcp || socket.ProtocolType == ProtocolType.Unspecified)
            && (socket.AddressFamily == AddressFamily.InterNetwork || socket.AddressFamily == AddressFamily.InterNetworkV6);
        if (!tcp)
            throw new ArgumentException(
                $"TCP keepalive applies only to TCP sockets (IPv4 or IPv6 stream sockets); this socket is {socket.AddressFamily} / {socket.SocketType} / {socket.ProtocolType}.",
                nameof(socket));
    }
}
