using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using static KeepAlive.Tests.DeadPeer.DeadPeerSockets;

namespace KeepAlive.Tests.DeadPeer;

/// <summary>An idle connection whose peer goes silent: only keepalive can notice.</summary>
public sealed class IdleDeadPeerTests
{
    // Which limit governs an idle connection with keepalive 2/1/2 and user timeout 3 s? Linux's keepalive timer
    // sends the first probe at idle (2 s) and then ticks every interval (3 s, 4 s, ...). With TCP_USER_TIMEOUT set
    // it aborts at the first tick at which the time since the last received segment has reached the user timeout,
    // and no longer counts probes (tcp(7): the user timeout "will override keepalive"). So the connection dies at
    // the 3 s tick, before the 4 s that idle + interval x count gives without a user timeout.
    // Measured (docs/dead-peer-testing.md): 3.02 s with the user timeout, 4.04 s with keepalive alone.
    private static readonly TimeSpan Expected = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan KeepAliveOnlyExpected = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Early = TimeSpan.FromSeconds(0.5), Late = TimeSpan.FromSeconds(1.5);

    private readonly ITestOutputHelper _output;

    public IdleDeadPeerTests(ITestOutputHelper output) => _output = output;

    [DeadPeerFact]
    public async Task Idle_dead_peer_fails_a_pending_receive_at_the_user_timeout_while_a_bare_socket_stays_blocked()
    {
        using var peer = CuttablePeer.Start();
        using var helped = await ConnectWithHelperAsync(peer.EndPoint);
        using var keepAliveOnly = await ConnectWithKeepAliveOnlyAsync(peer.EndPoint);
        using var bare = await ConnectAsync(peer.EndPoint);
        foreach (var socket in new[] { helped, keepAliveOnly, bare })
            await RoundTripAsync(socket); // the kernel's clocks start at the last received segment

        var clock = peer.Cut();
        using var stop = new CancellationTokenSource();
        try
        {
            var helpedReceive = PendingReceiveAsync(helped, clock, stop.Token);
            var keepAliveOnlyReceive = PendingReceiveAsync(keepAliveOnly, clock, stop.Token);
            var bareReceive = PendingReceiveAsync(bare, clock, stop.Token);

            var helpedOutcome = await OutcomeByAsync(helpedReceive, clock, Expected + Late);
            var keepAliveOnlyOutcome = await OutcomeByAsync(keepAliveOnlyReceive, clock, KeepAliveOnlyExpected + Late);
            var bareOutcome = await OutcomeByAsync(bareReceive, clock, 3 * Expected);
            _output.WriteLine($"idle, cut peer: helper {Show(helpedOutcome)}; keepalive only {Show(keepAliveOnlyOutcome)}; " +
                $"no options {Show(bareOutcome)} (checked at {3 * Expected.TotalSeconds:F0} s)");

            Assert.NotNull(helpedOutcome);
            Assert.Equal(SocketError.TimedOut, helpedOutcome.Value.Error);
            Assert.InRange(helpedOutcome.Value.At, Expected - Early, Expected + Late);
            // The user timeout, not the probe count, must decide: the helper beats keepalive alone by about a second.
            Assert.NotNull(keepAliveOnlyOutcome);
            Assert.Equal(SocketError.TimedOut, keepAliveOnlyOutcome.Value.Error);
            Assert.True(helpedOutcome.Value.At <= keepAliveOnlyOutcome.Value.At - Early,
                $"the user timeout did not govern: helper {helpedOutcome}, keepalive only {keepAliveOnlyOutcome}");
            Assert.Null(bareOutcome);
        }
        finally
        {
            stop.Cancel();
        }
    }

    private static string Show(ReceiveOutcome? outcome) => outcome?.ToString() ?? "still blocked";
}
