using Xunit;
using static KeepAlive.TcpKeepAliveOptionStatus;

namespace KeepAlive.Tests;

public class ResultTests
{
    [Fact]
    public void AllAppliedCountsNotRequestedAsDone()
    {
        Assert.True(Sinks.Result(Applied, Applied, Applied, Applied, Applied).AllApplied);
        Assert.True(Sinks.Result(Applied, Applied, Applied, Applied, NotRequested).AllApplied);
    }

    [Theory]
    [InlineData(NotSupported)]
    [InlineData(Deferred)]
    public void AllAppliedIsFalseWhenAnythingIsMissing(TcpKeepAliveOptionStatus status)
    {
        Assert.False(Sinks.Result(Applied, Applied, Applied, status, Applied).AllApplied);
        Assert.False(Sinks.Result(status, Applied, Applied, Applied, Applied).AllApplied);
        Assert.False(Sinks.Result(Applied, Applied, Applied, Applied, status).AllApplied);
    }

    [Fact]
    public void HasDeferredOnlyForDeferred()
    {
        Assert.True(Sinks.Result(Applied, Applied, Applied, Applied, Deferred).HasDeferred);
        Assert.False(Sinks.Result(Applied, Applied, Applied, NotSupported, NotRequested).HasDeferred);
    }

    [Fact]
    public void ToStringListsEveryOption()
    {
        Assert.Equal(
            "KeepAlive=Applied, Idle=Applied, Interval=Applied, ProbeCount=NotSupported, UserTimeout=Deferred",
            Sinks.Result(Applied, Applied, Applied, NotSupported, Deferred).ToString());
    }

    [Fact]
    public void EqualityComparesEveryOption()
    {
        TcpKeepAliveResult a = Sinks.Result(Applied, Applied, Applied, Applied, Deferred);

        Assert.Equal(a, Sinks.Result(Applied, Applied, Applied, Applied, Deferred));
        Assert.True(a == Sinks.Result(Applied, Applied, Applied, Applied, Deferred));
        Assert.True(a != Sinks.Result(Applied, Applied, Applied, Applied, Applied));
        Assert.NotEqual(a.GetHashCode(), Sinks.Result(Applied, Applied, Applied, Deferred, Applied).GetHashCode());
    }

    [Fact]
    public void DefaultResultIsAllNotRequested()
    {
        Assert.Equal(Sinks.Result(NotRequested, NotRequested, NotRequested, NotRequested, NotRequested), default(TcpKeepAliveResult));
    }
}
