using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace KeepAlive.Tests.DeadPeer;

/// <summary>Client-side steps shared by the dead-peer tests; every network wait is bounded.</summary>
internal static class DeadPeerSockets
{
    public static readonly TimeSpan StepBound = TimeSpan.FromSeconds(5);

    /// <summary>Small timings so detection takes seconds: idle 2 s, interval 1 s, 2 probes, user timeout 3 s.</summary>
    public static TcpKeepAliveOptions SmallOptions() => new()
    {
        Idle = TimeSpan.FromSeconds(2),
        Interval = TimeSpan.FromSeconds(1),
        ProbeCount = 2,
        UserTimeout = TimeSpan.FromSeconds(3),
    };

    public static async Task<Socket> ConnectAsync(IPEndPoint peer)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var bound = new CancellationTokenSource(StepBound);
            await socket.ConnectAsync(peer, bound.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Connects and applies the helper with <see cref="SmallOptions"/>, asserting it set every option.</summary>
    public static async Task<Socket> ConnectWithHelperAsync(IPEndPoint peer)
    {
        var socket = await ConnectAsync(peer);
        AssertAllApplied(TcpKeepAlive.Configure(socket, SmallOptions()));
        return socket;
    }

    /// <summary>
    /// Configures the socket before it connects, with <see cref="TcpKeepAlive.Configured(Socket, TcpKeepAliveOptions?)"/>,
    /// as the code fix does where no statement can follow the connect; the user timeout is set once it connects.
    /// </summary>
    public static async Task<Socket> ConnectConfiguredBeforehandAsync(IPEndPoint peer)
    {
        var socket = TcpKeepAlive.Configured(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp), SmallOptions());
        try
        {
            using var bound = new CancellationTokenSource(StepBound);
            await socket.ConnectAsync(peer, bound.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static void AssertAllApplied(TcpKeepAliveResult result)
    {
        var applied = TcpKeepAliveOptionStatus.Applied;
        Assert.True(
            result.KeepAlive == applied && result.Idle == applied && result.Interval == applied
            && result.ProbeCount == applied && result.UserTimeout == applied,
            $"Configure did not apply every option: {result}");
    }

    /// <summary>The control that shows what keepalive alone does: SO_KEEPALIVE + 2/1/2 set directly, no user timeout.</summary>
    public static async Task<Socket> ConnectWithKeepAliveOnlyAsync(IPEndPoint peer)
    {
        var socket = await ConnectAsync(peer);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 2);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 1);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 2);
        return socket;
    }

    /// <summary>Sends one byte and waits for its echo: proves the path works and restarts the kernel's idle clock.</summary>
    public static async Task RoundTripAsync(Socket socket)
    {
        using var bound = new CancellationTokenSource(StepBound);
        byte[] sent = { 0x5A }, echoed = new byte[1];
        Assert.Equal(1, await socket.SendAsync(sent, SocketFlags.None, bound.Token));
        Assert.Equal(1, await socket.ReceiveAsync(echoed, SocketFlags.None, bound.Token));
        Assert.Equal(sent[0], echoed[0]);
    }

    /// <summary>Sends 64 bytes that the cut peer will never acknowledge.</summary>
    public static async Task SendUnacknowledgedAsync(Socket socket)
    {
        using var bound = new CancellationTokenSource(StepBound);
        Assert.Equal(64, await socket.SendAsync(new byte[64], SocketFlags.None, bound.Token));
    }

    /// <summary>
    /// A receive left pending until the connection fails (or <paramref name="stop"/> ends the test); the outcome
    /// carries the time on <paramref name="clock"/> (started at the cut) at which it ended.
    /// </summary>
    public static async Task<ReceiveOutcome> PendingReceiveAsync(Socket socket, Stopwatch clock, CancellationToken stop)
    {
        var buffer = new byte[1];
        try
        {
            int received = await socket.ReceiveAsync(buffer, SocketFlags.None, stop);
            return new ReceiveOutcome(SocketError.Success, received, clock.Elapsed);
        }
        catch (SocketException e)
        {
            return new ReceiveOutcome(e.SocketErrorCode, 0, clock.Elapsed);
        }
    }

    /// <summary>
    /// Waits until <paramref name="pending"/> ends or <paramref name="deadline"/> (on the cut clock) passes;
    /// <see langword="null"/> when it is still blocked at the deadline.
    /// </summary>
    public static async Task<ReceiveOutcome?> OutcomeByAsync(Task<ReceiveOutcome> pending, Stopwatch clock, TimeSpan deadline)
    {
        TimeSpan left = deadline - clock.Elapsed;
        if (left > TimeSpan.Zero)
            await Task.WhenAny(pending, Task.Delay(left));
        return pending.IsCompleted ? await pending : null;
    }
}

/// <summary>How a pending receive ended and when, in seconds after the cut.</summary>
internal readonly record struct ReceiveOutcome(SocketError Error, int BytesReceived, TimeSpan At)
{
    public override string ToString() =>
        Error == SocketError.Success
            ? $"{BytesReceived} byte(s) received at {At.TotalSeconds:F3} s"
            : $"{Error} at {At.TotalSeconds:F3} s";
}
