using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Platform;
using KeepAliveAnalyzers.Engine.Sockets;
using KeepAliveAnalyzers.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// KA0005: keepalive setup that only works on Windows, on a path that also runs on Linux and macOS:
/// <c>IOControl(KeepAliveValues)</c> throws PlatformNotSupportedException there, raw TCP option numbers mean
/// another option there, and a catch that swallows the failure leaves the connection on the 2-hour defaults.
/// Complements CA1416, which sees only the <c>IOControlCode.KeepAliveValues</c> member and only on .NET 5+.
/// </summary>
internal sealed class KA0005WindowsOnlyKeepAliveApi : SocketCallRule
{
    /// <summary>The rule id.</summary>
    public const string Id = RuleIds.WindowsOnlyKeepAliveApi;

    // Callers that only call this helper on Windows, at most this many levels up, count as a guard.
    private const int CallerDepth = 2;

    // Warning: each form is a crash or a wrong option on Linux/macOS by the documented .NET behaviour, and the rule
    // stays quiet wherever the code can be shown not to run there (platform checks it can read, [SupportedOSPlatform],
    // a Windows-only target, callers that check); what remains is code compiled for every platform.
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        Id,
        title: "Windows-only keepalive API on a cross-platform path",
        messageFormat: "'{0}' {1}",
        Categories.Portability,
        DiagnosticSeverity.Warning,
        description: "Socket.IOControl(IOControlCode.KeepAliveValues) (also written 0x98000004) throws PlatformNotSupportedException on " +
                     "Linux and macOS. Raw TCP option numbers mean different options per OS: SetRawSocketOption(6, 18) is TCP_USER_TIMEOUT " +
                     "on Linux but TCP_FAIL_CONNECT_ON_ICMP_ERROR on Windows, and SetSocketOption(Tcp, (SocketOptionName)5/14/18) reaches " +
                     "Winsock unchanged but throws on Unix. A catch that swallows the PlatformNotSupportedException leaves Linux on the " +
                     "2-hour keepalive defaults without a trace. Guard such calls with OperatingSystem.IsWindows() or " +
                     "RuntimeInformation.IsOSPlatform(OSPlatform.Windows) and use SocketOptionName.TcpKeepAliveTime/Interval/RetryCount " +
                     "(or KeepAlive.TcpKeepAlive.Configure) everywhere else. On .NET 5+ targets the IOControlCode.KeepAliveValues form is " +
                     "left to CA1416.");

    /// <summary>Creates the rule.</summary>
    public KA0005WindowsOnlyKeepAliveApi()
        : base(Rule)
    {
    }

    /// <inheritdoc/>
    /// <remarks>Nothing where the code runs only on Windows.</remarks>
    public override void Start(SocketCallRuleStart start)
    {
        if (start.CrossPlatform is { } platform)
        {
            start.On(OperationKind.Invocation, c => AnalyzeInvocation(c, platform));
            start.On(OperationKind.Try, c => AnalyzeTry(c, platform));
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, PlatformContext platform)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (SocketOptionCall.TryCreate(invocation, platform.Symbols.Socket) is not { } call)
        {
            return;
        }

        if (call.Kind == SocketOptionCallKind.KeepAliveValues)
        {
            if (!call.NamesKeepAliveValuesMember(platform.Symbols.IOControlCode))
            {
                ReportIoControl(context, platform, invocation, "IOControl(0x98000004)");
            }
            else if (!platform.IsCoveredByCA1416(invocation.Syntax.SyntaxTree, context.CancellationToken))
            {
                ReportIoControl(context, platform, invocation, "IOControl(IOControlCode.KeepAliveValues)");
            }

            return;
        }

        if (call.Level != TcpOptionNumbers.TcpLevel || call.NameArgument is not { } nameArgument)
        {
            return;
        }

        // The number may arrive through a local, a field, a conditional or a helper's parameter: each value it can hold
        // counts, unless an OS check picks it (IsWindows() ? 3 : 4 is right on both; the values alone lose which is which).
        var cancellationToken = context.CancellationToken;
        var names = call.Name is { } known
            ? ImmutableArray.Create(unchecked((int)known))
            : PossibleValues.Integers(nameArgument.Value, platform.Code, cancellationToken,
                condition => !OsConditionEvaluator.Evaluate(condition, platform, cancellationToken).IsUnknown);
        foreach (var name in names)
        {
            if (call.Kind == SocketOptionCallKind.SetRaw ? ReportRaw(context, platform, invocation, name) : ReportPassThrough(context, platform, invocation, name))
            {
                return;
            }
        }
    }

    /// <summary><c>SetRawSocketOption(6, n, …)</c> with a dead-peer number that is another option, or none, where the code runs.</summary>
    private static bool ReportRaw(OperationAnalysisContext context, PlatformContext platform, IInvocationOperation invocation, int name)
    {
        if (!TcpOptionNumbers.IsDeadPeerOption(name))
        {
            return false;
        }

        var where = WhereItRuns(context, platform, invocation, w => TcpOptionNumbers.IsMisreadOn(name, w));
        if (!TcpOptionNumbers.IsMisreadOn(name, where))
        {
            return false;
        }

        Report(context, invocation.Syntax.GetLocation(), $"SetRawSocketOption(6, {name}, …)",
            $"sets {TcpOptionNumbers.Describe(name, where)}; call it only under the check for the OS the number is meant for (OperatingSystem.IsLinux(), IsWindows(), IsMacOS())");
        return true;
    }

    /// <summary><c>SetSocketOption(Tcp, (SocketOptionName)n, …)</c> with a number .NET maps on Windows only.</summary>
    private static bool ReportPassThrough(OperationAnalysisContext context, PlatformContext platform, IInvocationOperation invocation, int name)
    {
        // A Windows-only option (TCP_MAXRT) tried inside a try that catches the SocketException is best effort by design.
        if (!TcpOptionNumbers.IsWindowsPassThrough(name) ||
            name is SocketOptionCall.WindowsMaxRetransmitSeconds or SocketOptionCall.WindowsMaxRetransmitMilliseconds && KA0005Catches.IsSocketFailureCaught(invocation, platform))
        {
            return false;
        }

        var where = WhereItRuns(context, platform, invocation, CanRunOutsideWindows);
        if (!where.CanRunOutside(OsFamily.Windows))
        {
            return false;
        }

        var windows = TcpOptionNumbers.Spelled(TcpOptionNumbers.Meaning(name, OsFamily.Windows));
        Report(context, invocation.Syntax.GetLocation(), $"SetSocketOption(Tcp, (SocketOptionName){name}, …)",
            $"reaches Windows unchanged ({windows}) but throws SocketException (OperationNotSupported) on {NonWindows(where)}; " +
            "call it only when OperatingSystem.IsWindows() is true and use SetRawSocketOption with the Linux or macOS number elsewhere");
        return true;
    }

    private static void ReportIoControl(OperationAnalysisContext context, PlatformContext platform, IInvocationOperation invocation, string call)
    {
        // A catch that expects the failure is judged as a whole by AnalyzeTry (reported only if it swallows it).
        if (KA0005Catches.IsExpectedByCatch(invocation, platform))
        {
            return;
        }

        var where = WhereItRuns(context, platform, invocation, CanRunOutsideWindows);
        if (where.CanRunOutside(OsFamily.Windows) && !IsExpectedByEveryCaller(invocation, context.ContainingSymbol, platform, context.CancellationToken))
        {
            Report(context, invocation.Syntax.GetLocation(), call,
                $"throws PlatformNotSupportedException on {NonWindows(where)}; call it only when OperatingSystem.IsWindows() " +
                "(or RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) is true and set TcpKeepAliveTime/Interval/RetryCount elsewhere (TcpKeepAlive.Configure)");
        }
    }

    /// <summary>A helper whose every in-source call sits in a try that expects the failure (<c>try { SetKeepAliveValues(s); } catch (PlatformNotSupportedException) { }</c>).</summary>
    private static bool IsExpectedByEveryCaller(IOperation operation, ISymbol? containingSymbol, PlatformContext platform, CancellationToken cancellationToken)
    {
        if (containingSymbol is not IMethodSymbol method || PlatformReach.IsInsideFunction(operation))
        {
            return false;
        }

        var calls = PlatformReach.CallsOf(method, platform, cancellationToken);
        if (!calls.IsComplete || calls.Invocations.IsEmpty)
        {
            return false;
        }

        foreach (var call in calls.Invocations)
        {
            if (!KA0005Catches.IsExpectedByCatch(call, platform))
            {
                return false;
            }
        }

        return true;
    }

    private static void AnalyzeTry(OperationAnalysisContext context, PlatformContext platform)
    {
        var @try = (ITryOperation)context.Operation;
        if (@try.Catches.IsEmpty)
        {
            return;
        }

        foreach (var @catch in @try.Catches)
        {
            if (!KA0005Catches.Swallows(@catch) || !KA0005Catches.ExpectsPlatformFailure(@catch, @try, platform))
            {
                continue;
            }

            var where = OsFamily.None;
            foreach (var (ioControl, through) in KA0005Catches.KeepAliveIoControls(@try.Body, platform, context.CancellationToken))
            {
                where |= through is null
                    ? WhereItRuns(context, platform, ioControl, CanRunOutsideWindows)
                    : WhereItRuns(context, platform, through, narrowingMatters: null) & PlatformReach.Guards(ioControl, platform, context.CancellationToken);
            }

            if (where.CanRunOutside(OsFamily.Windows) && @catch.Syntax is CatchClauseSyntax syntax)
            {
                var end = syntax.Declaration?.Span.End ?? syntax.CatchKeyword.Span.End;
                var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, end));
                var text = syntax.Declaration is { } declaration ? "catch " + declaration.ToString() : "catch";
                Report(context, location, text,
                    $"swallows the PlatformNotSupportedException that IOControl(KeepAliveValues) throws on {NonWindows(where)}, " +
                    "so connections there silently keep the OS keepalive defaults (first probe after 2 h); set TcpKeepAliveTime/Interval/RetryCount " +
                    "on those platforms instead (TcpKeepAlive.Configure)");
            }
        }
    }

    /// <summary>Where the call runs; its callers are searched only while <paramref name="narrowingMatters"/> says the verdict is still a report.</summary>
    private static OsFamily WhereItRuns(OperationAnalysisContext context, PlatformContext platform, IOperation operation, Func<OsFamily, bool>? narrowingMatters) =>
        PlatformReach.WhereItRuns(operation, context.ContainingSymbol, platform, CallerDepth, narrowingMatters, context.CancellationToken);

    private static bool CanRunOutsideWindows(OsFamily where) => where.CanRunOutside(OsFamily.Windows);

    private static void Report(OperationAnalysisContext context, Location location, string call, string explanation) =>
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, call, explanation));

    /// <summary>"Linux and macOS": where the code can run apart from Windows.</summary>
    private static string NonWindows(OsFamily where)
    {
        var parts = new List<string>();
        foreach (var family in new[] { OsFamily.Linux, OsFamily.Apple })
        {
            if ((where & family) != 0)
            {
                parts.Add(family.DisplayName());
            }
        }

        return parts.Count switch
        {
            0 => "non-Windows platforms",
            1 => parts[0],
            _ => string.Join(", ", parts.GetRange(0, parts.Count - 1)) + " and " + parts[parts.Count - 1],
        };
    }
}
