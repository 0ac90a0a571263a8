using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Text.Json;

namespace KeepAlive.Tests.DeadPeer;

/// <summary>
/// A live peer in its own network namespace behind a veth pair, whose link can be cut silently: the recipe of
/// docs/dead-peer-testing.md. Before <see cref="Cut"/> it echoes; after it, every packet to or from it is
/// dropped at its interface, as for a powered-off host or a NAT that forgot the flow. The client (the code under
/// test) stays in the root namespace, so it sees no local failure, only silence.
/// </summary>
internal sealed class CuttablePeer : IDisposable
{
    /// <summary>One classic-BPF instruction, <c>ret #2</c>: TC_ACT_SHOT for every packet.</summary>
    public const string DropEverythingBpf = "1,6 0 0 2,";

    private readonly TestSubnet _subnet;
    private readonly TopologyNames _names;
    private readonly List<Action> _cleanup = new();
    private PeerEchoServer? _server;

    private CuttablePeer(TestSubnet subnet, TopologyNames names)
    {
        _subnet = subnet;
        _names = names;
        _cleanup.Add(subnet.Release);
    }

    public IPEndPoint EndPoint => _server?.EndPoint ?? throw new InvalidOperationException("the peer is not started");

    public static CuttablePeer Start()
    {
        DeadPeerEnvironment.Require();
        var peer = new CuttablePeer(TestSubnet.Claim(), TopologyNames.Next());
        try
        {
            peer.Build();
            return peer;
        }
        catch
        {
            peer.Dispose();
            throw;
        }
    }

    /// <summary>Drops everything on the peer's interface, both directions, and returns a clock started at the cut.</summary>
    public Stopwatch Cut()
    {
        var clock = Stopwatch.StartNew();
        foreach (string direction in new[] { "ingress", "egress" })
            InPeer("tc", "filter", "add", "dev", _names.PeerInterface, direction, "pref", "1", "bpf", "da", "bytecode", DropEverythingBpf);
        return clock;
    }

    private void Build()
    {
        string ns = _names.Namespace, host = _names.HostInterface, peer = _names.PeerInterface;

        Command.Run("ip", "netns", "add", ns);
        _cleanup.Add(() => Command.Run("ip", "netns", "del", ns));

        Command.Run("ip", "link", "add", host, "type", "veth", "peer", "name", peer, "netns", ns);
        _cleanup.Add(() => Command.Run("ip", "link", "del", host));

        DisableIpv6(host, peer);
        Command.Run("ip", "addr", "add", $"{_subnet.ClientAddress}/30", "dev", host);
        InPeer("ip", "addr", "add", $"{_subnet.PeerAddress}/30", "dev", peer);
        InPeer("ip", "link", "set", "lo", "up");
        InPeer("ip", "link", "set", peer, "up");
        Command.Run("ip", "link", "set", host, "up");

        // Pinned as for a peer behind a live gateway: a dead peer must not turn into an ARP failure
        // (HostUnreachable) instead of the silence under test.
        Command.Run("ip", "neigh", "replace", _subnet.PeerAddress.ToString(), "lladdr", PeerMac(), "dev", host, "nud", "permanent");
        _cleanup.Add(() => Command.Run("ip", "neigh", "del", _subnet.PeerAddress.ToString(), "dev", host));

        InPeer("tc", "qdisc", "add", "dev", peer, "clsact");
        _server = PeerEchoServer.Start(ns, _subnet.PeerAddress);
        _cleanup.Add(_server.Dispose);
    }

    // No IPv6 DAD / router solicitations on the pair; nothing to do on a kernel without IPv6.
    private void DisableIpv6(string host, string peer)
    {
        if (!Directory.Exists("/proc/sys/net/ipv6/conf"))
            return;
        File.WriteAllText($"/proc/sys/net/ipv6/conf/{host}/disable_ipv6", "1");
        Command.Run("ip", "netns", "exec", _names.Namespace, "sh", "-c", "echo 1 > /proc/sys/net/ipv6/conf/$0/disable_ipv6", peer);
    }

    private string PeerMac()
    {
        using var link = JsonDocument.Parse(InPeer("ip", "-j", "link", "show", "dev", _names.PeerInterface));
        return link.RootElement[0].GetProperty("address").GetString()
            ?? throw new InvalidOperationException($"no MAC address on {_names.PeerInterface}");
    }

    // `ip -n` / `tc -n` run the command in the peer's namespace.
    private string InPeer(string program, params string[] arguments)
    {
        var all = new List<string> { "-n", _names.Namespace };
        all.AddRange(arguments);
        return Command.Run(program, all.ToArray());
    }

    /// <summary>
    /// Kills the peer, then deletes the neighbour entry, the veth pair, the namespace and finally the guard route
    /// (the subnet's claim). Every step runs even if an earlier one fails; failures are reported together.
    /// </summary>
    public void Dispose()
    {
        var failures = new List<string>();
        for (int i = _cleanup.Count - 1; i >= 0; i--)
        {
            try
            {
                _cleanup[i]();
            }
            catch (Exception e)
            {
                failures.Add(e.Message);
            }
        }
        _cleanup.Clear();
        if (failures.Count > 0)
            throw new InvalidOperationException($"dead-peer cleanup of {_names.Namespace} failed: {string.Join("; ", failures)}");
    }
}
