using System;
using KeepAliveAnalyzers.Engine.Connections;
using KeepAliveAnalyzers.Hosting;
using KeepAliveAnalyzers.Rules;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Tests.Engine;

/// <summary>Test hosts for <see cref="RuleFailuresTests"/>: the shipped analyzer with a failing rule hosted before a real one.</summary>
internal static class ThrowingRuleHosts
{
    public static readonly DiagnosticDescriptor Failing = new("KA9901", "Fails", "Fails", "Test", DiagnosticSeverity.Warning, true);

    /// <summary>A rule that throws on every invocation, hosted before KA0004 so that KA0004 runs after the failure.</summary>
    public static KeepAliveAnalyzer SocketCall() => new([new ThrowingSocketCallRule(), new KA0004WrongKeepAliveValue()]);

    /// <summary>A rule that throws on the connection held in <c>_first</c>, hosted before KA0001.</summary>
    public static KeepAliveAnalyzer Connection() => new([new ThrowingConnectionRule(), new KA0001NoDeadPeerDetection()]);

    private sealed class ThrowingSocketCallRule() : SocketCallRule(Failing)
    {
        public override void Start(SocketCallRuleStart start) =>
            start.On(OperationKind.Invocation, _ => throw new InvalidOperationException("socket-call rule failed"));
    }

    private sealed class ThrowingConnectionRule() : ConnectionRule(Failing)
    {
        public override bool Reports(ConnectionAssessment assessment) =>
            assessment.Name == "_first" ? throw new InvalidOperationException("connection rule failed on _first") : false;
    }
}
