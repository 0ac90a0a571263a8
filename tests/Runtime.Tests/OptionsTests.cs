using System;
using Xunit;

namespace KeepAlive.Tests;

public class OptionsTests
{
    [Fact]
    public void DefaultsFindADeadPeerInTwoMinutes()
    {
        var options = new TcpKeepAliveOptions();

        Assert.Equal(TimeSpan.FromSeconds(60), options.Idle);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Interval);
        Assert.Equal(6, options.ProbeCount);
        Assert.Equal(TimeSpan.FromSeconds(120), options.UserTimeout);
        Assert.Equal(TcpKeepAliveOptions.DefaultIdle, options.Idle);
        Assert.Equal(TcpKeepAliveOptions.DefaultInterval, options.Interval);
        Assert.Equal(TcpKeepAliveOptions.DefaultProbeCount, options.ProbeCount);
    }

    [Fact]
    public void UnassignedUserTimeoutFollowsTheKeepAliveTimings()
    {
        var options = new TcpKeepAliveOptions { Idle = TimeSpan.FromSeconds(30), Interval = TimeSpan.FromSeconds(5), ProbeCount = 4 };

        Assert.Equal(TimeSpan.FromSeconds(50), options.UserTimeout);
        options.ProbeCount = 10;
        Assert.Equal(TimeSpan.FromSeconds(80), options.UserTimeout);
    }

    [Fact]
    public void AssignedUserTimeoutStaysPut()
    {
        var options = new TcpKeepAliveOptions { UserTimeout = TimeSpan.FromSeconds(300) };

        options.Idle = TimeSpan.FromSeconds(20);

        Assert.Equal(TimeSpan.FromSeconds(300), options.UserTimeout);
    }

    [Fact]
    public void AssigningNullMeansUnset()
    {
        var options = new TcpKeepAliveOptions { UserTimeout = null };

        options.Idle = TimeSpan.FromSeconds(20);

        Assert.Null(options.UserTimeout);
    }

    [Fact]
    public void DerivedUserTimeoutSaturatesInsteadOfOverflowing()
    {
        var options = new TcpKeepAliveOptions { Interval = TimeSpan.MaxValue, ProbeCount = 2 };

        Assert.Equal(TimeSpan.MaxValue, options.UserTimeout);
    }

    [Fact]
    public void ReadTakesOneSnapshot()
    {
        var options = new TcpKeepAliveOptions { ProbeCount = 3 };

        KeepAliveRequest request = options.Read();
        options.ProbeCount = 100;

        Assert.Equal(3, request.ProbeCount);
        Assert.Equal(TimeSpan.FromSeconds(90), request.UserTimeout);
        Assert.True(request.UserTimeoutDerived);
    }
}
