using System.Threading;

namespace KeepAlive.Tests.DeadPeer;

/// <summary>
/// Names unique to this process and call (process id + counter), so parallel test classes, the two test
/// projects running side by side, and leftovers of a crashed run never collide. Interface names stay within
/// the kernel's 15 characters.
/// </summary>
internal readonly record struct TopologyNames(string Namespace, string HostInterface, string PeerInterface)
{
    private static int _counter;

    public static TopologyNames Next()
    {
        string id = $"{System.Environment.ProcessId:x}n{Interlocked.Increment(ref _counter)}";
        return new TopologyNames($"ka-deadpeer-{id}", $"ka{id}h", $"ka{id}p");
    }
}
