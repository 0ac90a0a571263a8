using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Engine;

/// <summary>One rule about socket calls (KA0004, KA0005, KA0007, KA0008): its descriptor and what it sets up per compilation.</summary>
internal sealed class SocketCallRule
{
    private readonly Action<SocketCallRuleStart> _start;

    public SocketCallRule(DiagnosticDescriptor descriptor, Action<SocketCallRuleStart> start)
    {
        Descriptor = descriptor;
        _start = start;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public void Start(SocketCallRuleStart start) => _start(start);
}

/// <summary>
/// A compilation as the socket-call rules start on it. Handlers of the same operation kind share one callback of the
/// host (every rule looks at invocations, and a callback per rule per invocation was most of what they cost).
/// </summary>
internal sealed class SocketCallRuleStart
{
    private readonly Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> _handlers = new();

    public SocketCallRuleStart(AnalysisContextData data) => Data = data;

    public AnalysisContextData Data { get; }

    /// <summary>The platform questions' state when the project has sockets and can run off Windows; null otherwise (the cross-platform rules then have nothing to say).</summary>
    public PlatformContext? CrossPlatform =>
        Data.Symbols.Socket is not null && Data.Platform is { } platform && platform.Target.Families != OsFamily.Windows ? platform : null;

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
