using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Connections;
using KeepAliveAnalyzers.Hosting;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// KA0002: a long-lived TCP connection turns keepalive on (directly, through a user option, or inherited from its
/// listener) but leaves the timings at the OS defaults: Linux sends the first probe after 2 h and gives up after
/// 2 h 11 min, Windows after about 2 h, long after any NAT or load balancer has dropped the idle flow.
/// </summary>
internal sealed class KA0002KeepAliveWithDefaultTimings : ConnectionRule
{
    /// <summary>The rule id.</summary>
    public const string Id = RuleIds.KeepAliveWithDefaultTimings;

    // Warning: the same evidence as KA0001 (long-lived, followed through source) and the code shows keepalive was
    // wanted; only the timings are missing, which no OS default makes reasonable.
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        Id,
        title: "TCP keepalive is enabled with the OS default timings",
        messageFormat: "TCP connection '{0}' enables keepalive with the OS default timings (first probe after 2 h); set idle, interval, count and a user timeout (TcpKeepAlive.Configure)",
        Categories.Reliability,
        DiagnosticSeverity.Warning,
        description: "SO_KEEPALIVE alone uses the operating system's timings: Linux waits 7200 s before the first probe and 9 × 75 s more " +
                     "before it gives up (2 h 11 min), Windows about 2 h. Azure Load Balancer drops idle flows after 4 minutes and AWS NAT " +
                     "gateways after 350 s, so the connection is dead long before keepalive notices. Set the idle time, probe interval and " +
                     "probe count (and a user timeout for busy connections), for example with KeepAlive.TcpKeepAlive.Configure(socket).");

    /// <summary>Creates the rule.</summary>
    public KA0002KeepAliveWithDefaultTimings()
        : base(Rule)
    {
    }

    /// <inheritdoc/>
    public override bool Reports(ConnectionAssessment assessment) =>
        assessment is { Facts.Level: KeepAliveLevel.DefaultTimings, HasUserTimeout: false };
}
