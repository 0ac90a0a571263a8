using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Engine;

/// <summary>
/// Every type the rules look at, resolved once per compilation. Null when the compilation does not reference
/// System.Net.Sockets at all, which is how most projects bail out for free.
/// </summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(Compilation compilation, INamedTypeSymbol? socket, INamedTypeSymbol? tcpClient)
    {
        Compilation = compilation;
        Socket = socket;
        TcpClient = tcpClient;
        TcpListener = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpListener");
        SocketAsyncEventArgs = compilation.GetTypeByMetadataName("System.Net.Sockets.SocketAsyncEventArgs");
        NetworkStream = compilation.GetTypeByMetadataName("System.Net.Sockets.NetworkStream");
        SocketType = compilation.GetTypeByMetadataName("System.Net.Sockets.SocketType");
        ProtocolType = compilation.GetTypeByMetadataName("System.Net.Sockets.ProtocolType");
        AddressFamily = compilation.GetTypeByMetadataName("System.Net.Sockets.AddressFamily");
        IPAddress = compilation.GetTypeByMetadataName("System.Net.IPAddress");
        IPEndPoint = compilation.GetTypeByMetadataName("System.Net.IPEndPoint");
        DnsEndPoint = compilation.GetTypeByMetadataName("System.Net.DnsEndPoint");
        Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
        TextReader = compilation.GetTypeByMetadataName("System.IO.TextReader");
        TextWriter = compilation.GetTypeByMetadataName("System.IO.TextWriter");
        BinaryReader = compilation.GetTypeByMetadataName("System.IO.BinaryReader");
        BinaryWriter = compilation.GetTypeByMetadataName("System.IO.BinaryWriter");
        SocketTaskExtensions = compilation.GetTypeByMetadataName("System.Net.Sockets.SocketTaskExtensions");
        TcpKeepAlive = compilation.GetTypeByMetadataName("KeepAlive.TcpKeepAlive");
        TcpKeepAliveExtensions = compilation.GetTypeByMetadataName("KeepAlive.TcpKeepAliveExtensions");
    }

    public Compilation Compilation { get; }
    public INamedTypeSymbol? Socket { get; }
    public INamedTypeSymbol? TcpClient { get; }
    public INamedTypeSymbol? TcpListener { get; }
    public INamedTypeSymbol? SocketAsyncEventArgs { get; }
    public INamedTypeSymbol? NetworkStream { get; }
    public INamedTypeSymbol? SocketType { get; }
    public INamedTypeSymbol? ProtocolType { get; }
    public INamedTypeSymbol? AddressFamily { get; }
    public INamedTypeSymbol? IPAddress { get; }
    public INamedTypeSymbol? IPEndPoint { get; }
    public INamedTypeSymbol? DnsEndPoint { get; }
    public INamedTypeSymbol? Stream { get; }
    public INamedTypeSymbol? TextReader { get; }
    public INamedTypeSymbol? TextWriter { get; }
    public INamedTypeSymbol? BinaryReader { get; }
    public INamedTypeSymbol? BinaryWriter { get; }

    /// <summary>netstandard2.0's home of the Task-based socket methods (AcceptAsync, ConnectAsync, ReceiveAsync...), as extensions.</summary>
    public INamedTypeSymbol? SocketTaskExtensions { get; }

    /// <summary>Our runtime helper; null when the project does not reference KeepAlive.Runtime.</summary>
    public INamedTypeSymbol? TcpKeepAlive { get; }
    public INamedTypeSymbol? TcpKeepAliveExtensions { get; }

    public static KnownSymbols? TryCreate(Compilation compilation)
    {
        var socket = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket");
        var tcpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient");
        return socket is null && tcpClient is null ? null : new KnownSymbols(compilation, socket, tcpClient);
    }

    public bool IsSocket(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, Socket);

    /// <summary>An extension method of SocketTaskExtensions: on netstandard2.0 <c>socket.AcceptAsync()</c> binds to it.</summary>
    public bool IsSocketExtension(IMethodSymbol method) =>
        method.IsExtensionMethod && SymbolEqualityComparer.Default.Equals(method.ContainingType, SocketTaskExtensions);
    public bool IsTcpClient(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, TcpClient);
    public bool IsTcpListener(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, TcpListener);
    public bool IsSocketAsyncEventArgs(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, SocketAsyncEventArgs);

    /// <summary>Socket, TcpClient or a type derived from them (a team's own connection class).</summary>
    public bool IsConnectionType(ITypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (IsSocket(t) || IsTcpClient(t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Types whose instances carry a connection's bytes: a wrapper made from a connection keeps it alive.</summary>
    public bool IsStreamLike(ITypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, Stream) || SymbolEqualityComparer.Default.Equals(t, TextReader) ||
                SymbolEqualityComparer.Default.Equals(t, TextWriter) || SymbolEqualityComparer.Default.Equals(t, BinaryReader) ||
                SymbolEqualityComparer.Default.Equals(t, BinaryWriter))
            {
                return true;
            }
        }

        return false;
    }
}
