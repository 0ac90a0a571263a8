using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Engine.Connections;

/// <summary>
/// The verdict on one site: a long-lived TCP connection and what dead-peer detection it has. Rules decide from
/// the level which of them reports (KA0001: none at all; KA0002: keepalive on with the OS timings).
/// </summary>
internal readonly struct ConnectionAssessment
{
    private ConnectionAssessment(ConnectionSite site, FlowFacts facts, string name, IOperation? timingCall)
    {
        Site = site;
        Facts = facts;
        Name = name;
        TimingCall = timingCall;
    }

    /// <summary>A call that sets the keepalive idle/interval/count on the connection in code the site's flow reached directly.</summary>
    public IOperation? TimingCall { get; }

    public ConnectionSite Site { get; }
    public FlowFacts Facts { get; }

    /// <summary>The local or member that holds the connection, or a description of the expression.</summary>
    public string Name { get; }

    public bool HasUserTimeout => Facts.Has(Evidence.UserTimeout);

    /// <summary>Null unless the operation is a long-lived TCP connection (never a listener, a placeholder or a short exchange).</summary>
    public static ConnectionAssessment? Assess(ConnectionSite site, ISymbol containingSymbol, ConnectionsContext data, CancellationToken cancellationToken)
    {
        var homeType = containingSymbol.InnermostType();
        if (site.Listener is { } listener && !ListenerKind.IsTcp(listener, data, homeType, cancellationToken))
        {
            return null;
        }

        var flow = ConnectionFlow.ForSite(site, containingSymbol, data, cancellationToken);
        var facts = flow.Facts;
        if (facts.Has(Evidence.Listening) && !site.IsAccept)
        {
            return null; // an accepted socket is always a connection, even when its holder also wraps listeners
        }

        if (site.Kind == SiteKind.CreatedUnconnected && IsPlaceholder(site, facts, data, cancellationToken))
        {
            return null;
        }

        // A using resource is disposed when its block ends, whatever wrapper it was handed to; only a loop waiting
        // on the peer (here or in a method it calls) keeps it open long.
        if (flow.IsScopeBound ? !facts.Has(Evidence.LoopIo) : !facts.IsLongLived)
        {
            return null;
        }

        if (site.Listener is { } acceptedFrom)
        {
            // Linux copies keepalive and user-timeout options from the listener to every accepted socket.
            var inherited = ConnectionFlow.ForListener(acceptedFrom, containingSymbol, data, cancellationToken).Facts;
            facts = facts.With(inherited.Level).With(inherited.Evidence & (Evidence.UserTimeout | Evidence.KeepAliveEnabled));
        }

        return new ConnectionAssessment(site, facts, flow.Name ?? DefaultName(site), flow.TimingCall);
    }

    /// <summary>
    /// <c>new Socket()</c>/<c>new TcpClient()</c> that is never connected, nor handed to code that may connect it,
    /// is a placeholder (a UDP-mode stand-in, a dummy overwritten by an accept), not a connection.
    /// </summary>
    private static bool IsPlaceholder(ConnectionSite site, FlowFacts facts, ConnectionsContext data, CancellationToken cancellationToken) =>
        ConnectCalls.Find(site.Operation, data, cancellationToken) switch
        {
            ConnectPlacement.AfterCreation => false,
            ConnectPlacement.OnOtherPathsOnly => true,
            _ => !facts.Has(Evidence.Connected | Evidence.Escaped | Evidence.Returned | Evidence.Captured | Evidence.HandedOn),
        };

    private static string DefaultName(ConnectionSite site) => site.IsAccept ? "the accepted connection" : "the new connection";
}
