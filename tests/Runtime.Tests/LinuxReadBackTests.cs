using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using KeepAlive.Tests.Support;
using Xunit;

namespace KeepAlive.Tests;

/// <summary>Configure on real loopback sockets, checked by reading the Linux options straight from the kernel.</summary>
public class LinuxReadBackTests
{
    private static readonly TcpKeepAliveOptions Custom = new()
    {
        Idle = TimeSpan.FromSeconds(33), Interval = TimeSpan.FromSeconds(7), ProbeCount = 4, UserTimeout = TimeSpan.FromMilliseconds(61_500),
    };

    private static readonly LinuxOptions CustomOnLinux = new(1, 33, 7, 4, 61_500);

    public static TheoryData<string> Kinds => new() { "IPv4 client", "IPv6 client", "dual-mode client", "IPv4 accepted", "IPv6 accepted" };

    [LinuxTheory]
    [MemberData(nameof(Kinds))]
    public void DefaultsAreAppliedToEverySocketKind(string kind)
    {
        using Loopback pair = Open(kind, out Socket socket);
        Assert.Equal(LinuxOptions.KernelDefaults, LinuxOptions.Read(socket));

        TcpKeepAliveResult result = TcpKeepAlive.Configure(socket);

        Assert.True(result.AllApplied, result.ToString());
        Assert.Equal(LinuxOptions.LibraryDefaults, LinuxOptions.Read(socket));
    }

    [LinuxTheory]
    [MemberData(nameof(Kinds))]
    public void CustomValuesAreAppliedToEverySocketKind(string kind)
    {
        using Loopback pair = Open(kind, out Socket socket);

        TcpKeepAliveResult result = socket.ConfigureTcpKeepAlive(Custom);

        Assert.True(result.AllApplied, result.ToString());
        Assert.Equal(CustomOnLinux, LinuxOptions.Read(socket));
    }

    [LinuxFact]
    public void OnlyTheConfiguredEndChanges()
    {
        using Loopback pair = Loopback.IPv4();

        TcpKeepAlive.Configure(pair.Client);

        Assert.Equal(LinuxOptions.KernelDefaults, LinuxOptions.Read(pair.Accepted));
    }

    [LinuxFact]
    public void NullUserTimeoutLeavesTheKernelDefault()
    {
        using Loopback pair = Loopback.IPv6();

        TcpKeepAliveResult result = TcpKeepAlive.Configure(pair.Client, new TcpKeepAliveOptions { UserTimeout = null });

        Assert.Equal(TcpKeepAliveOptionStatus.NotRequested, result.UserTimeout);
        Assert.True(result.AllApplied);
        Assert.Equal(LinuxOptions.LibraryDefaults with { UserTimeoutMs = 0 }, LinuxOptions.Read(pair.Client));
    }

    [LinuxFact]
    public async Task ConnectedTcpClient()
    {
        using Socket listener = Loopback.Listen(IPAddress.Loopback);
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(IPAddress.Loopback, Loopback.PortOf(listener));

        TcpKeepAliveResult result = client.ConfigureTcpKeepAlive(Custom);

        Assert.True(result.AllApplied, result.ToString());
        Assert.Equal(CustomOnLinux, LinuxOptions.Read(client.Client));
    }

    [LinuxFact]
    public async Task AcceptedTcpClient()
    {
        var listener = new TcpListener(IPAddress.IPv6Loopback, 0);
        listener.Start();
        try
        {
            using var client = new TcpClient(AddressFamily.InterNetworkV6);
            Task<TcpClient> accept = listener.AcceptTcpClientAsync();
            await client.ConnectAsync(IPAddress.IPv6Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            using TcpClient accepted = await accept;

            TcpKeepAliveResult result = TcpKeepAlive.Configure(accepted);

            Assert.True(result.AllApplied, result.ToString());
            Assert.Equal(LinuxOptions.LibraryDefaults, LinuxOptions.Read(accepted.Client));
        }
        finally
        {
            listener.Stop();
        }
    }

    [LinuxFact]
    public void CallingTwiceReplacesTheValues()
    {
        using Loopback pair = Loopback.IPv4();

        TcpKeepAlive.Configure(pair.Client, Custom);
        TcpKeepAlive.Configure(pair.Client);

        Assert.Equal(LinuxOptions.LibraryDefaults, LinuxOptions.Read(pair.Client));
    }

    [LinuxFact]
    public void TheConnectionStillWorksAfterwards()
    {
        using Loopback pair = Loopback.DualMode();

        TcpKeepAlive.Configure(pair.Client);
        pair.Client.Send(new byte[] { 42 });
        var buffer = new byte[1];
        int received = pair.Accepted.Receive(buffer);

        Assert.Equal(1, received);
        Assert.Equal(42, buffer[0]);
    }

    private static Loopback Open(string kind, out Socket socket)
    {
        Loopback pair = kind.StartsWith("IPv6", StringComparison.Ordinal) ? Loopback.IPv6()
            : kind.StartsWith("dual", StringComparison.Ordinal) ? Loopback.DualMode()
            : Loopback.IPv4();
        socket = kind.EndsWith("accepted", StringComparison.Ordinal) ? pair.Accepted : pair.Client;
        if (kind.StartsWith("dual", StringComparison.Ordinal)) Assert.True(socket.DualMode);
        return pair;
    }
}
