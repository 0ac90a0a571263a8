using System;
using System.Net.Sockets;
using KeepAlive.Tests.Support;
using Xunit;
using static KeepAlive.TcpKeepAliveOptionStatus;

namespace KeepAlive.Tests;

public class WindowsSinkTests
{
    private const int Windows10_1709 = 16299, Windows10_1703 = 15063, Windows10_1607 = 14393, Windows7 = 7601;
    private static readonly SinkCall KeepAliveOn = SinkCall.Option(SocketOptionLevel.Socket, 8, 1);

    [Fact]
    public void Windows1709UsesSocketOptionsInSecondsAndTcpMaxRtInSeconds()
    {
        var sink = new RecordingSink(OsKind.Windows, Windows10_1709);

        TcpKeepAliveResult result = Sinks.Apply(sink);

        Assert.Equal(new[]
        {
            KeepAliveOn,
            SinkCall.Option(SocketOptionLevel.Tcp, 3, 60), // TCP_KEEPALIVE (idle), s
            SinkCall.Option(SocketOptionLevel.Tcp, 17, 10), // TCP_KEEPINTVL, s
            SinkCall.Option(SocketOptionLevel.Tcp, 16, 6), // TCP_KEEPCNT
            SinkCall.Option(SocketOptionLevel.Tcp, 5, 120), // TCP_MAXRT, s
        }, sink.Calls);
        Assert.True(result.AllApplied, result.ToString());
    }

    [Fact]
    public void Windows1709RoundsTheUserTimeoutUpToWholeSeconds()
    {
        var sink = new RecordingSink(OsKind.Windows, Windows10_1709);

        Sinks.Apply(sink, new TcpKeepAliveOptions { Idle = TimeSpan.FromSeconds(30), UserTimeout = TimeSpan.FromMilliseconds(30_001) });

        Assert.Equal(SinkCall.Option(SocketOptionLevel.Tcp, 5, 31), sink.Calls[^1]);
    }

    [Fact]
    public void Windows1703SendsKeepAliveValuesInMillisecondsButSetsTheProbeCount()
    {
        var sink = new RecordingSink(OsKind.Windows, Windows10_1703);

        TcpKeepAliveResult result = Sinks.Apply(sink);

        Assert.Equal(new[]
        {
            KeepAliveOn,
            SinkCall.KeepAliveValues("01-00-00-00-60-EA-00-00-10-27-00-00"), // onoff 1, 60000 ms, 10000 ms
            SinkCall.Option(SocketOptionLevel.Tcp, 16, 6),
            SinkCall.Option(SocketOptionLevel.Tcp, 5, 120),
        }, sink.Calls);
        Assert.True(result.AllApplied, result.ToString());
    }

    [Theory]
    [InlineData(Windows10_1607)]
    [InlineData(Windows7)]
    [InlineData(0)] // build unknown: the path that works everywhere
    public void OldWindowsSendsExactKeepAliveValuesAndReportsTheFixedProbeCount(int build)
    {
        var sink = new RecordingSink(OsKind.Windows, build);
        var options = new TcpKeepAliveOptions { Idle = TimeSpan.FromSeconds(45), Interval = TimeSpan.FromSeconds(7), ProbeCount = 3 };

        TcpKeepAliveResult result = Sinks.Apply(sink, options);

        Assert.Equal(new[]
        {
            KeepAliveOn,
            SinkCall.KeepAliveValues("01-00-00-00-C8-AF-00-00-58-1B-00-00"), // onoff 1, 45000 ms, 7000 ms, little-endian
            SinkCall.Option(SocketOptionLevel.Tcp, 5, 66), // user timeout derived: 45 + 7 × 3 s
        }, sink.Calls);
        Assert.Equal(Sinks.Result(Applied, Applied, Applied, NotSupported, Applied), result);
        Assert.False(result.AllApplied);
    }

    [Fact]
    public void OldWindowsReportsIdleAndIntervalNotSupportedWhenTheIoctlIsRejected()
    {
        var sink = new RecordingSink(OsKind.Windows, Windows7).Rejecting("ioctl", 0, 0, SocketError.OperationNotSupported);

        TcpKeepAliveResult result = Sinks.Apply(sink);

        Assert.Equal(Sinks.Result(Applied, NotSupported, NotSupported, NotSupported, Applied), result);
    }

    [Fact]
    public void WindowsAppliesEverythingEvenBeforeConnecting()
    {
        var sink = new RecordingSink(OsKind.Windows, Windows10_1709, connected: false);

        TcpKeepAliveResult result = Sinks.Apply(sink);

        Assert.True(result.AllApplied, result.ToString());
        Assert.Equal(SinkCall.Option(SocketOptionLevel.Tcp, 5, 120), sink.Calls[^1]);
    }

    [Fact]
    public void WindowsWithoutUserTimeoutDoesNotTouchTcpMaxRt()
    {
        var sink = new RecordingSink(OsKind.Windows, Windows10_1709);

        TcpKeepAliveResult result = Sinks.Apply(sink, new TcpKeepAliveOptions { UserTimeout = null });

        Assert.DoesNotContain(sink.Calls, call => call.Name == 5);
        Assert.Equal(NotRequested, result.UserTimeout);
        Assert.True(result.AllApplied);
    }
}
