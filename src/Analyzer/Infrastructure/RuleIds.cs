namespace KeepAliveAnalyzers;

/// <summary>The catalogue of rule ids: one place to see every rule the package ships.</summary>
public static class RuleIds
{
    /// <summary>Long-lived TCP connection with no dead-peer detection.</summary>
    public const string NoDeadPeerDetection = "KA0001";

    /// <summary>TCP keepalive enabled with the OS default timings (2 h and more).</summary>
    public const string KeepAliveWithDefaultTimings = "KA0002";

    /// <summary>Keepalive without a user timeout: unacknowledged data to a dead peer still hangs 15-30 min.</summary>
    public const string NoUserTimeout = "KA0003";

    /// <summary>Keepalive timings set, but keepalive itself never enabled.</summary>
    public const string TimingsWithoutKeepAlive = "KA0006";

    /// <summary>Keepalive option set with the wrong unit, an out-of-range value, the bool overload or the wrong level.</summary>
    public const string WrongKeepAliveValue = "KA0004";

    /// <summary>User timeout far from idle + interval × count, or shorter than the idle time.</summary>
    public const string UserTimeoutMismatch = "KA0008";

    /// <summary>Windows-only keepalive API (IOControl KeepAliveValues, raw option numbers) on a cross-platform path.</summary>
    public const string WindowsOnlyKeepAliveApi = "KA0005";

    /// <summary>Raw socket option or exposed handle before a multi-address connect (Unix cannot retry the next address).</summary>
    public const string RawOptionBeforeMultiAddressConnect = "KA0007";
}

/// <summary>Diagnostic categories.</summary>
internal static class Categories
{
    public const string Reliability = "Reliability";
    public const string Portability = "Portability";
}
