using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static KeepAlive.Tests.DeadPeer.DeadPeerSockets;

namespace KeepAlive.Tests.DeadPeer;

/// <summary>The other side of the trade-off: short keepalive timings must not drop a peer that is alive but quiet.</summary>
public sealed class LiveIdlePeerTests
{
    // Twice idle + interval x count (4 s) and well past the 3 s user timeout: the live peer's kernel answers
    // every probe, so the connection must survive.
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(8);

    [DeadPeerFact]
    public async Task Live_peer_idle_longer_than_keepalive_detection_is_not_dropped()
    {
        using var peer = CuttablePeer.Start();
        using var client = new TcpClient(peer.EndPoint.AddressFamily);
        using (var bound = new CancellationTokenSource(StepBound))
            await client.ConnectAsync(peer.EndPoint.Address, peer.EndPoint.Port, bound.Token);
        AssertAllApplied(TcpKeepAlive.Configure(client, SmallOptions()));
        await RoundTripAsync(client.Client);

        await Task.Delay(Quiet);

        await RoundTripAsync(client.Client);
    }
}
