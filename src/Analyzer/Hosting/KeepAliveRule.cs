using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Hosting;

/// <summary>
/// A rule: its descriptor plus what it asks of the engine, which is one of two things: a predicate on an assessed
/// connection (<see cref="ConnectionRule"/>) or callbacks on operations (<see cref="SocketCallRule"/>). Rules are
/// hosted by the one shipped analyzer, <c>KeepAliveAnalyzer</c>; they never register actions themselves.
/// </summary>
internal abstract class KeepAliveRule
{
    private protected KeepAliveRule(DiagnosticDescriptor descriptor) => Descriptor = descriptor;

    public DiagnosticDescriptor Descriptor { get; }

    public override string ToString() => Descriptor.Id;
}
