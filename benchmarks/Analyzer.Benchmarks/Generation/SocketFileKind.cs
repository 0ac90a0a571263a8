namespace KeepAliveAnalyzers.Benchmarks.Generation;

/// <summary>The socket code a real code base holds, from the connections the rules are about to the ones they must leave alone.</summary>
public enum SocketFileKind
{
    /// <summary>A TcpClient kept in a field and read in a loop: KA0001.</summary>
    LongLivedClient,

    /// <summary>A Socket kept in a field, sending in a loop: KA0001.</summary>
    LongLivedSocket,

    /// <summary>A TcpListener accept loop handing each client to a background task: KA0001 on the accept.</summary>
    AcceptLoop,

    /// <summary>Connect, one request, one reply, dispose: not long-lived, nothing to report.</summary>
    ShortExchange,

    /// <summary>A long-lived client configured with KeepAlive.TcpKeepAlive.Configure: nothing to report.</summary>
    ConfiguredWithHelper,

    /// <summary>A long-lived socket with SO_KEEPALIVE, the three timings and TCP_USER_TIMEOUT: nothing to report.</summary>
    ConfiguredByHand,

    /// <summary>SO_KEEPALIVE with the OS timings: KA0002.</summary>
    DefaultTimings,

    /// <summary>Keepalive with tuned timings but no user timeout: KA0003.</summary>
    TunedWithoutUserTimeout,

    /// <summary>Timings set but SO_KEEPALIVE never turned on: KA0006 (and KA0003: no user timeout either).</summary>
    TimingsWithoutKeepAlive,
}
