using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Platform;
using KeepAliveAnalyzers.Engine.Sockets;
using KeepAliveAnalyzers.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// KA0007: <c>SetRawSocketOption</c>, or a read of <c>Socket.Handle</c>/<c>SafeHandle</c>, before a connect that can
/// try several addresses on the same socket. On Unix .NET replaces the socket after a failed attempt and copies only
/// the options it tracks; once a raw option was set or the handle exposed it cannot, so the first refused address
/// ends the connect (measured: "Connection refused" with ::1 refused and 127.0.0.1 listening).
/// </summary>
/// <remarks>
/// No code fix: moving the statement after the connect is not provably safe. Some options must be in place before
/// the handshake (TCP_USER_TIMEOUT also bounds connect itself, TCP_FASTOPEN, SO_BINDTODEVICE), a handle read can feed
/// code whose result the connect depends on, and the statements in between may use either.
/// </remarks>
internal sealed class KA0007RawOptionBeforeMultiAddressConnect : SocketCallRule
{
    /// <summary>The rule id.</summary>
    public const string Id = RuleIds.RawOptionBeforeMultiAddressConnect;

    // Warning: both ends are explicit in one method (the raw call or handle read, then a connect by host name,
    // DnsEndPoint or several addresses on the same variable), and the failure is measured on .NET 10; the rule does not
    // guess across methods and stays quiet for one literal IP address or a Windows-only path.
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        Id,
        title: "Raw socket option before a multi-address connect",
        messageFormat: "'{0}' comes before {1} with {2} on the same socket: on Linux and macOS a refused first address then fails the whole connect instead of trying the next one; set raw options after connecting (TcpKeepAlive.Configure does)",
        Categories.Reliability,
        DiagnosticSeverity.Warning,
        description: "When a connect can try several addresses (a host name, a DnsEndPoint, an IPAddress[]), .NET on Unix replaces the " +
                     "socket after each failed attempt and replays only the options it tracks (SO_KEEPALIVE, TcpKeepAliveTime/Interval/RetryCount, " +
                     "NoDelay, buffer sizes, timeouts...). An option set with SetRawSocketOption, or a read of Socket.Handle or SafeHandle, " +
                     "makes the socket's state untracked: the next address is never tried and the connect fails with the first address's " +
                     "error, typically 'Connection refused' when localhost resolves to ::1 first and the server listens on 127.0.0.1 only. " +
                     "Set raw options (TCP_USER_TIMEOUT and the like) after the connect completes, or connect to one IPEndPoint.");

    /// <summary>Creates the rule.</summary>
    public KA0007RawOptionBeforeMultiAddressConnect()
        : base(Rule)
    {
    }

    /// <inheritdoc/>
    public override void Start(SocketCallRuleStart start)
    {
        if (start.CrossPlatform is { } platform)
        {
            start.On(OperationKind.Invocation, c => AnalyzeConnect(c, platform));
        }
    }

    /// <summary>At a multi-address connect: the raw calls and handle reads before it whose first such connect it is.</summary>
    private static void AnalyzeConnect(OperationAnalysisContext context, PlatformContext platform)
    {
        var connect = (IInvocationOperation)context.Operation;
        if (KA0007MultiAddressConnects.Classify(connect, platform.Symbols) is null)
        {
            return;
        }

        foreach (var operation in EnclosingFunctionBody(connect).DescendantsAndSelf())
        {
            if (operation.Syntax.SpanStart >= connect.Syntax.SpanStart)
            {
                continue;
            }

            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "SetRawSocketOption" } invocation when platform.Symbols.IsSocket(invocation.TargetMethod.ContainingType):
                    Analyze(context, platform, invocation, invocation.Instance, "SetRawSocketOption", connect);
                    break;
                case IPropertyReferenceOperation { Property.Name: "Handle" or "SafeHandle" } property
                    when platform.Symbols.IsSocket(property.Property.ContainingType) && !IsInNameOf(property):
                    Analyze(context, platform, property, property.Instance, property.Property.Name, connect);
                    break;
            }
        }
    }

    /// <summary>Reports <paramref name="untracked"/> when <paramref name="at"/> is the first multi-address connect of its socket after it.</summary>
    private static void Analyze(OperationAnalysisContext context, PlatformContext platform, IOperation untracked, IOperation? receiver, string what, IInvocationOperation at)
    {
        if (KA0007SocketKey.OfSocket(receiver, platform.Symbols) is not { } socket ||
            FindLaterConnect(untracked, socket, platform) is not { } connect || connect.Invocation != at)
        {
            return;
        }

        var where = PlatformReach.WhereItRuns(untracked, context.ContainingSymbol, platform, callerDepth: 0, context.CancellationToken);
        if (!where.CanRunOutside(OsFamily.Windows))
        {
            return;
        }

        var line = connect.Invocation.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        context.ReportDiagnostic(Diagnostic.Create(
            Rule, untracked.Syntax.GetLocation(), new[] { connect.Invocation.Syntax.GetLocation() },
            what, $"{connect.Invocation.TargetMethod.Name} (line {line})", connect.Target));
    }

    /// <summary>The first multi-address connect of the same socket after <paramref name="untracked"/> in the same function body.</summary>
    private static (IInvocationOperation Invocation, string Target)? FindLaterConnect(IOperation untracked, KA0007SocketKey socket, PlatformContext platform)
    {
        var body = EnclosingFunctionBody(untracked);
        var start = untracked.Syntax.Span.End;
        (IInvocationOperation Invocation, string Target)? found = null;
        foreach (var operation in body.InvocationsOutsideNestedFunctions())
        {
            if (operation.Syntax.SpanStart < start || found is { } earlier && earlier.Invocation.Syntax.SpanStart < operation.Syntax.SpanStart ||
                KA0007MultiAddressConnects.Classify(operation, platform.Symbols) is not { } connect || !connect.Socket.Equals(socket) ||
                AreExclusive(untracked, operation) || IsReassignedBetween(body, socket, start, operation.Syntax.SpanStart))
            {
                continue;
            }

            found = (operation, connect.Target);
        }

        return found;
    }

    private static IOperation EnclosingFunctionBody(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation function:
                    return function.Body;
                case ILocalFunctionOperation local:
                    return (IOperation?)local.Body ?? current;
            }
        }

        return operation.Root();
    }

    /// <summary>The two sit in different branches of one if/else, ?: or switch: they never both run.</summary>
    private static bool AreExclusive(IOperation first, IOperation second)
    {
        for (var ancestor = first.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (!ancestor.IsAncestorOf(second))
            {
                continue;
            }

            return ancestor switch
            {
                IConditionalOperation conditional => BranchOf(conditional, first) is { } a && BranchOf(conditional, second) is { } b && a != b,
                ISwitchOperation @switch => CaseOf(@switch, first) is { } x && CaseOf(@switch, second) is { } y && x != y,
                _ => false,
            };
        }

        return false;
    }

    private static IOperation? BranchOf(IConditionalOperation conditional, IOperation operation) =>
        conditional.WhenTrue == operation || conditional.WhenTrue.IsAncestorOf(operation) ? conditional.WhenTrue
        : conditional.WhenFalse is { } whenFalse && (whenFalse == operation || whenFalse.IsAncestorOf(operation)) ? whenFalse
        : null;

    private static ISwitchCaseOperation? CaseOf(ISwitchOperation @switch, IOperation operation)
    {
        foreach (var @case in @switch.Cases)
        {
            if (@case.IsAncestorOf(operation))
            {
                return @case;
            }
        }

        return null;
    }

    /// <summary>
    /// A new socket or client stored in the same variable between the two: the connect is on another socket. The variable is
    /// named as the socket key names it, so a store into another object's field (<c>other._socket = …</c>) is not one.
    /// </summary>
    private static bool IsReassignedBetween(IOperation body, KA0007SocketKey socket, int start, int end)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is ISimpleAssignmentOperation assignment && assignment.Syntax.SpanStart >= start && assignment.Syntax.SpanStart < end &&
                KA0007SocketKey.HolderOf(assignment.Target) is { } target && SymbolEqualityComparer.Default.Equals(target, socket.Holder))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInNameOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }
}
