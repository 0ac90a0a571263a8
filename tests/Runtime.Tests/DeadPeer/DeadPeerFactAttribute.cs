using Xunit;

namespace KeepAlive.Tests.DeadPeer;

/// <summary>
/// A fact that needs a real network namespace. Where the machine cannot provide one it is reported as skipped,
/// with the reason; with CI=true it runs anyway and <see cref="DeadPeerEnvironment.Require"/> fails it, so a CI
/// machine that lost its setup cannot pass by skipping. (xunit 2 reads <c>Skip</c> from the attribute instance.)
/// </summary>
internal sealed class DeadPeerFactAttribute : FactAttribute
{
    public DeadPeerFactAttribute()
    {
        if (!DeadPeerEnvironment.IsCi && DeadPeerEnvironment.WhyUnavailable is { } reason)
            Skip = $"dead-peer test needs a network namespace: {reason}";
    }
}
