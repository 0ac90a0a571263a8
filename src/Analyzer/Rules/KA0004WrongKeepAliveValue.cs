using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Connections;
using KeepAliveAnalyzers.Engine.Sockets;
using KeepAliveAnalyzers.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// KA0004: a keepalive option gets a value the OS reads differently from what the code means: milliseconds where
/// seconds are taken (30000 is 8 h 20 min on Linux), seconds where milliseconds are taken (KeepAliveValues,
/// TCP_USER_TIMEOUT), values Linux rejects, the bool overload (true = 1 s), or an option named at the wrong level
/// (SocketOptionLevel.IP + TcpKeepAliveTime silently sets IP_TOS).
/// </summary>
internal sealed class KA0004WrongKeepAliveValue : SocketCallRule
{
    /// <summary>The rule id.</summary>
    public const string Id = RuleIds.WrongKeepAliveValue;

    // Warning: only values the code fixes at compile time are judged (constants, locals assigned once from one,
    // bytes built from them), and every report is either a value the OS rejects, an alias the OS resolves to
    // another option, or a unit slip whose literal reading is absurd (an 8-hour idle written as 30000, a 30 ms
    // user timeout). Whole-minute values that are plausible seconds (1800, 3600, 7200) are left alone.
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        Id,
        title: "Keepalive option set with the wrong unit, an out-of-range value or at the wrong level",
        messageFormat: "{0} {1}; {2}",
        Categories.Reliability,
        DiagnosticSeverity.Warning,
        description: "TcpKeepAliveTime and TcpKeepAliveInterval take seconds (1 to 32767 on Linux), TcpKeepAliveRetryCount 1 to 127 probes " +
                     "on Linux (255 on Windows), while IOControl(KeepAliveValues) and TCP_USER_TIMEOUT take milliseconds. A millisecond value " +
                     "passed as seconds is accepted silently (30000 = 8 h 20 min) or throws above 32767; a second value passed as milliseconds " +
                     "probes or times out almost at once. The bool overload passes 1 (1 s) or 0 (rejected), and an option named at the wrong " +
                     "level is another option there: SocketOptionLevel.IP with TcpKeepAliveTime sets IP_TOS, Socket with TcpKeepAlive* " +
                     "or Tcp with KeepAlive throw OperationNotSupported on Linux.");

    /// <summary>Diagnostic property naming the code fix that applies (absent when none does).</summary>
    internal const string FixProperty = "Fix";

    /// <summary><see cref="FixProperty"/> value: replace the literal with <see cref="ReplacementProperty"/> (milliseconds to seconds).</summary>
    internal const string FixToSeconds = "ToSeconds";

    /// <summary><see cref="FixProperty"/> value: replace the level argument with <c>SocketOptionLevel.</c><see cref="ReplacementProperty"/>.</summary>
    internal const string FixLevel = "Level";

    /// <summary>The new literal or level member name.</summary>
    internal const string ReplacementProperty = "Replacement";

    /// <summary>Creates the rule.</summary>
    public KA0004WrongKeepAliveValue()
        : base(Rule)
    {
    }

    /// <inheritdoc/>
    public override void Start(SocketCallRuleStart start)
    {
        if (start.Engine is { Symbols.Socket: { } socket } engine)
        {
            start.On(OperationKind.Invocation, c => Analyze(c, socket, engine.Connections));
        }
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol socket, ConnectionsContext data)
    {
        if (SocketOptionCall.TryCreate((IInvocationOperation)context.Operation, socket) is { } call &&
            KA0004KeepAliveValueChecks.Check(call, data, context.CancellationToken) is { } finding)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, finding.At.Syntax.GetLocation(), finding.Properties, finding.Subject, finding.Problem, finding.Advice));
        }
    }
}
