using System;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Platform;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Connections;

internal sealed partial class ConnectionFlow
{
    /// <summary>A method called on the connection (or on one of its wrappers).</summary>
    private void VisitCallOn(IInvocationOperation invocation, IOperation origin)
    {
        if (ConfigurationFacts.Of(invocation, _data, _cancellationToken) is { } configuration)
        {
            Add(configuration);
            if (configuration.Level == KeepAliveLevel.Tuned && invocation.TargetMethod.Name == "SetSocketOption")
            {
                TimingCall ??= invocation;
            }

            return;
        }

        var name = invocation.TargetMethod.Name;
        if (name is "Connect" or "ConnectAsync" or "BeginConnect")
        {
            Add(Evidence.Connected);
        }
        else if (name is "Listen" or "Accept" or "AcceptAsync" or "BeginAccept" or "Start" && IsListenerType(invocation.TargetMethod.ContainingType))
        {
            Add(Evidence.Listening);
        }
        else if (name == "GetStream")
        {
            VisitValue(invocation, origin); // the NetworkStream carries the same connection
        }
        else if (IsIo(name) && invocation.IsInLoopAround(origin))
        {
            Add(Evidence.LoopIo);
        }
    }

    private bool IsListenerType(ITypeSymbol? type) => _data.Symbols.IsSocket(type) || _data.Symbols.IsTcpListener(type);

    /// <summary>Reading and writing, sync, async or APM: in a loop, they mean the connection waits on its peer again and again.</summary>
    private static bool IsIo(string name) =>
        name.StartsWith("Read", StringComparison.Ordinal) || name.StartsWith("Write", StringComparison.Ordinal) ||
        name.StartsWith("Receive", StringComparison.Ordinal) || name.StartsWith("Send", StringComparison.Ordinal) ||
        name.StartsWith("BeginRead", StringComparison.Ordinal) || name.StartsWith("BeginWrite", StringComparison.Ordinal) ||
        name.StartsWith("BeginReceive", StringComparison.Ordinal) || name.StartsWith("BeginSend", StringComparison.Ordinal) ||
        name.StartsWith("CopyTo", StringComparison.Ordinal) || name == "Poll" || name == "Peek";

    /// <summary><c>client.Client</c>, <c>listener.Server</c>, <c>stream.Socket</c>: the same connection under another name.</summary>
    private void VisitPropertyOf(IPropertyReferenceOperation property, IOperation origin)
    {
        var symbols = _data.Symbols;
        var owner = property.Property.ContainingType;
        var isAlias = property.Property.Name switch
        {
            "Client" => symbols.IsTcpClient(owner),
            "Server" => symbols.IsTcpListener(owner),
            "Socket" => SymbolEqualityComparer.Default.Equals(owner, symbols.NetworkStream),
            _ => false,
        };
        if (isAlias)
        {
            if (property.Parent is ISimpleAssignmentOperation assignment && assignment.Target == property)
            {
                return;
            }

            VisitValue(property, origin);
        }
    }

    private void VisitConditionalAccess(IConditionalAccessOperation access, IOperation origin)
    {
        foreach (var operation in access.WhenNotNull.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation { Instance: IConditionalAccessInstanceOperation } invocation:
                    VisitCallOn(invocation, origin);
                    return;
                case IPropertyReferenceOperation { Instance: IConditionalAccessInstanceOperation } property:
                    VisitPropertyOf(property, origin);
                    return;
            }
        }
    }

    /// <summary>The connection handed to a method or constructor.</summary>
    private void VisitArgument(IArgumentOperation argument, IOperation origin)
    {
        switch (argument.Parent)
        {
            case IInvocationOperation invocation:
                VisitCallWith(invocation, argument, origin);
                break;
            case IObjectCreationOperation creation:
                VisitConstruction(creation, argument, origin);
                break;
            default:
                Add(Evidence.Stored); // an indexer argument, an attribute: kept somewhere
                break;
        }
    }

    private void VisitCallWith(IInvocationOperation invocation, IArgumentOperation argument, IOperation origin)
    {
        var method = invocation.TargetMethod;
        if (_data.Symbols.IsSocketExtension(method) && argument.Parameter?.Ordinal == 0)
        {
            VisitCallOn(invocation, origin); // netstandard2.0: socket.ReceiveAsync(...) is SocketTaskExtensions.ReceiveAsync(socket, ...)
            return;
        }

        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            Add(Evidence.Escaped); // an event or callback: its subscribers keep the connection
            return;
        }

        if (!_data.Symbols.IsSocket(method.ContainingType) && ConfigurationFacts.Of(invocation, _data, _cancellationToken) is { } configuration)
        {
            Add(configuration);
            return;
        }

        if (argument.Parameter is { } parameter && HasSourceBody(method))
        {
            Add(FollowParameter(parameter, invocation));
            return;
        }

        if (!method.Locations.IsEmpty && method.Locations[0].IsInSource)
        {
            Add(Evidence.Escaped); // an interface or abstract method: any implementation may keep it
            return;
        }

        if (!IsFramework(method))
        {
            Add(Evidence.Escaped); // a third-party library: treated as keeping the connection
            return;
        }

        if ((KeepsArgument(method) && !invocation.IsInBranchOf(static condition => condition.ReadsAClock())) || IsCallbackState(method, argument.Parameter))
        {
            Add(Evidence.Stored);
        }
        else if (_data.Symbols.IsConnectionType(invocation.Type) || _data.Symbols.IsStreamLike(invocation.Type))
        {
            VisitValue(invocation, origin); // Task.FromResult(client), a pass-through helper
        }
    }

    private void VisitConstruction(IObjectCreationOperation creation, IArgumentOperation argument, IOperation origin)
    {
        // NetworkStream, SslStream, StreamReader...: the wrapper is the connection under another name.
        if (_data.Symbols.IsStreamLike(creation.Type) || _data.Symbols.IsConnectionType(creation.Type))
        {
            VisitValue(creation, origin);
            return;
        }

        if (creation.Constructor is { } constructor && argument.Parameter is { } parameter && HasSourceBody(constructor))
        {
            var facts = FollowParameter(parameter, creation);
            if (facts.Has(Evidence.HeldByOwnMember) && !facts.Has(Evidence.Stored))
            {
                // The new object keeps the connection in its own members (new Session(client), a per-request holder):
                // the connection lives as long as the holder, so follow the holder. What the holder's type does with
                // the member (a read loop, a thread) is already in the facts.
                Add(facts.Without(Evidence.HeldByOwnMember));
                VisitHolderObject(creation, origin);
                return;
            }

            Add(facts);
            return;
        }

        Add(Evidence.Escaped); // an object we cannot see into now holds the connection
    }

    /// <summary>Follows the object that holds the connection; the message still names the connection, not its holder.</summary>
    private void VisitHolderObject(IOperation holder, IOperation origin)
    {
        var naming = _naming;
        _naming = false;
        VisitValue(holder, origin);
        _naming = naming;
    }

    private FlowFacts FollowParameter(IParameterSymbol parameter, IOperation call)
    {
        var inProgress = parametersInProgress ??= new(SymbolEqualityComparer.Default);
        if (!inProgress.Add(parameter.OriginalDefinition))
        {
            return new FlowFacts(Evidence.HandedOn, KeepAliveLevel.None); // recursion: the outer visit collects the facts
        }

        try
        {
            var summary = _data.GetParameterSummary(parameter, _cancellationToken);
            foreach (var member in summary.Members)
            {
                // new TcpServerSocketChannel() : base(new Socket(...)) stores the socket in the base class; Listen is called here.
                if (_visited.Add(member))
                {
                    VisitMemberIn(_homeType, member);
                }
            }

            var facts = summary.Facts.With(Evidence.HandedOn);
            return call.RunsOnlyOnWindows(_data.Platform, _cancellationToken) ? facts.OnlyOnWindows() : facts;
        }
        finally
        {
            inProgress.Remove(parameter.OriginalDefinition);
        }
    }

    private static bool HasSourceBody(IMethodSymbol method) =>
        !method.IsAbstract && !method.IsExtern && method.DeclaringSyntaxReferences.Length > 0 &&
        method.ContainingType?.TypeKind != TypeKind.Interface;

    private static bool IsFramework(IMethodSymbol method)
    {
        var root = method.ContainingNamespace;
        while (root?.ContainingNamespace is { IsGlobalNamespace: false })
        {
            root = root.ContainingNamespace;
        }

        return root?.Name is "System" or "Microsoft";
    }

    /// <summary>
    /// The <c>object state</c> of BeginRead/BeginReceive/BeginAccept…: kept until the callback runs, which gets it back
    /// (and an APM read chain re-arms itself with it, the asynchronous form of a read loop).
    /// </summary>
    private static bool IsCallbackState(IMethodSymbol method, IParameterSymbol? parameter) =>
        method.Name.StartsWith("Begin", StringComparison.Ordinal) && parameter is { Name: "state", Type.SpecialType: SpecialType.System_Object };

    /// <summary>Framework calls that keep what they are given: collections, channels, thread-pool and task starters.</summary>
    private static bool KeepsArgument(IMethodSymbol method) => method.Name is
        "Add" or "TryAdd" or "AddOrUpdate" or "GetOrAdd" or "Insert" or "Enqueue" or "Push" or "TryWrite" or "WriteAsync" or "Post"
        or "SetValue" or "SetResult" or "TrySetResult" or "QueueUserWorkItem" or "UnsafeQueueUserWorkItem" or "StartNew" or "Start" or "Run" or "ContinueWith";
}
