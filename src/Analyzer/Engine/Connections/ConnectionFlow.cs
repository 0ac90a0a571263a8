using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Connections;

/// <summary>
/// Follows one connection through the code: the locals, fields and wrappers that hold it, the calls it is handed
/// to (into their bodies when they are in source), and collects what that reveals (see <see cref="Evidence"/>)
/// and how much keepalive it gets. Bounded: every symbol is visited once and the walk has a step budget.
/// </summary>
internal sealed partial class ConnectionFlow
{
    private const int StepBudget = 4000;

    /// <summary>
    /// How many factories deep a returned connection is followed to callers in other types. Each level binds the
    /// callers' files; a factory and a helper around it are two levels, and deeper chains seen in real code (a connect
    /// helper, a transport, a client) hand the connection to a long-lived client: measured, the third level cost
    /// 300 ms for one site of a 400-file mail library and changed no verdict on 38 repositories.
    /// </summary>
    private const int MaxCallerLevels = 2;

    [ThreadStatic]
    private static HashSet<IParameterSymbol>? parametersInProgress;

    private readonly ConnectionsContext _data;
    private readonly INamedTypeSymbol? _homeType;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<ISymbol> _visited = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IOperation, Dictionary<ISymbol, List<IOperation>>> _symbolReferences = new();
    private readonly List<ISymbol> _members = new();
    private int _steps;
    private int _callerLevels;
    private bool _naming = true;

    private ConnectionFlow(ConnectionsContext data, INamedTypeSymbol? homeType, CancellationToken cancellationToken)
    {
        _data = data;
        _homeType = homeType;
        _cancellationToken = cancellationToken;
    }

    public FlowFacts Facts { get; private set; }

    /// <summary>The site's connection is a <c>using</c> resource: it cannot outlive the block, whoever else holds it.</summary>
    public bool IsScopeBound { get; private set; }

    /// <summary>The first SetSocketOption of TcpKeepAliveTime/Interval/RetryCount seen on the connection.</summary>
    public IOperation? TimingCall { get; private set; }

    /// <summary>The first local, field or property that holds the connection: the name the message uses.</summary>
    public string? Name { get; private set; }

    public static ConnectionFlow ForSite(ConnectionSite site, ISymbol containingSymbol, ConnectionsContext data, CancellationToken cancellationToken)
    {
        var flow = new ConnectionFlow(data, containingSymbol.ContainingType ?? containingSymbol as INamedTypeSymbol, cancellationToken);
        if (site.Kind == SiteKind.AcceptedIntoEventArgs)
        {
            flow.VisitAcceptedIntoEventArgs();
        }
        else if (site.Kind == SiteKind.AcceptMethodGroup)
        {
            flow.Add(Evidence.Escaped); // handed to FromAsync and the like: the socket surfaces where we cannot follow
        }
        else
        {
            flow.VisitValue(site.Operation, site.Operation);
        }

        return flow;
    }

    /// <summary>What the listener a connection is accepted from gives it (Linux copies the options on accept).</summary>
    public static ConnectionFlow ForListener(IOperation listener, ISymbol containingSymbol, ConnectionsContext data, CancellationToken cancellationToken)
    {
        var flow = new ConnectionFlow(data, containingSymbol.ContainingType, cancellationToken);
        switch (listener.WalkDownConversions())
        {
            case ILocalReferenceOperation local:
                flow.VisitSymbol(local.Local, listener, definition: null); // options set before or after Listen are all inherited
                break;
            case IParameterReferenceOperation parameter:
                flow.VisitSymbol(parameter.Parameter, listener, definition: null);
                flow.VisitListenerArguments(parameter.Parameter);
                break;
            case var holder:
                flow.VisitHolder(holder, listener);
                foreach (var returned in ListenerKind.FactoryReturns(holder, data, flow._homeType, cancellationToken))
                {
                    // _listener = CreateListener(): the factory's own socket options are the listener's.
                    if (returned is ILocalReferenceOperation local)
                    {
                        flow.VisitSymbol(local.Local, returned, definition: null);
                    }
                }

                break;
        }

        return flow;
    }

    /// <summary>An accept loop that takes its listener as a parameter: the callers in the same type configure it.</summary>
    private void VisitListenerArguments(IParameterSymbol parameter)
    {
        if (_homeType is null || parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return;
        }

        foreach (var call in _data.GetTypeIndex(_homeType, _cancellationToken).CallsTo(method, _cancellationToken))
        {
            foreach (var argument in ((IInvocationOperation)call).Arguments)
            {
                if (!SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, parameter.OriginalDefinition))
                {
                    continue;
                }

                if (argument.Value.WalkDownConversions() is ILocalReferenceOperation local)
                {
                    VisitSymbol(local.Local, argument, definition: null);
                }
                else
                {
                    VisitHolder(argument.Value.WalkDownConversions(), argument);
                }
            }
        }
    }

    public static ParameterSummary ForParameter(IParameterSymbol parameter, ConnectionsContext data, CancellationToken cancellationToken)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method || Body(method, data, cancellationToken) is not { } root)
        {
            return new ParameterSummary(new FlowFacts(Evidence.Escaped, KeepAliveLevel.None), ImmutableArray<ISymbol>.Empty);
        }

        var flow = new ConnectionFlow(data, method.ContainingType, cancellationToken);
        flow._visited.Add(parameter);
        foreach (var reference in flow.ReferencesIn(root, parameter))
        {
            flow.VisitRead(reference, root);
        }

        return new ParameterSummary(flow.Facts, flow._members.ToImmutableArray());
    }

    private static IOperation? Body(IMethodSymbol method, ConnectionsContext data, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax &&
                data.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is { } body &&
                body is not IMethodBodyBaseOperation { BlockBody: null, ExpressionBody: null })
            {
                return body;
            }
        }

        return null;
    }

    private void Add(Evidence evidence) => Facts = Facts.With(evidence);

    private void Add(FlowFacts facts) => Facts = Facts.Merge(facts);

    private bool Step()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        return ++_steps <= StepBudget;
    }

    private void SetName(string name)
    {
        if (_naming)
        {
            Name ??= name;
        }
    }
}

/// <summary>What a method in source does with a connection passed to one of its parameters, and the members it keeps it in.</summary>
internal sealed class ParameterSummary
{
    public ParameterSummary(FlowFacts facts, ImmutableArray<ISymbol> members)
    {
        Facts = facts;
        Members = members;
    }

    public FlowFacts Facts { get; }

    /// <summary>Fields and properties the method stores the connection in; the caller's type may use them too (a base-class constructor).</summary>
    public ImmutableArray<ISymbol> Members { get; }
}
