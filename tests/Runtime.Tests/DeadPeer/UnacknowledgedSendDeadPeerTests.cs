using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using static KeepAlive.Tests.DeadPeer.DeadPeerSockets;

namespace KeepAlive.Tests.DeadPeer;

/// <summary>Data sent to a peer that went silent: keepalive never probes while data is unacknowledged.</summary>
public sealed class UnacknowledgedSendDeadPeerTests
{
    // Only the user timeout catches this case. The kernel starts its clock at the first retransmission, so the
    // budget is the user timeout (3 s) plus the first retransmission timeout (~0.2-0.45 s here).
    // Measured (docs/dead-peer-testing.md): 3.42 s. Without a user timeout the kernel retries for ~15 min.
    private static readonly TimeSpan UserTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Latest = TimeSpan.FromSeconds(4.5);

    private readonly ITestOutputHelper _output;

    public UnacknowledgedSendDeadPeerTests(ITestOutputHelper output) => _output = output;

    [DeadPeerFact]
    public async Task Unacknowledged_send_to_a_dead_peer_fails_at_the_user_timeout_while_keepalive_alone_stays_blocked()
    {
        using var peer = CuttablePeer.Start();
        using var helped = await ConnectWithHelperAsync(peer.EndPoint);
        using var keepAliveOnly = await ConnectWithKeepAliveOnlyAsync(peer.EndPoint);
        await RoundTripAsync(helped);
        await RoundTripAsync(keepAliveOnly);

        var clock = peer.Cut();
        await SendUnacknowledgedAsync(helped);
        await SendUnacknowledgedAsync(keepAliveOnly);
        using var stop = new CancellationTokenSource();
        try
        {
            var helpedReceive = PendingReceiveAsync(helped, clock, stop.Token);
            var keepAliveOnlyReceive = PendingReceiveAsync(keepAliveOnly, clock, stop.Token);

            var helpedOutcome = await OutcomeByAsync(helpedReceive, clock, Latest);
            var keepAliveOnlyOutcome = await OutcomeByAsync(keepAliveOnlyReceive, clock, 3 * UserTimeout);
            _output.WriteLine($"64 B unacknowledged, cut peer: helper {Show(helpedOutcome)}; " +
                $"keepalive only {Show(keepAliveOnlyOutcome)} (checked at {3 * UserTimeout.TotalSeconds:F0} s)");

            Assert.NotNull(helpedOutcome);
            Assert.Equal(SocketError.TimedOut, helpedOutcome.Value.Error);
            Assert.InRange(helpedOutcome.Value.At, UserTimeout, Latest);
            Assert.Null(keepAliveOnlyOutcome);
        }
        finally
        {
            stop.Cancel();
        }
    }

    [DeadPeerFact]
    public async Task A_socket_configured_before_its_connect_also_fails_at_the_user_timeout()
    {
        using var peer = CuttablePeer.Start();
        using var configuredBefore = await ConnectConfiguredBeforehandAsync(peer.EndPoint);
        await RoundTripAsync(configuredBefore); // takes longer than the 100 ms in which the helper sets the user timeout

        var clock = peer.Cut();
        await SendUnacknowledgedAsync(configuredBefore);
        using var stop = new CancellationTokenSource();
        try
        {
            var outcome = await OutcomeByAsync(PendingReceiveAsync(configuredBefore, clock, stop.Token), clock, Latest);
            _output.WriteLine($"64 B unacknowledged, cut peer, configured before the connect: {Show(outcome)}");

            Assert.NotNull(outcome);
            Assert.Equal(SocketError.TimedOut, outcome.Value.Error);
            Assert.InRange(outcome.Value.At, UserTimeout, Latest);
        }
        finally
        {
            stop.Cancel();
        }
    }

    private static string Show(ReceiveOutcome? outcome) => outcome?.ToString() ?? "still blocked";
}
