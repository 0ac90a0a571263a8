using System;
using KeepAlive.Tests.Support;
using Xunit;

namespace KeepAlive.Tests;

/// <summary>Counts bytes, not time: Configure on a connected socket must not allocate.</summary>
public class AllocationTests
{
    [LinuxFact]
    public void ConfigureOnAConnectedSocketAllocatesNothing()
    {
        using Loopback pair = Loopback.IPv4();
        var options = new TcpKeepAliveOptions { ProbeCount = 5 };
        Exercise(pair, options); // JIT, static constructors, the netstandard build's one-time reflection

        long before = GC.GetAllocatedBytesForCurrentThread();
        Exercise(pair, options);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(LinuxOptions.LibraryDefaults with { ProbeCount = 5, UserTimeoutMs = 110_000 }, LinuxOptions.Read(pair.Client));
    }

    private static void Exercise(Loopback pair, TcpKeepAliveOptions options)
    {
        for (int i = 0; i < 100; i++)
        {
            TcpKeepAliveResult result = TcpKeepAlive.Configure(pair.Client, i % 2 == 0 ? null : options);
            if (!result.AllApplied) throw new InvalidOperationException(result.ToString());
        }
    }
}
