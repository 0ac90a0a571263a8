using System;

namespace KeepAlive;

/// <summary>The caller's option values, read once and not yet validated.</summary>
internal readonly struct KeepAliveRequest
{
    internal KeepAliveRequest(TimeSpan idle, TimeSpan interval, int probeCount, TimeSpan? userTimeout, bool userTimeoutDerived)
    {
        Idle = idle;
        Interval = interval;
        ProbeCount = probeCount;
        UserTimeout = userTimeout;
        UserTimeoutDerived = userTimeoutDerived;
    }

    internal TimeSpan Idle { get; }
    internal TimeSpan Interval { get; }
    internal int ProbeCount { get; }
    internal TimeSpan? UserTimeout { get; }

    /// <summary>True when UserTimeout was never assigned and is Idle + Interval × ProbeCount.</summary>
    internal bool UserTimeoutDerived { get; }
}
