using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Connections;
using KeepAliveAnalyzers.Hosting;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// KA0003: a long-lived TCP connection has tuned keepalive but no user timeout. Keepalive never runs while data is
/// unacknowledged, so a send to a dead peer blocks until the retransmissions give up: ~15-30 min on Linux.
/// </summary>
internal sealed class KA0003NoUserTimeout : ConnectionRule
{
    /// <summary>The rule id.</summary>
    public const string Id = RuleIds.NoUserTimeout;

    // Info (suggestion): it fires on code that already did the important part (tuned keepalive), and connections
    // that only ever send small requests after an idle period are served well enough by keepalive alone.
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        Id,
        title: "Long-lived TCP connection with keepalive has no user timeout",
        messageFormat: "TCP connection '{0}' has keepalive but no user timeout; data sent to a dead peer blocks 15-30 min on Linux (TcpKeepAlive.Configure sets both)",
        Categories.Reliability,
        DiagnosticSeverity.Info,
        description: "TCP keepalive only probes an idle connection. Once data is sent and not acknowledged, the retransmission timer takes " +
                     "over and Linux retries for about 15-30 minutes (tcp_retries2 = 15) before the send fails. A user timeout " +
                     "(TCP_USER_TIMEOUT on Linux, TCP_MAXRT on Windows, TCP_RXT_CONNDROPTIME on macOS) bounds that; set it to about " +
                     "idle + interval × count. KeepAlive.TcpKeepAlive.Configure(socket) sets keepalive and the user timeout together.");

    /// <summary>Creates the rule.</summary>
    public KA0003NoUserTimeout()
        : base(Rule)
    {
    }

    /// <inheritdoc/>
    public override bool Reports(ConnectionAssessment assessment) =>
        assessment is { Facts.Level: KeepAliveLevel.Tuned, HasUserTimeout: false };

    // Default timings are KA0002's (its message already asks for a user timeout): one report per connection.
}
