using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Connections;
using KeepAliveAnalyzers.Hosting;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// KA0006: keepalive idle/interval/count are set on a connection but SO_KEEPALIVE is never turned on. Linux then
/// sends no probes at all (measured: no keepalive timer, dead peer not detected), while Windows before 10 1709
/// turns keepalive on implicitly: the same code behaves differently per OS.
/// </summary>
internal sealed class KA0006TimingsWithoutKeepAlive : ConnectionRule
{
    /// <summary>The rule id.</summary>
    public const string Id = RuleIds.TimingsWithoutKeepAlive;

    // Warning: reported only when the analysis saw every place the connection goes (nothing escaped to code it
    // cannot read), so "never enabled" is a fact about this code, not a guess.
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        Id,
        title: "Keepalive timings are set but keepalive is never enabled",
        messageFormat: "TCP connection '{0}' sets keepalive timings but never enables keepalive; Linux sends no probes: add SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true)",
        Categories.Reliability,
        DiagnosticSeverity.Warning,
        description: "TcpKeepAliveTime, TcpKeepAliveInterval and TcpKeepAliveRetryCount only configure the probes; SO_KEEPALIVE turns them on. " +
                     "On Linux and macOS the timings alone do nothing (no keepalive timer runs), while older Windows enables keepalive " +
                     "implicitly when the timings are set through IOControl emulation, so the code seems to work on Windows and silently " +
                     "never detects a dead peer on Linux. Enable SO_KEEPALIVE as well, or use KeepAlive.TcpKeepAlive.Configure(socket).");

    /// <summary>Creates the rule.</summary>
    public KA0006TimingsWithoutKeepAlive()
        : base(Rule)
    {
    }

    /// <inheritdoc/>
    public override bool Reports(ConnectionAssessment assessment) =>
        assessment.Facts.Level == KeepAliveLevel.Tuned && !assessment.Facts.Has(Evidence.KeepAliveEnabled | Evidence.Escaped);

    /// <summary>The timing call, where the code fix inserts the missing SO_KEEPALIVE call.</summary>
    public override Location[]? AdditionalLocations(ConnectionAssessment assessment) =>
        assessment.TimingCall is { } timing ? new[] { timing.Syntax.GetLocation() } : null;
}
