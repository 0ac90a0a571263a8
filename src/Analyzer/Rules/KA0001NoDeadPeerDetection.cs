using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Connections;
using KeepAliveAnalyzers.Hosting;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// KA0001: a long-lived TCP connection with no dead-peer detection at all. When the peer loses power or a NAT
/// drops the flow, nothing arrives: an idle connection waits forever (2 h 11 min with Linux keepalive defaults,
/// if keepalive were even on) and one with unacknowledged data hangs 15-30 min.
/// </summary>
internal sealed class KA0001NoDeadPeerDetection : ConnectionRule
{
    /// <summary>The rule id.</summary>
    public const string Id = RuleIds.NoDeadPeerDetection;

    // Warning: the rule reports only connections it can show are long-lived and unconfigured; anything it cannot
    // follow (a protocol chosen at run time, a listener of unknown kind) stays quiet, so a report is worth a build break.
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        Id,
        title: "Long-lived TCP connection has no dead-peer detection",
        messageFormat: "TCP connection '{0}' is long-lived but has no dead-peer detection; configure keepalive and a user timeout (TcpKeepAlive.Configure)",
        Categories.Reliability,
        DiagnosticSeverity.Warning,
        description: "A TCP connection that is kept open (stored, looped on, handed to a background task or handler) never notices a peer " +
                     "that vanished without closing it (power loss, pulled cable, a NAT or load balancer silently dropping the flow): an idle " +
                     "connection waits forever and one with unacknowledged data hangs 15-30 minutes on Linux. Enable TCP keepalive with tuned " +
                     "idle/interval/count and set a user timeout, for example with KeepAlive.TcpKeepAlive.Configure(socket).");

    /// <summary>Creates the rule.</summary>
    public KA0001NoDeadPeerDetection()
        : base(Rule)
    {
    }

    /// <inheritdoc/>
    public override bool Reports(ConnectionAssessment assessment) =>
        assessment is { Facts.Level: <= KeepAliveLevel.WindowsOnly, HasUserTimeout: false };
}
