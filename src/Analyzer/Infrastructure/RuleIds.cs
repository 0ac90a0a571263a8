namespace KeepAliveAnalyzers;

/// <summary>The catalogue of rule ids: one place to see every rule the package ships.</summary>
public static class RuleIds
{
    /// <summary>Long-lived TCP connection with no dead-peer detection.</summary>
    public const string NoDeadPeerDetection = "KA0001";

    /// <summary>TCP keepalive enabled with the OS default timings (2 h and more).</summary>
    public const string KeepAliveWithDefaultTimings = "KA0002";
}

/// <summary>Diagnostic categories.</summary>
internal static class Categories
{
    public const string Reliability = "Reliability";
    public const string Portability = "Portability";
}
