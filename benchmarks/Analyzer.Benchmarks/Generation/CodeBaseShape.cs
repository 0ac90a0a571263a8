namespace KeepAliveAnalyzers.Benchmarks.Generation;

public enum CodeBaseShape
{
    /// <summary>About 10% of the files hold socket code (every kind in <see cref="SocketFiles"/>), 1% are generated, the rest plain classes.</summary>
    Realistic,

    /// <summary>Plain classes only: what the analyzers cost on code that has nothing for them.</summary>
    NoSockets,

    /// <summary>Every file holds one long-lived, unconfigured socket or accept loop that the KA0001 code fix can fix: the Fix All workload.</summary>
    AllFixable,
}
