using System;
using System.Collections.Generic;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Platform;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Hosting;

/// <summary>A rule about socket calls (KA0004, KA0005, KA0007, KA0008): what it sets up per compilation.</summary>
internal abstract class SocketCallRule : KeepAliveRule
{
    private protected SocketCallRule(DiagnosticDescriptor descriptor)
        : base(descriptor)
    {
    }

    /// <summary>Subscribes the rule's handlers for a compilation that has sockets.</summary>
    public abstract void Start(SocketCallRuleStart start);
}

/// <summary>
/// A compilation as the socket-call rules start on it. Handlers of the same operation kind share one callback of the
/// host (every rule looks at invocations, and a callback per rule per invocation was most of what they cost).
/// </summary>
internal sealed class SocketCallRuleStart
{
    private readonly Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> _handlers = new();

    public SocketCallRuleStart(EngineContext engine) => Engine = engine;

    public EngineContext Engine { get; }

    /// <summary>The platform layer when the project has sockets and can run off Windows; null otherwise (the cross-platform rules then have nothing to say).</summary>
    public PlatformContext? CrossPlatform =>
        Engine.Symbols.Socket is not null && Engine.Platform is { } platform && platform.Target.Families != OsFamily.Windows ? platform : null;

    public IReadOnlyDictionary<OperationKind, List<Action<OperationAnalysisContext>>> Handlers => _handlers;

    public void On(OperationKind kind, Action<OperationAnalysisContext> handler)
    {
        if (!_handlers.TryGetValue(kind, out var list))
        {
            _handlers[kind] = list = new List<Action<OperationAnalysisContext>>();
        }

        list.Add(handler);
    }
}
