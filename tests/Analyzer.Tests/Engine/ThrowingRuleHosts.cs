using System;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Tests.Engine;

/// <summary>The descriptor of the failing test rules below.</summary>
internal static class ThrowingRules
{
    public static readonly DiagnosticDescriptor Failing = new("KA9901", "Fails", "Fails", "Test", DiagnosticSeverity.Warning, true);
}

/// <summary>Test host for <see cref="RuleFailuresTests"/>: a rule that throws on every invocation, hosted before KA0004 so that KA0004 runs after the failure.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ThrowingSocketCallHost : SocketCallRuleAnalyzer
{
    public ThrowingSocketCallHost()
        : base(
            new SocketCallRule(ThrowingRules.Failing, start => start.On(OperationKind.Invocation, _ => throw new InvalidOperationException("socket-call rule failed"))),
            KA0004WrongKeepAliveValueAnalyzer.Definition)
    {
    }
}

/// <summary>A rule that throws on the connection held in <c>_first</c>, hosted before KA0001.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ThrowingConnectionHost : ConnectionRuleAnalyzer
{
    public ThrowingConnectionHost()
        : base(
            new ConnectionRule(ThrowingRules.Failing, assessment => assessment.Name == "_first" ? throw new InvalidOperationException("connection rule failed on _first") : false),
            KA0001NoDeadPeerDetectionAnalyzer.Definition)
    {
    }
}
