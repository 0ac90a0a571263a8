using System.Collections.Generic;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Connections;
using KeepAliveAnalyzers.Engine.Sockets;
using KeepAliveAnalyzers.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// KA0008: a user timeout that does not fit the keepalive timings of the same socket. On Linux TCP_USER_TIMEOUT
/// overrides the probe count: far above idle + interval × count it delays detecting a dead idle peer (20 s against
/// 2 + 1 × 3 = 5 s took 20.46 s), below the idle time a single lost probe drops a live connection.
/// </summary>
internal sealed class KA0008UserTimeoutMismatch : SocketCallRule
{
    /// <summary>The rule id.</summary>
    public const string Id = RuleIds.UserTimeoutMismatch;

    // Info: every value is a constant on one socket variable, so the arithmetic is certain, but a mismatch is a
    // tuning defect, not a failure: the connection still detects dead peers, later than configured (too large) or
    // with no tolerance for a lost probe (too small), and a team may accept a long user timeout on purpose to ride
    // out long stalls of busy connections. Raise it to warning with dotnet_diagnostic.KA0008.severity.
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        Id,
        title: "User timeout far from idle + interval × count",
        messageFormat: "{0} {1}; {2}",
        Categories.Reliability,
        DiagnosticSeverity.Info,
        description: "TCP_USER_TIMEOUT bounds how long sent data may stay unacknowledged, and on Linux it also replaces the keepalive probe " +
                     "count: the connection is dropped once the user timeout has passed with a probe outstanding. Set it near " +
                     "idle + interval × count. Far larger (more than twice), it delays detecting a dead idle peer to the user timeout " +
                     "(measured: 20.46 s instead of 5 s with 2 s / 1 s × 3 and a 20 s user timeout); smaller than the idle time, the first " +
                     "unanswered probe drops the connection. Only constants set on one socket variable (or one TcpKeepAliveOptions " +
                     "initializer) are compared.");

    /// <summary>Creates the rule.</summary>
    public KA0008UserTimeoutMismatch()
        : base(Rule)
    {
    }

    /// <inheritdoc/>
    public override void Start(SocketCallRuleStart start)
    {
        var data = start.Engine.Connections;
        if (data.Symbols.Socket is { } socket)
        {
            start.On(OperationKind.Invocation, c => AnalyzeUserTimeout(c, socket, data));
        }

        if (data.Symbols.TcpKeepAliveOptions is { } options)
        {
            start.On(OperationKind.ObjectCreation, c => KA0008HelperOptions.Analyze(c, options, Rule));
        }
    }

    /// <summary>At a user-timeout call: compare it with the timings set on the same socket variable.</summary>
    private static void AnalyzeUserTimeout(OperationAnalysisContext context, INamedTypeSymbol socket, ConnectionsContext data)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (SocketOptionCall.TryCreate(invocation, socket) is not { } call ||
            KA0008SocketTimings.Classify(call, data, context.CancellationToken) is not { IsUserTimeout: true, Value: { } userTimeout } setting ||
            KA0008SocketTimings.TargetOf(invocation.Instance) is not { } target)
        {
            return;
        }

        data.Remember(invocation.SemanticModel);
        var settings = KA0008SocketTimings.On(target, invocation, data, context.CancellationToken);
        var source = setting.Timing == KA0008Timing.LinuxUserTimeout ? KA0008Source.LinuxUserTimeout : KA0008Source.WindowsMaxRetransmit;
        if (Single(settings, setting.Timing) != userTimeout ||
            KA0008UserTimeoutComparison.Compare(source, userTimeout, Single(settings, KA0008Timing.Idle), Single(settings, KA0008Timing.Interval), Single(settings, KA0008Timing.Count)) is not var (problem, advice))
        {
            return; // the same socket also gets another user timeout: which one applies is not known
        }

        var subject = source == KA0008Source.LinuxUserTimeout
            ? $"User timeout {DurationText.Seconds(userTimeout)} (TCP_USER_TIMEOUT {DurationText.Number(userTimeout * 1000)})"
            : $"User timeout {DurationText.Seconds(userTimeout)} (TCP_MAXRT)";
        context.ReportDiagnostic(Diagnostic.Create(Rule, call.ValueArgument.Value.Syntax.GetLocation(), subject, problem, advice));
    }

    /// <summary>The value of <paramref name="timing"/> when every call that sets it sets the same known value, else null.</summary>
    private static double? Single(IReadOnlyList<KA0008Setting> settings, KA0008Timing timing)
    {
        double? value = null;
        foreach (var setting in settings)
        {
            if (setting.Timing != timing)
            {
                continue;
            }

            if (setting.Value is not { } known || (value is { } seen && seen != known))
            {
                return null;
            }

            value = known;
        }

        return value;
    }
}
