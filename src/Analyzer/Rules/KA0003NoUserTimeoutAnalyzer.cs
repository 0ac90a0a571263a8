using System.Diagnostics.CodeAnalysis;
using KeepAliveAnalyzers.Engine;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// KA0003: a long-lived TCP connection has tuned keepalive but no user timeout. Keepalive never runs while data is
/// unacknowledged, so a send to a dead peer blocks until the retransmissions give up: ~15-30 min on Linux.
/// </summary>
/// <remarks>Shipped inside <see cref="ConnectionRulesAnalyzer"/>; this class runs the rule alone (its tests, tools).</remarks>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Loaded through ConnectionRulesAnalyzer, which hosts the four connection rules at once.")]
public sealed class KA0003NoUserTimeoutAnalyzer : ConnectionRuleAnalyzer
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

    /// <summary>What the rule reports, for the analyzers that host it.</summary>
    internal static readonly ConnectionRule Definition = new(
        Rule,
        assessment =>
            assessment is { Facts.Level: KeepAliveLevel.Tuned, HasUserTimeout: false });

    /// <summary>Creates the analyzer.</summary>
    public KA0003NoUserTimeoutAnalyzer()
        : base(Definition)
    {
    }

    // Default timings are KA0002's (its message already asks for a user timeout): one report per connection.
}
