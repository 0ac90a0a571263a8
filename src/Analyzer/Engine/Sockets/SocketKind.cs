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
    public static SocketKind Of(IObjectCreationOperation creation, KnownSymbols symbols)
    {
        IOperation? family = null, socketType = null, protocol = null;
        foreach (var argument in creation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "addressFamily": family = argument.Value; break;
                case "socketType": socketType = argument.Value; break;
                case "protocolType": protocol = argument.Value; break;
            }
        }

        if (socketType is null || protocol is null)
        {
            return SocketKind.Unknown; // Socket(SocketInformation) or Socket(SafeSocketHandle)
        }

        if (ConstantInt(socketType) is not { } type || ConstantInt(protocol) is not { } protocolValue)
        {
            return SocketKind.Unknown;
        }

        if (type != SocketTypeStream)
        {
            return SocketKind.NotTcp;
        }

        var familyKind = family is null ? FamilyKind.Internet : FamilyOf(family, symbols); // Socket(SocketType, ProtocolType) is dual-mode IPv6
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
