using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using KeepAliveAnalyzers.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static KeepAliveAnalyzers.Engine.SocketOptionCall;

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

/// <summary>One value set on a socket: what it is, its value in seconds when the code fixes it, and the argument that sets it.</summary>
internal readonly struct KA0008Setting
{
    public KA0008Setting(KA0008Timing timing, double? value, IOperation at)
    {
        Timing = timing;
        Value = value;
        At = at;
    }

    public KA0008Timing Timing { get; }
    public double? Value { get; }
    public IOperation At { get; }
}

/// <summary>
/// Collects, per socket variable of one type (a local or parameter of one method, or a field or property of the
/// type), every keepalive timing and user timeout set through SetSocketOption / SetRawSocketOption.
/// </summary>
internal sealed class KA0008SocketTimings
{
    private readonly ConcurrentDictionary<ISymbol, ConcurrentQueue<KA0008Setting>> _byTarget = new(SymbolEqualityComparer.Default);

    public void Add(SocketOptionCall call)
    {
        if (Classify(call) is not { } setting || TargetOf(call.Invocation.Instance) is not { } target)
        {
            return;
        }

        _byTarget.GetOrAdd(target, _ => new ConcurrentQueue<KA0008Setting>()).Enqueue(setting);
    }

    /// <summary>Each socket variable with its settings, in source order.</summary>
    public IEnumerable<IReadOnlyList<KA0008Setting>> Targets() =>
        _byTarget.Values.Select(settings => (IReadOnlyList<KA0008Setting>)settings.OrderBy(s => s.At.Syntax.SpanStart).ToList());

    private static KA0008Setting? Classify(SocketOptionCall call)
    {
        var value = call.ValueArgument.Value;
        switch (call.Kind)
        {
            case SocketOptionCallKind.SetInt when call.Level == LevelTcp:
                var number = ConstantEvaluator.TryGetInteger(value);
                KA0008Timing? timing = call.Name switch
                {
                    TcpKeepAliveTime => KA0008Timing.Idle,
                    TcpKeepAliveInterval => KA0008Timing.Interval,
                    TcpKeepAliveRetryCount => KA0008Timing.Count,
                    WindowsMaxRetransmitSeconds or WindowsMaxRetransmitMilliseconds => KA0008Timing.WindowsMaxRetransmit,
                    _ => null,
                };
                var scale = call.Name == WindowsMaxRetransmitMilliseconds ? 0.001 : 1;
                return timing is { } found ? new KA0008Setting(found, number * scale, value) : null;

            // (6, 18) is TCP_FAIL_CONNECT_ON_ICMP_ERROR on Windows (docs/socket-options.md §1.5).
            case SocketOptionCallKind.SetRaw when call.Level == LevelTcp && call.Name == LinuxUserTimeout && !call.Invocation.IsUnderWindowsGuard():
                var image = ConstantBytes.TryGet(value, call.Invocation);
                var milliseconds = image is { Length: null or >= 4 } ? image.ReadUInt32(0) : null;
                return new KA0008Setting(KA0008Timing.LinuxUserTimeout, milliseconds / 1000.0, value);
            default:
                return null;
        }
    }

    /// <summary>The variable a socket call is made on: <c>socket</c>, <c>_socket</c>, <c>this.Socket</c>, <c>client.Client</c> (→ client).</summary>
    private static ISymbol? TargetOf(IOperation? instance) => instance?.WalkDownConversions() switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        IPropertyReferenceOperation { Property.Name: "Client", Instance: { Type.Name: "TcpClient" } client } => TargetOf(client),
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property.Parameters.Length: 0 } property => property.Property,
        _ => null,
    };
}
