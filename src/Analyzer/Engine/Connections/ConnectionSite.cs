using System.Collections.Immutable;
using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Connections;

/// <summary>How a TCP connection comes into being at a site; it decides what "connected" evidence is needed.</summary>
internal enum SiteKind
{
    /// <summary><c>new Socket(...)</c> or <c>new TcpClient()</c>: may still become a listener or stay a placeholder.</summary>
    CreatedUnconnected,

    /// <summary><c>new TcpClient(host, port)</c>: connected by its constructor.</summary>
    CreatedConnected,

    /// <summary>An accept call whose result is the connection.</summary>
    Accepted,

    /// <summary><c>socket.AcceptAsync(SocketAsyncEventArgs)</c>: the connection appears later as <c>e.AcceptSocket</c>.</summary>
    AcceptedIntoEventArgs,

    /// <summary>An accept method passed as a delegate (<c>Task.Factory.FromAsync(s.BeginAccept, s.EndAccept, null)</c>).</summary>
    AcceptMethodGroup,
}

/// <summary>A place in source where a TCP connection is created or accepted: the operation a diagnostic is reported on.</summary>
internal readonly struct ConnectionSite
{
    public ConnectionSite(IOperation operation, SiteKind kind, IOperation? listener)
    {
        Operation = operation;
        Kind = kind;
        Listener = listener;
    }

    public IOperation Operation { get; }
    public SiteKind Kind { get; }

    /// <summary>For accept sites, the listener the connection is accepted from (its options are inherited on Linux).</summary>
    public IOperation? Listener { get; }

    /// <summary>The operation kinds a site can be: what the site rules subscribe to.</summary>
    public static ImmutableArray<OperationKind> OperationKinds { get; } = ImmutableArray.Create(
        OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.MethodReference, OperationKind.Invalid);

    public bool IsAccept => Kind is SiteKind.Accepted or SiteKind.AcceptedIntoEventArgs or SiteKind.AcceptMethodGroup;

    /// <summary>The site <paramref name="operation"/> is, if any; with <paramref name="code"/> (the analyzer's), socket kinds passed through an in-source factory's parameters are read at its calls.</summary>
    public static bool TryGet(IOperation operation, KnownSymbols symbols, out ConnectionSite site, CodeContext? code = null, CancellationToken cancellationToken = default)
    {
        site = default;
        switch (operation)
        {
            case IObjectCreationOperation creation when symbols.IsTcpClient(creation.Type):
                site = new(creation, IsConnectingTcpClientConstructor(creation.Constructor) ? SiteKind.CreatedConnected : SiteKind.CreatedUnconnected, null);
                return true;
            case IObjectCreationOperation creation when symbols.IsSocketOrDerived(creation.Type):
                if (SocketKinds.Of(creation, symbols, code, cancellationToken) != SocketKind.Tcp)
                {
                    return false;
                }

                site = new(creation, SiteKind.CreatedUnconnected, null);
                return true;
            case IInvocationOperation invocation when AcceptKindOf(invocation.TargetMethod, symbols) is { } kind:
                site = new(invocation, kind, invocation.Instance ?? (invocation.Arguments.IsEmpty ? null : invocation.Arguments[0].Value));
                return true;
            case IInvalidOperation invalid when IsAcceptOnAmbiguousListener(invalid, symbols):
                site = new(invalid, SiteKind.Accepted, null);
                return true;
            case IMethodReferenceOperation reference when AcceptKindOf(reference.Method, symbols) == SiteKind.Accepted &&
                                                          reference.Method.Name.StartsWith("End", System.StringComparison.Ordinal):
                site = new(reference, SiteKind.AcceptMethodGroup, reference.Instance);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>server.EndAcceptTcpClient(ar)</c> that does not bind because <c>server</c> is ambiguous (a type defined
    /// twice, as when a repository ships two copies of a file into one compilation): every candidate for the
    /// receiver is a TcpListener, and these method names exist only there, so it is still an accept.
    /// </summary>
    private static bool IsAcceptOnAmbiguousListener(IInvalidOperation invalid, KnownSymbols symbols)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ||
            access.Name.Identifier.ValueText is not ("AcceptTcpClient" or "AcceptTcpClientAsync" or "EndAcceptTcpClient" or
                "AcceptSocket" or "AcceptSocketAsync" or "EndAcceptSocket") ||
            invalid.SemanticModel is not { } model)
        {
            return false;
        }

        var candidates = model.GetSymbolInfo(access.Expression).CandidateSymbols;
        foreach (var candidate in candidates)
        {
            var type = candidate switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                ILocalSymbol local => local.Type,
                _ => null,
            };
            if (!symbols.IsTcpListener(type))
            {
                return false;
            }
        }

        return !candidates.IsEmpty;
    }

    private static bool IsConnectingTcpClientConstructor(IMethodSymbol? constructor) =>
        constructor is { Parameters.Length: 2 } && constructor.Parameters[0].Type.SpecialType == SpecialType.System_String;

    private static SiteKind? AcceptKindOf(IMethodSymbol method, KnownSymbols symbols)
    {
        // The name first: one string comparison rules out almost every invocation before any symbol comparison.
        switch (method.Name)
        {
            case "Accept" or "EndAccept" or "AcceptAsync":
                if (!symbols.IsSocket(method.ContainingType) && !symbols.IsSocketExtension(method))
                {
                    return null;
                }

                // AcceptAsync(SocketAsyncEventArgs) returns bool; the other overloads return the socket.
                return method.Name == "AcceptAsync" && method.ReturnType.SpecialType == SpecialType.System_Boolean ? SiteKind.AcceptedIntoEventArgs : SiteKind.Accepted;
            case "AcceptSocket" or "AcceptSocketAsync" or "AcceptTcpClient" or "AcceptTcpClientAsync" or "EndAcceptSocket" or "EndAcceptTcpClient":
                return symbols.IsTcpListener(method.ContainingType) ? SiteKind.Accepted : null;
            default:
                return null;
        }
    }
}
