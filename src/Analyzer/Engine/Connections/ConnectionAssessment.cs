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
        var placement = site.Kind == SiteKind.CreatedUnconnected ? Placement(site, facts, homeType, data, cancellationToken) : (ConnectPlacement?)null;

        // An accepted socket is always a connection, even when its holder also wraps listeners; so is a socket its own
        // creating method connects, when the field it is kept in holds a listener on other paths.
        if (facts.Has(Evidence.Listening) && !site.IsAccept && placement is not (ConnectPlacement.AfterCreation or ConnectPlacement.ThroughOwnMethod))
        {
            return null;
        }

        if (placement is { } found && IsPlaceholder(found, facts))
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
    private static bool IsPlaceholder(ConnectPlacement placement, FlowFacts facts) => placement switch
    {
        ConnectPlacement.AfterCreation or ConnectPlacement.ThroughOwnMethod => false,
        ConnectPlacement.OnOtherPathsOnly => true,
        _ => !facts.Has(Evidence.Connected | Evidence.Escaped | Evidence.Returned | Evidence.Captured | Evidence.HandedOn),
    };

    /// <summary>Where the creating method connects the new socket: in its own code, or through a method of its type it calls.</summary>
    private static ConnectPlacement Placement(ConnectionSite site, FlowFacts facts, INamedTypeSymbol? homeType, ConnectionsContext data, CancellationToken cancellationToken)
    {
        var placement = ConnectCalls.Find(site.Operation, data, cancellationToken);

        // The look into called methods binds their bodies, so it runs only where its answer changes the verdict: a
        // field that is also a listener (Listening would drop the site) or a connect on other paths only (a placeholder).
        var decides = placement == ConnectPlacement.OnOtherPathsOnly || (placement == ConnectPlacement.NotInMethod && facts.Has(Evidence.Listening));
        return decides && ConnectCalls.ConnectsThroughOwnMethod(site.Operation, homeType, data, cancellationToken) ? ConnectPlacement.ThroughOwnMethod : placement;
    }

    private static string DefaultName(ConnectionSite site) => site.IsAccept ? "the accepted connection" : "the new connection";
}
