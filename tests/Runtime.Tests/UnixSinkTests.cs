using System;
using System.Net.Sockets;
using KeepAlive.Tests.Support;
using Xunit;
using static KeepAlive.TcpKeepAliveOptionStatus;

namespace KeepAlive.Tests;

public class UnixSinkTests
{
    // The tracked .NET options, in .NET's numbering, which the runtime maps to each OS's own option.
    private static readonly SinkCall[] TrackedDefaults =
    {
        SinkCall.Option(SocketOptionLevel.Socket, 8, 1),
        SinkCall.Option(SocketOptionLevel.Tcp, 3, 60),
        SinkCall.Option(SocketOptionLevel.Tcp, 17, 10),
        SinkCall.Option(SocketOptionLevel.Tcp, 16, 6),
    };

    [Theory]
    [InlineData("Linux", 18, 120_000)] // TCP_USER_TIMEOUT, ms
    [InlineData("MacOS", 0x80, 120)] // TCP_RXT_CONNDROPTIME, s
    [InlineData("FreeBsd", 68, 120)] // TCP_MAXUNACKTIME, s
    public void ConnectedSocketGetsTrackedOptionsThenTheRawUserTimeout(string osName, int name, int value)
    {
        OsKind os = Enum.Parse<OsKind>(osName);
        var sink = new RecordingSink(os);

        TcpKeepAliveResult result = Sinks.Apply(sink);

        Assert.Equal([.. TrackedDefaults, SinkCall.Raw(6, name, value)], sink.Calls);
        Assert.True(result.AllApplied, result.ToString());
    }

    [Theory]
    [InlineData("Linux", 90_500)]
    [InlineData("MacOS", 91)]
    [InlineData("FreeBsd", 91)]
    public void UserTimeoutUnitsAndRounding(string osName, int expected)
    {
        OsKind os = Enum.Parse<OsKind>(osName);
        var sink = new RecordingSink(os);

        Sinks.Apply(sink, new TcpKeepAliveOptions { UserTimeout = TimeSpan.FromMilliseconds(90_500) });

        Assert.Equal(expected, sink.Calls[^1].Value);
    }

    [Fact]
    public void LinuxRoundsAFractionalMillisecondUp()
    {
        var sink = new RecordingSink(OsKind.Linux);

        Sinks.Apply(sink, new TcpKeepAliveOptions { UserTimeout = TimeSpan.FromTicks(TimeSpan.TicksPerSecond * 60 + 1) });

        Assert.Equal(SinkCall.Raw(6, 18, 60_001), sink.Calls[^1]);
    }

    [Fact]
    public void CustomTimingsAreSentInSeconds()
    {
        var sink = new RecordingSink(OsKind.MacOS);

        Sinks.Apply(sink, new TcpKeepAliveOptions { Idle = TimeSpan.FromMinutes(2), Interval = TimeSpan.FromSeconds(5), ProbeCount = 200 });

        Assert.Equal(new[]
        {
            SinkCall.Option(SocketOptionLevel.Socket, 8, 1),
            SinkCall.Option(SocketOptionLevel.Tcp, 3, 120),
            SinkCall.Option(SocketOptionLevel.Tcp, 17, 5),
            SinkCall.Option(SocketOptionLevel.Tcp, 16, 200),
            SinkCall.Raw(6, 0x80, 1120), // 120 + 5 × 200 s
        }, sink.Calls);
    }

    [Theory]
    [InlineData(SocketError.ProtocolOption)] // ENOPROTOOPT: FreeBSD before 14
    [InlineData(SocketError.InvalidArgument)]
    public void FreeBsdWithoutMaxUnackTimeReportsTheUserTimeoutNotSupported(SocketError error)
    {
        var sink = new RecordingSink(OsKind.FreeBsd).Rejecting("raw", 6, 68, error);

        TcpKeepAliveResult result = Sinks.Apply(sink);

        Assert.Equal(TrackedDefaults, sink.Calls);
        Assert.Equal(Sinks.Result(Applied, Applied, Applied, Applied, NotSupported), result);
    }

    [Fact]
    public void UnknownOsGetsTrackedOptionsAndNoRawOption()
    {
        var sink = new RecordingSink(OsKind.Other);

        TcpKeepAliveResult result = Sinks.Apply(sink);

        Assert.Equal(TrackedDefaults, sink.Calls);
        Assert.Equal(Sinks.Result(Applied, Applied, Applied, Applied, NotSupported), result);
    }

    [Theory]
    [InlineData("Linux")]
    [InlineData("MacOS")]
    [InlineData("FreeBsd")]
    public void NotConnectedSocketDefersTheRawUserTimeout(string osName)
    {
        OsKind os = Enum.Parse<OsKind>(osName);
        var sink = new RecordingSink(os, connected: false);

        TcpKeepAliveResult result = Sinks.Apply(sink);

        Assert.Equal(TrackedDefaults, sink.Calls);
        Assert.Equal(Sinks.Result(Applied, Applied, Applied, Applied, Deferred), result);
        Assert.True(result.HasDeferred);
        Assert.False(result.AllApplied);
    }

    [Theory]
    [InlineData("Linux", 18, 120_000)]
    [InlineData("MacOS", 0x80, 120)]
    public void ListeningSocketGetsTheRawUserTimeout(string osName, int name, int value)
    {
        OsKind os = Enum.Parse<OsKind>(osName);
        var sink = new RecordingSink(os, connected: false, listening: true);

        TcpKeepAliveResult result = Sinks.Apply(sink);

        Assert.Equal(SinkCall.Raw(6, name, value), sink.Calls[^1]);
        Assert.True(result.AllApplied, result.ToString());
    }

    [Fact]
    public void NullUserTimeoutIsNotRequestedEvenWhenNotConnected()
    {
        var sink = new RecordingSink(OsKind.Linux, connected: false);

        TcpKeepAliveResult result = Sinks.Apply(sink, new TcpKeepAliveOptions { UserTimeout = null });

        Assert.Equal(TrackedDefaults, sink.Calls);
        Assert.Equal(NotRequested, result.UserTimeout);
        Assert.True(result.AllApplied);
    }

    [Theory]
    [InlineData(SocketError.OperationNotSupported)]
    [InlineData(SocketError.ProtocolOption)]
    [InlineData(SocketError.ProtocolNotSupported)]
    [InlineData(SocketError.InvalidArgument)]
    public void AnOptionTheOsRejectsIsReportedAndTheRestStillApplied(SocketError error)
    {
        var sink = new RecordingSink(OsKind.Linux).Rejecting("option", 6, 17, error);

        TcpKeepAliveResult result = Sinks.Apply(sink);

        Assert.Equal(Sinks.Result(Applied, Applied, NotSupported, Applied, Applied), result);
        Assert.Equal(4, sink.Calls.Count);
    }

    [Fact]
    public void OtherSocketErrorsAreNotSwallowed()
    {
        var sink = new RecordingSink(OsKind.Linux).Rejecting("option", 6, 3, SocketError.ConnectionReset);

        var error = Assert.Throws<SocketException>(() => Sinks.Apply(sink));

        Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
    }
}
