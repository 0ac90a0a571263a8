using System;
using System.Net;

namespace KeepAlive.Tests.DeadPeer;

/// <summary>
/// One /30 of the reserved test range 10.213.0.0/16 (client .1, peer .2), claimed by adding its guard route
/// <c>blackhole &lt;subnet&gt;/30 metric 4242</c>. The guard keeps the test address from ever leaving through the
/// default gateway if the veth goes down; because adding an existing route fails with "File exists", it is
/// also the lock that gives parallel tests and test processes distinct subnets.
/// </summary>
internal sealed class TestSubnet
{
    private const int Candidates = 64; // 10.213.0.0/30 … 10.213.0.252/30

    private TestSubnet(int index)
    {
        int first = index * 4;
        Prefix = $"10.213.{first / 256}.{first % 256}/30";
        ClientAddress = IPAddress.Parse($"10.213.{first / 256}.{first % 256 + 1}");
        PeerAddress = IPAddress.Parse($"10.213.{first / 256}.{first % 256 + 2}");
    }

    public string Prefix { get; }
    public IPAddress ClientAddress { get; }
    public IPAddress PeerAddress { get; }

    public static TestSubnet Claim()
    {
        for (int index = 0; index < Candidates; index++)
        {
            var subnet = new TestSubnet(index);
            var (exitCode, output) = Command.TryRun("ip", "route", "add", "blackhole", subnet.Prefix, "metric", "4242");
            if (exitCode == 0)
                return subnet;
            if (!output.Contains("File exists", StringComparison.Ordinal))
                throw new InvalidOperationException($"adding the guard route for {subnet.Prefix} failed: {output}");
        }
        throw new InvalidOperationException($"all {Candidates} test subnets in 10.213.0.0/16 are claimed (leftover guard routes?)");
    }

    public void Release() => Command.Run("ip", "route", "del", "blackhole", Prefix, "metric", "4242");
}
