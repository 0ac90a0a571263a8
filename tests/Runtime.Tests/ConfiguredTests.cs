using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using KeepAlive.Tests.Support;
using Xunit;

namespace KeepAlive.Tests;

/// <summary>
/// <see cref="TcpKeepAlive.Configured(Socket, TcpKeepAliveOptions?)"/>: configures and hands the same object back, and a
/// socket configured before it connects gets its user timeout once it does (the code fix wraps creations with it where
/// no statement can follow the connect).
/// </summary>
public class ConfiguredTests
{
    private static readonly TcpKeepAliveOptions Custom = new()
    {
        Idle = TimeSpan.FromSeconds(33), Interval = TimeSpan.FromSeconds(7), ProbeCount = 4, UserTimeout = TimeSpan.FromSeconds(61),
    };

    // Far above the 100 ms period: only a helper that never sets the option misses it.
    private static readonly TimeSpan SetWithin = TimeSpan.FromSeconds(5);

    [Fact]
    public void ReturnsTheSameSocketAndClient()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var client = new TcpClient(AddressFamily.InterNetwork);

        Assert.Same(socket, TcpKeepAlive.Configured(socket));
        Assert.Same(client, TcpKeepAlive.Configured(client));
    }

    [Fact]
    public void RejectsNullAndInvalidOptionsBeforeTouchingTheSocket()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        Assert.Throws<ArgumentNullException>(() => TcpKeepAlive.Configured((Socket)null!));
        Assert.Throws<ArgumentNullException>(() => TcpKeepAlive.Configured((TcpClient)null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => TcpKeepAlive.Configured(socket, new TcpKeepAliveOptions { ProbeCount = 0 }));
        Assert.Equal(0, (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)!);
    }

    [Fact]
    public void RejectsAUdpSocket()
    {
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        Assert.Throws<ArgumentException>(() => TcpKeepAlive.Configured(udp));
    }

    [LinuxFact]
    public void AStreamSocketWithProtocolZeroIsTcpAndConfigured()
    {
        using Socket listener = Loopback.Listen(IPAddress.Loopback);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(IPAddress.Loopback, Loopback.PortOf(listener));

        Assert.True(TcpKeepAlive.Configure(socket, Custom).AllApplied);
        Assert.Equal(new LinuxOptions(1, 33, 7, 4, 61_000), LinuxOptions.Read(socket));
    }

    [LinuxFact]
    public void AConnectedSocketGetsEverythingAtOnce()
    {
        using var pair = Loopback.IPv4();

        TcpKeepAlive.Configured(pair.Client, Custom);

        Assert.Equal(new LinuxOptions(1, 33, 7, 4, 61_000), LinuxOptions.Read(pair.Client));
    }

    [LinuxFact]
    public async Task ASocketConnectedAfterwardsGetsItsUserTimeout()
    {
        using Socket listener = Loopback.Listen(IPAddress.Loopback);
        using var socket = TcpKeepAlive.Configured(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp), Custom);
        Assert.Equal(new LinuxOptions(1, 33, 7, 4, 0), LinuxOptions.Read(socket)); // nothing raw before the connect

        await socket.ConnectAsync(IPAddress.Loopback, Loopback.PortOf(listener));

        Assert.Equal(new LinuxOptions(1, 33, 7, 4, 61_000), await ReadOnceUserTimeoutIsSetAsync(socket));
    }

    [LinuxFact]
    public async Task AMultiAddressConnectStillFallsBackAndThenGetsTheUserTimeout()
    {
        using Socket listener = Loopback.Listen(IPAddress.Loopback); // IPv4 only: ::1 on this port refuses
        using var client = TcpKeepAlive.Configured(new TcpClient(AddressFamily.InterNetworkV6) { Client = { DualMode = true } }, Custom);

        await client.ConnectAsync(new[] { IPAddress.IPv6Loopback, IPAddress.Loopback }, Loopback.PortOf(listener));

        Assert.Equal(IPAddress.Loopback, ((IPEndPoint)client.Client.RemoteEndPoint!).Address.MapToIPv4());
        Assert.Equal(new LinuxOptions(1, 33, 7, 4, 61_000), await ReadOnceUserTimeoutIsSetAsync(client.Client));
    }

    [LinuxFact]
    public void AConnectedSocketStopsBeingWatched()
    {
        using var pair = Loopback.IPv4();
        var watched = PendingUserTimeouts.Watch(pair.Client, Defaults());

        PendingUserTimeouts.Check();

        Assert.False(PendingUserTimeouts.IsWatched(watched));
        Assert.Equal(120_000, LinuxOptions.Read(pair.Client).UserTimeoutMs);
    }

    [LinuxFact]
    public void ASocketThatIsCollectedStopsBeingWatched()
    {
        var watched = WatchAnUnreachableSocket();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.False(watched.TryGetTarget(out _), "the socket should be collectable: the watch holds it weakly");

        PendingUserTimeouts.Check();

        Assert.False(PendingUserTimeouts.IsWatched(watched));
    }

    [LinuxFact]
    public void AnUnconnectedSocketStaysWatched()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var watched = PendingUserTimeouts.Watch(socket, Defaults());

        PendingUserTimeouts.Check();

        Assert.True(PendingUserTimeouts.IsWatched(watched));
    }

    private static KeepAliveSettings Defaults() => KeepAliveSettings.Validate(new TcpKeepAliveOptions().Read(), PlatformFacts.Os);

    // Not inlined, so no local of the caller keeps the socket reachable.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference<Socket> WatchAnUnreachableSocket() =>
        PendingUserTimeouts.Watch(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp), Defaults());

    private static async Task<LinuxOptions> ReadOnceUserTimeoutIsSetAsync(Socket socket)
    {
        var clock = Stopwatch.StartNew();
        LinuxOptions options;
        while ((options = LinuxOptions.Read(socket)).UserTimeoutMs == 0 && clock.Elapsed < SetWithin)
            await Task.Delay(20);
        return options;
    }
}
