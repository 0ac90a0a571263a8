#if RUNTIME_NETSTANDARD
using System.Net.Sockets;
using KeepAlive.Tests.Support;
using Xunit;

namespace KeepAlive.Tests;

/// <summary>The netstandard2.0 build's two ways to set a raw option: the reflected .NET 5+ method, and libc for older runtimes.</summary>
public class NetStandardRawOptionTests
{
    [Fact]
    public void TheRuntimeMethodIsBoundOnModernDotNet()
    {
        Assert.True(RawSocketOption.HasManagedSetter);
    }

    [LinuxFact]
    public void LibcFallbackSetsTheUserTimeout()
    {
        using Loopback pair = Loopback.IPv4();

        RawSocketOption.SetWithLibc(pair.Client, LinuxOptions.IpProtoTcp, LinuxOptions.TcpUserTimeout, 4444);

        Assert.Equal(4444, LinuxOptions.Read(pair.Client).UserTimeoutMs);
    }

    [LinuxFact]
    public void LibcFallbackTranslatesAnUnknownOptionToProtocolOption()
    {
        using Loopback pair = Loopback.IPv4();

        var error = Assert.Throws<SocketException>(() => RawSocketOption.SetWithLibc(pair.Client, LinuxOptions.IpProtoTcp, 9999, 1));

        Assert.Equal(SocketError.ProtocolOption, error.SocketErrorCode);
    }

    [LinuxFact]
    public void LibcFallbackTranslatesABadValueToInvalidArgument()
    {
        using Loopback pair = Loopback.IPv4();

        var error = Assert.Throws<SocketException>(() => RawSocketOption.SetWithLibc(pair.Client, LinuxOptions.IpProtoTcp, LinuxOptions.TcpUserTimeout, -1));

        Assert.Equal(SocketError.InvalidArgument, error.SocketErrorCode);
    }
}
#endif
