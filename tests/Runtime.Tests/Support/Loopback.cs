using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace KeepAlive.Tests.Support;

/// <summary>A connected loopback pair: a listener on an OS-chosen port, a client connected to it, and the accepted socket.</summary>
internal sealed class Loopback : IDisposable
{
    private Loopback(Socket listener, Socket client, Socket accepted)
    {
        Listener = listener;
        Client = client;
        Accepted = accepted;
    }

    internal Socket Listener { get; }
    internal Socket Client { get; }
    internal Socket Accepted { get; }

    internal static Loopback IPv4() => Connect(IPAddress.Loopback, new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));

    internal static Loopback IPv6() => Connect(IPAddress.IPv6Loopback, new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp));

    /// <summary>A dual-mode (IPv6 socket, IPv4-mapped) client talking to an IPv4 listener.</summary>
    internal static Loopback DualMode() => Connect(IPAddress.Loopback, new Socket(SocketType.Stream, ProtocolType.Tcp));

    internal static Socket Listen(IPAddress address)
    {
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(address, 0));
        listener.Listen(4);
        return listener;
    }

    internal static int PortOf(Socket listener) => ((IPEndPoint)listener.LocalEndPoint!).Port;

    private static Loopback Connect(IPAddress address, Socket client)
    {
        Socket listener = Listen(address);
        Task<Socket> accept = listener.AcceptAsync();
        client.Connect(address, PortOf(listener));
        return new Loopback(listener, client, accept.GetAwaiter().GetResult());
    }

    public void Dispose()
    {
        Client.Dispose();
        Accepted.Dispose();
        Listener.Dispose();
    }
}
