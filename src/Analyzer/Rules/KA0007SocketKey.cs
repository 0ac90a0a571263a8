using System;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// Which socket a receiver names, as far as one method body can tell: a local, parameter, or field/property of this
/// instance, either the socket itself or the <c>Client</c> socket of a TcpClient held there. A local initialised once
/// from <c>client.Client</c> is that client's socket.
/// </summary>
internal readonly struct KA0007SocketKey : IEquatable<KA0007SocketKey>
{
    private KA0007SocketKey(ISymbol holder, bool isTcpClientSocket)
    {
        Holder = holder;
        IsTcpClientSocket = isTcpClientSocket;
    }

    /// <summary>The variable that holds the socket, or the TcpClient whose socket it is.</summary>
    public ISymbol Holder { get; }

    public bool IsTcpClientSocket { get; }

    /// <summary>The key of a Socket-typed receiver (<c>socket</c>, <c>_socket</c>, <c>client.Client</c>), or null when it cannot be named.</summary>
    public static KA0007SocketKey? OfSocket(IOperation? receiver, KnownSymbols symbols)
    {
        receiver = Unwrap(receiver);
        if (receiver is IPropertyReferenceOperation { Property.Name: "Client" } client && symbols.IsTcpClient(client.Property.ContainingType))
        {
            return OfTcpClient(client.Instance, symbols);
        }

        if (receiver is ILocalReferenceOperation local && SingleInitializer(local) is { } initializer &&
            Unwrap(initializer) is IPropertyReferenceOperation { Property.Name: "Client" } alias && symbols.IsTcpClient(alias.Property.ContainingType))
        {
            return OfTcpClient(alias.Instance, symbols);
        }

        return HolderOf(receiver) is { } holder ? new KA0007SocketKey(holder, isTcpClientSocket: false) : null;
    }

    /// <summary>The key of the socket inside a TcpClient receiver.</summary>
    public static KA0007SocketKey? OfTcpClient(IOperation? receiver, KnownSymbols symbols) =>
        HolderOf(Unwrap(receiver)) is { } holder ? new KA0007SocketKey(holder, isTcpClientSocket: true) : null;

    /// <summary>The variable an expression names, as the key names it: a local, a parameter, or a field/property of this instance.</summary>
    public static ISymbol? HolderOf(IOperation? receiver) => Unwrap(receiver) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation => field.Field,
        IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation && property.Property.Parameters.IsEmpty => property.Property,
        _ => null,
    };

    /// <summary>Strips conversions and resolves <c>x?.M()</c>'s receiver to <c>x</c>.</summary>
    private static IOperation? Unwrap(IOperation? receiver)
    {
        receiver = receiver?.WalkDownConversions();
        if (receiver is IConditionalAccessInstanceOperation)
        {
            for (var current = receiver.Parent; current is not null; current = current.Parent)
            {
                if (current is IConditionalAccessOperation access)
                {
                    return access.Operation.WalkDownConversions();
                }
            }
        }

        return receiver;
    }

    /// <summary>The initializer of a local that is never assigned again in its body.</summary>
    public static IOperation? SingleInitializer(ILocalReferenceOperation reference)
    {
        IOperation? initializer = null;
        foreach (var operation in reference.Root().DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    initializer = declarator.Initializer?.Value;
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    return null;
            }
        }

        return initializer;
    }

    public bool Equals(KA0007SocketKey other) =>
        IsTcpClientSocket == other.IsTcpClientSocket && SymbolEqualityComparer.Default.Equals(Holder, other.Holder);

    public override bool Equals(object? obj) => obj is KA0007SocketKey other && Equals(other);

    public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(Holder) * 2 + (IsTcpClientSocket ? 1 : 0);
}
