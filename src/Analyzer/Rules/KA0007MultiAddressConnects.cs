using System.Net;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// Connect calls that can try several addresses on one socket: a host name (<c>Connect("db", 5432)</c>), a
/// DnsEndPoint, or an IPAddress[] with more than one element, on Socket or TcpClient, sync, async or Begin*.
/// </summary>
internal static class KA0007MultiAddressConnects
{
    /// <summary>The socket the connect uses and how it names its target ("a host name"), or null when it is not a multi-address connect.</summary>
    public static (KA0007SocketKey Socket, string Target)? Classify(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("Connect" or "ConnectAsync" or "BeginConnect") || method.IsStatic || invocation.Arguments.Length == 0)
        {
            return null;
        }

        var key = symbols.IsSocket(method.ContainingType) ? KA0007SocketKey.OfSocket(invocation.Instance, symbols)
            : symbols.IsTcpClient(method.ContainingType) ? KA0007SocketKey.OfTcpClient(invocation.Instance, symbols)
            : null;
        if (key is null || FirstArgument(invocation) is not { } target || Describe(target, symbols) is not { } description)
        {
            return null;
        }

        return (key.Value, description);
    }

    private static IArgumentOperation? FirstArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                return argument;
            }
        }

        return null;
    }

    private static string? Describe(IArgumentOperation argument, KnownSymbols symbols)
    {
        var parameterType = argument.Parameter?.Type;
        var value = argument.Value.WalkDownConversions();
        if (parameterType?.SpecialType == SpecialType.System_String)
        {
            // "10.0.0.5" is one address: nothing to retry.
            return value.ConstantValue is { HasValue: true, Value: string host } && IPAddress.TryParse(host, out _) ? null : "a host name";
        }

        if (parameterType is IArrayTypeSymbol { ElementType: var element } && SymbolEqualityComparer.Default.Equals(element, symbols.IPAddress))
        {
            return value is IArrayCreationOperation { Initializer.ElementValues.Length: <= 1 } ? null : "an IPAddress[]";
        }

        if (parameterType?.Name == "EndPoint" && IsDnsEndPoint(value, symbols))
        {
            return "a DnsEndPoint";
        }

        return null;
    }

    private static bool IsDnsEndPoint(IOperation value, KnownSymbols symbols)
    {
        if (IsDns(value.Type, symbols))
        {
            return true;
        }

        return value is ILocalReferenceOperation local && KA0007SocketKey.SingleInitializer(local) is { } initializer &&
               IsDns(initializer.WalkDownConversions().Type, symbols);
    }

    private static bool IsDns(ITypeSymbol? type, KnownSymbols symbols)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, symbols.DnsEndPoint))
            {
                return true;
            }
        }

        return false;
    }
}
