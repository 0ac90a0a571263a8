using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Sockets;

/// <summary>Whether <c>new Socket(...)</c> makes a TCP stream socket, judged from its arguments.</summary>
internal enum SocketKind
{
    Unknown,
    Tcp,
    NotTcp,
}

internal static class SocketKinds
{
    private const int AddressFamilyInterNetwork = 2, AddressFamilyInterNetworkV6 = 23;
    private const int SocketTypeStream = 1;
    private const int ProtocolTypeIP = 0, ProtocolTypeTcp = 6;

    /// <summary>
    /// Stream + Tcp is TCP on any family but Unix; Stream + IP/Unspecified is TCP only on an Internet family.
    /// Anything we cannot prove (a protocol chosen at run time, a family read from a plain EndPoint that may be a
    /// UnixDomainSocketEndPoint) is Unknown, and Unknown is never reported: precision beats recall at Warning.
    /// </summary>
    /// <remarks>
    /// With <paramref name="code"/>, a socket type or protocol that arrives as a parameter of an in-source factory is read
    /// at every call of it (<c>Create(SocketType.Stream, ProtocolType.Tcp)</c>): the factory makes TCP sockets when every
    /// caller asks for one.
    /// </remarks>
    public static SocketKind Of(IObjectCreationOperation creation, KnownSymbols symbols, CodeContext? code = null, CancellationToken cancellationToken = default)
    {
        IOperation? family = null, socketType = null, protocol = null;
        // By parameter type, not name: a class derived from Socket takes the same three values under its own names, and
        // can only hand them to Socket's constructor (it has no other way to choose the kind of socket it is).
        foreach (var argument in creation.Arguments)
        {
            var parameterType = argument.Parameter?.Type;
            if (SymbolEqualityComparer.Default.Equals(parameterType, symbols.AddressFamily)) family = argument.Value;
            else if (SymbolEqualityComparer.Default.Equals(parameterType, symbols.SocketType)) socketType = argument.Value;
            else if (SymbolEqualityComparer.Default.Equals(parameterType, symbols.ProtocolType)) protocol = argument.Value;
        }

        if (socketType is null || protocol is null)
        {
            return SocketKind.Unknown; // Socket(SocketInformation) or Socket(SafeSocketHandle)
        }

        var familyKind = family is null ? FamilyKind.Internet : FamilyOf(family, symbols); // Socket(SocketType, ProtocolType) is dual-mode IPv6
        if (ConstantInt(socketType) is { } type && ConstantInt(protocol) is { } protocolValue)
        {
            return Of(type, protocolValue, familyKind);
        }

        return code is null ? SocketKind.Unknown : OfEveryCall(socketType, protocol, familyKind, code, cancellationToken);
    }

    /// <summary>The kind every combination of the values the arguments can hold gives, or Unknown when they disagree.</summary>
    private static SocketKind OfEveryCall(IOperation socketType, IOperation protocol, FamilyKind familyKind, CodeContext code, CancellationToken cancellationToken)
    {
        var types = PossibleValues.Integers(socketType, code, cancellationToken);
        var protocols = types.IsEmpty ? types : PossibleValues.Integers(protocol, code, cancellationToken);
        SocketKind? agreed = null;
        foreach (var type in types)
        {
            foreach (var protocolValue in protocols)
            {
                var kind = Of(type, protocolValue, familyKind);
                if (agreed is { } earlier && earlier != kind)
                {
                    return SocketKind.Unknown;
                }

                agreed = kind;
            }
        }

        return agreed ?? SocketKind.Unknown;
    }

    private static SocketKind Of(int type, int protocolValue, FamilyKind familyKind)
    {
        if (type != SocketTypeStream)
        {
            return SocketKind.NotTcp;
        }

        return protocolValue switch
        {
            ProtocolTypeTcp => familyKind == FamilyKind.Other ? SocketKind.NotTcp : SocketKind.Tcp,
            ProtocolTypeIP => familyKind switch
            {
                FamilyKind.Internet => SocketKind.Tcp,
                FamilyKind.Other => SocketKind.NotTcp,
                _ => SocketKind.Unknown,
            },
            _ => SocketKind.NotTcp,
        };
    }

    private enum FamilyKind
    {
        Unknown,
        Internet,
        Other,
    }

    private static FamilyKind FamilyOf(IOperation family, KnownSymbols symbols)
    {
        if (ConstantInt(family) is { } value)
        {
            return value is AddressFamilyInterNetwork or AddressFamilyInterNetworkV6 ? FamilyKind.Internet : FamilyKind.Other;
        }

        // ipAddress.AddressFamily / ipEndPoint.AddressFamily can only be an Internet family.
        if (family.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "AddressFamily", Instance: { } instance })
        {
            var type = instance.Type;
            if (SymbolEqualityComparer.Default.Equals(type, symbols.IPAddress) ||
                SymbolEqualityComparer.Default.Equals(type, symbols.IPEndPoint) ||
                SymbolEqualityComparer.Default.Equals(type, symbols.DnsEndPoint))
            {
                return FamilyKind.Internet;
            }
        }

        return FamilyKind.Unknown;
    }

    private static int? ConstantInt(IOperation operation) =>
        operation.WalkDownConversions().ConstantValue is { HasValue: true, Value: int value } ? value : null;
}
