using System;
using KeepAlive.Tests.Support;
using Xunit;

namespace KeepAlive.Tests;

/// <summary>Every bound, both sides, through the public API on a real connected socket, which must be left untouched.</summary>
public class ValidationTests
{
    public static TheoryData<TimeSpan> BadTimings => new()
    {
        TimeSpan.Zero,
        TimeSpan.FromSeconds(-1),
        TimeSpan.FromSeconds(32768),
        TimeSpan.FromMilliseconds(500), // a fractional second is an error, not truncated to 0
        TimeSpan.FromMilliseconds(59_900), // nor to 59
        TimeSpan.FromTicks(TimeSpan.TicksPerSecond * 60 + 1),
        TimeSpan.MaxValue,
        TimeSpan.MinValue,
    };

    [LinuxTheory]
    [MemberData(nameof(BadTimings))]
    public void IdleOutOfRangeIsRejectedAndChangesNothing(TimeSpan idle) =>
        AssertRejected(new TcpKeepAliveOptions { Idle = idle, UserTimeout = null }, "Idle", idle, "1 to 32767");

    [LinuxTheory]
    [MemberData(nameof(BadTimings))]
    public void IntervalOutOfRangeIsRejectedAndChangesNothing(TimeSpan interval) =>
        AssertRejected(new TcpKeepAliveOptions { Interval = interval, UserTimeout = null }, "Interval", interval, "1 to 32767");

    [LinuxTheory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(128)]
    [InlineData(int.MaxValue)]
    public void ProbeCountOutOfLinuxRangeIsRejectedAndChangesNothing(int probeCount) =>
        AssertRejected(new TcpKeepAliveOptions { ProbeCount = probeCount }, "ProbeCount", probeCount, "1 to 127");

    [LinuxTheory]
    [InlineData(0L)]
    [InlineData(-1_000L)]
    [InlineData(int.MaxValue + 1L)]
    [InlineData(long.MaxValue / TimeSpan.TicksPerMillisecond)]
    public void UserTimeoutOutOfRangeIsRejectedAndChangesNothing(long milliseconds)
    {
        TimeSpan value = TimeSpan.FromTicks(milliseconds * TimeSpan.TicksPerMillisecond);
        AssertRejected(new TcpKeepAliveOptions { UserTimeout = value }, "UserTimeout", value, "2147483647 ms");
    }

    [LinuxFact]
    public void UserTimeoutSmallerThanIdleIsRejectedBecauseItWouldKillIdlePeers()
    {
        TimeSpan value = TimeSpan.FromSeconds(59);
        ArgumentOutOfRangeException error = AssertRejected(new TcpKeepAliveOptions { UserTimeout = value }, "UserTimeout", value, "smaller than Idle");
        Assert.Contains("idle", error.Message.Replace("Idle", ""), StringComparison.Ordinal);
    }

    [LinuxFact]
    public void DerivedUserTimeoutTooLargeSaysItWasDerived()
    {
        var options = new TcpKeepAliveOptions { Idle = TimeSpan.FromSeconds(32767), Interval = TimeSpan.FromSeconds(32767), ProbeCount = 127 };
        ArgumentOutOfRangeException error = AssertRejected(options, "UserTimeout", options.UserTimeout!.Value, "derived");
        Assert.Contains("null", error.Message, StringComparison.Ordinal);
    }

    [LinuxFact]
    public void EveryBoundItselfIsAccepted()
    {
        using Loopback pair = Loopback.IPv4();

        TcpKeepAlive.Configure(pair.Client, new TcpKeepAliveOptions
        {
            Idle = TimeSpan.FromSeconds(1), Interval = TimeSpan.FromSeconds(1), ProbeCount = 1, UserTimeout = TimeSpan.FromSeconds(1),
        });
        Assert.Equal(new LinuxOptions(1, 1, 1, 1, 1000), LinuxOptions.Read(pair.Client));

        TcpKeepAliveResult result = TcpKeepAlive.Configure(pair.Client, new TcpKeepAliveOptions
        {
            Idle = TimeSpan.FromSeconds(32767), Interval = TimeSpan.FromSeconds(32767), ProbeCount = 127,
            UserTimeout = TimeSpan.FromMilliseconds(int.MaxValue),
        });
        Assert.True(result.AllApplied, result.ToString());
        Assert.Equal(new LinuxOptions(1, 32767, 32767, 127, int.MaxValue), LinuxOptions.Read(pair.Client));
    }

    [LinuxFact]
    public void UserTimeoutEqualToIdleIsAccepted()
    {
        using Loopback pair = Loopback.IPv4();

        TcpKeepAlive.Configure(pair.Client, new TcpKeepAliveOptions { UserTimeout = TimeSpan.FromSeconds(60) });

        Assert.Equal(60_000, LinuxOptions.Read(pair.Client).UserTimeoutMs);
    }

    [Theory]
    [InlineData("Linux", 127, 128)]
    [InlineData("Windows", 255, 256)]
    [InlineData("MacOS", 255, 256)]
    [InlineData("FreeBsd", 255, 256)]
    [InlineData("Other", 255, 256)]
    public void ProbeCountLimitDependsOnTheOs(string osName, int highest, int tooHigh)
    {
        OsKind os = Enum.Parse<OsKind>(osName);
        Assert.Equal(highest, KeepAliveSettings.Validate(new TcpKeepAliveOptions { ProbeCount = highest }.Read(), os).ProbeCount);

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => KeepAliveSettings.Validate(new TcpKeepAliveOptions { ProbeCount = tooHigh }.Read(), os));
        Assert.Contains($"1 to {highest}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationHappensBeforeTheSinkIsTouched()
    {
        var sink = new RecordingSink(OsKind.Windows, 16299);

        Assert.Throws<ArgumentOutOfRangeException>(() => Sinks.Apply(sink, new TcpKeepAliveOptions { ProbeCount = 0 }));

        Assert.Empty(sink.Calls);
    }

    private static ArgumentOutOfRangeException AssertRejected(TcpKeepAliveOptions options, string option, object value, string expectedText)
    {
        using Loopback pair = Loopback.IPv4();
        LinuxOptions before = LinuxOptions.Read(pair.Client);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TcpKeepAlive.Configure(pair.Client, options));

        Assert.Equal(option, error.ParamName);
        Assert.Equal(value, error.ActualValue);
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedText, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, LinuxOptions.Read(pair.Client));
        Assert.Equal(LinuxOptions.KernelDefaults, before);
        Assert.True(pair.Client.Connected);
        return error;
    }
}
