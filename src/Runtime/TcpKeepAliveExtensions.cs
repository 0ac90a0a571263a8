using System.Net.Sockets;

namespace KeepAlive;

/// <summary>Extension-method forms of <see cref="TcpKeepAlive.Configure(Socket, TcpKeepAliveOptions?)"/>.</summary>
public static class TcpKeepAliveExtensions
{
    /// <summary>Applies TCP keepalive and a user timeout to this socket. Same as <see cref="TcpKeepAlive.Configure(Socket, TcpKeepAliveOptions?)"/>.</summary>
    /// <param name="socket">An IPv4, IPv6 or dual-mode TCP socket, ideally connected or accepted.</param>
    /// <param name="options">The timings; <see langword="null"/> for the defaults.</param>
    /// <returns>What was applied, per option.</returns>
    public static TcpKeepAliveResult ConfigureTcpKeepAlive(this Socket socket, TcpKeepAliveOptions? options = null) =>
        TcpKeepAlive.Configure(socket, options);

    /// <summary>Applies TCP keepalive and a user timeout to this client's socket. Same as <see cref="TcpKeepAlive.Configure(TcpClient, TcpKeepAliveOptions?)"/>.</summary>
    /// <param name="client">A connected or accepted client.</param>
    /// <param name="options">The timings; <see langword="null"/> for the defaults.</param>
    /// <returns>What was applied, per option.</returns>
    public static TcpKeepAliveResult ConfigureTcpKeepAlive(this TcpClient client, TcpKeepAliveOptions? options = null) =>
        TcpKeepAlive.Configure(client, options);
}
