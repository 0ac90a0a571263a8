using System.Collections.Generic;
using System.Threading;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Connections;
using KeepAliveAnalyzers.Engine.Platform;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static KeepAliveAnalyzers.Engine.Sockets.SocketOptionCall;

namespace KeepAliveAnalyzers.Rules;

/// <summary>The keepalive timings and user timeouts KA0008 compares, in seconds (the count is a plain number).</summary>
internal enum KA0008Timing
{
    Idle,
    Interval,
    Count,

    /// <summary>Linux TCP_USER_TIMEOUT, raw (6, 18), milliseconds in the code.</summary>
    LinuxUserTimeout,

    /// <summary>Windows TCP_MAXRT (6, 5) seconds or TCP_MAXRTMS (6, 14) milliseconds, through a SetSocketOption cast.</summary>
    WindowsMaxRetransmit,
}

/// <summary>One value set on a socket: what it is, and its value in seconds when the code fixes it.</summary>
internal readonly struct KA0008Setting
{
    public KA0008Setting(KA0008Timing timing, double? value)
    {
        Timing = timing;
        Value = value;
    }

    public KA0008Timing Timing { get; }
    public double? Value { get; }

    public bool IsUserTimeout => Timing is KA0008Timing.LinuxUserTimeout or KA0008Timing.WindowsMaxRetransmit;
}

/// <summary>
/// Reads the keepalive timings and user timeouts set on one socket variable: a local or parameter within its method,
/// or a field or property of a type within that type. The search starts only at a user-timeout call, which most
/// code never makes, so the rule costs nothing elsewhere.
/// </summary>
internal static class KA0008SocketTimings
{
    public static KA0008Setting? Classify(SocketOptionCall call, ConnectionsContext data, CancellationToken cancellationToken)
    {
        var value = call.ValueArgument.Value;
        switch (call.Kind)
        {
            case SocketOptionCallKind.SetInt when call.Level == LevelTcp:
                KA0008Timing? timing = call.Name switch
                {
                    TcpKeepAliveTime => KA0008Timing.Idle,
                    TcpKeepAliveInterval => KA0008Timing.Interval,
                    TcpKeepAliveRetryCount => KA0008Timing.Count,
                    WindowsMaxRetransmitSeconds or WindowsMaxRetransmitMilliseconds => KA0008Timing.WindowsMaxRetransmit,
                    _ => null,
                };
                var scale = call.Name == WindowsMaxRetransmitMilliseconds ? 0.001 : 1;
                return timing is { } found ? new KA0008Setting(found, ConstantEvaluator.TryGetInteger(value) * scale) : null;

            // (6, 18) is TCP_FAIL_CONNECT_ON_ICMP_ERROR on Windows (docs/socket-options.md §1.5).
            case SocketOptionCallKind.SetRaw when call.Level == LevelTcp && call.Name == LinuxUserTimeout && !call.Invocation.CanRunOnlyOnWindows(data.Platform, cancellationToken):
                var image = ConstantBytes.TryGet(value, call.Invocation);
                var milliseconds = image is { Length: null or >= 4 } ? image.ReadUInt32(0) : null;
                return new KA0008Setting(KA0008Timing.LinuxUserTimeout, milliseconds / 1000.0);
            default:
                return null;
        }
    }

    /// <summary>The variable a socket call is made on: <c>socket</c>, <c>_socket</c>, <c>this.Socket</c>, <c>client.Client</c> (→ client).</summary>
    public static ISymbol? TargetOf(IOperation? instance) => instance?.WalkDownConversions() switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        IPropertyReferenceOperation { Property.Name: "Client", Instance: { Type.Name: "TcpClient" } client } => TargetOf(client),
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property.Parameters.Length: 0 } property => property.Property,
        _ => null,
    };

    /// <summary>Every setting made on <paramref name="target"/>: in the method of <paramref name="origin"/> for a local or parameter, in its type for a field or property.</summary>
    public static List<KA0008Setting> On(ISymbol target, IOperation origin, ConnectionsContext data, CancellationToken cancellationToken)
    {
        var settings = new List<KA0008Setting>();
        if (target is ILocalSymbol or IParameterSymbol)
        {
            foreach (var operation in origin.Root().Descendants())
            {
                Add(settings, operation as IInvocationOperation, target, data, cancellationToken);
            }

            return settings;
        }

        foreach (var reference in target.ContainingType.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            var model = data.GetSemanticModel(declaration.SyntaxTree);
            foreach (var node in declaration.DescendantNodes())
            {
                // A cheap name test first: GetOperation only for the few calls that can set a socket option.
                if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetSocketOption" or "SetRawSocketOption" } })
                {
                    Add(settings, model.GetOperation(node, cancellationToken) as IInvocationOperation, target, data, cancellationToken);
                }
            }
        }

        return settings;
    }

    private static void Add(List<KA0008Setting> settings, IInvocationOperation? invocation, ISymbol target, ConnectionsContext data, CancellationToken cancellationToken)
    {
        if (invocation is not null && SocketOptionCall.TryCreate(invocation, data.Symbols.Socket!) is { } call && Classify(call, data, cancellationToken) is { } setting &&
            SymbolEqualityComparer.Default.Equals(TargetOf(invocation.Instance), target))
        {
            settings.Add(setting);
        }
    }
}
