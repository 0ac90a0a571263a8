using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using KeepAlive.Tests.Support;
using Xunit;
using static KeepAlive.TcpKeepAliveOptionStatus;

namespace KeepAlive.Tests;

/// <summary>
/// On Unix, .NET's multi-address connect swaps the descriptor after a failed attempt and replays only tracked options;
/// a raw option (or reading Handle) before connecting makes the next address unusable. Configure must not do either.
/// </summary>
public class NotConnectedTests
{
    private static readonly TcpKeepAliveOptions Custom = new() { Idle = TimeSpan.FromSeconds(33), Interval = TimeSpan.FromSeconds(7), ProbeCount = 4 };

    [LinuxFact]
    public void TrackedOptionsAreAppliedAndTheUserTimeoutDeferred()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        TcpKeepAliveResult result = TcpKeepAlive.Configure(socket);

        Assert.Equal(Sinks.Result(Applied, Applied, Applied, Applied, Deferred), result);
        Assert.Equal(LinuxOptions.LibraryDefaults with { UserTimeoutMs = 0 }, LinuxOptions.Read(socket));
    }

    [LinuxFact]
    public async Task CallingAgainAfterConnectingAppliesTheUserTimeout()
    {
        using Socket listener = Loopback.Listen(IPAddress.Loopback);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Assert.Equal(Deferred, TcpKeepAlive.Configure(socket).UserTimeout);

        await socket.ConnectAsync(IPAddress.Loopback, Loopback.PortOf(listener));
        TcpKeepAliveResult result = TcpKeepAlive.Configure(socket);

        Assert.True(result.AllApplied, result.ToString());
        Assert.Equal(LinuxOptions.LibraryDefaults, LinuxOptions.Read(socket));
    }

    [LinuxFact]
    public void UnconnectedTcpClientIsDeferredToo()
    {
        using var client = new TcpClient(AddressFamily.InterNetworkV6);

        TcpKeepAliveResult result = client.ConfigureTcpKeepAlive();

        Assert.Equal(Deferred, result.UserTimeout);
        Assert.Equal(0, LinuxOptions.Read(client.Client).UserTimeoutMs);
    }

    [LinuxFact]
    public async Task ListenerGetsTheUserTimeoutAndAcceptedSocketsInheritEverything()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);

        TcpKeepAliveResult result = TcpKeepAlive.Configure(listener, Custom);

        Assert.True(result.AllApplied, result.ToString());
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Task<Socket> accept = listener.AcceptAsync();
        await client.ConnectAsync(IPAddress.Loopback, Loopback.PortOf(listener));
        using Socket accepted = await accept;
        Assert.Equal(new LinuxOptions(1, 33, 7, 4, 61_000), LinuxOptions.Read(accepted));
    }

    [LinuxFact]
    public void BoundButNotListeningIsStillDeferred()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        Assert.Equal(Deferred, TcpKeepAlive.Configure(socket).UserTimeout);
    }

    [LinuxFact]
    public async Task MultiAddressConnectStillFallsBackAfterConfigure()
    {
        using Socket listener = Loopback.Listen(IPAddress.Loopback); // IPv4 only: ::1 on this port refuses
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

        TcpKeepAliveResult result = TcpKeepAlive.Configure(socket, Custom);
        await socket.ConnectAsync(new[] { IPAddress.IPv6Loopback, IPAddress.Loopback }, Loopback.PortOf(listener));

        Assert.Equal(Deferred, result.UserTimeout);
        Assert.True(socket.Connected);
        Assert.Equal(IPAddress.Loopback, ((IPEndPoint)socket.RemoteEndPoint!).Address.MapToIPv4());
        Assert.Equal(new LinuxOptions(1, 33, 7, 4, 0), LinuxOptions.Read(socket)); // tracked options were replayed
    }

    /// <summary>The control: the same connect fails when a raw option is set first, so the test above can fail.</summary>
    [LinuxFact]
    public async Task ControlRawUserTimeoutBeforeMultiAddressConnectBreaksTheFallback()
    {
        using Socket listener = Loopback.Listen(IPAddress.Loopback);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

        LinuxOptions.SetUserTimeoutRaw(socket, 120_000);

        var error = await Assert.ThrowsAsync<SocketException>(
            () => socket.ConnectAsync(new[] { IPAddress.IPv6Loopback, IPAddress.Loopback }, Loopback.PortOf(listener)));
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode); // ::1 refused, 127.0.0.1 never tried
        Assert.False(socket.Connected);
    }
}
