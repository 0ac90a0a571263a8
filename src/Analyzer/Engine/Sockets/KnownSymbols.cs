using System;
using KeepAliveAnalyzers.Engine.Code;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Engine.Sockets;

/// <summary>
/// Every type the rules look at, resolved once per compilation: Socket and TcpClient at once, the rest on first use.
/// Null when the compilation does not reference System.Net.Sockets at all, which is how such projects bail out for free.
/// </summary>
internal sealed class KnownSymbols
{
    private readonly TypeLookup _tcpListener;
    private readonly TypeLookup _socketAsyncEventArgs;
    private readonly TypeLookup _networkStream;
    private readonly TypeLookup _socketType;
    private readonly TypeLookup _protocolType;
    private readonly TypeLookup _addressFamily;
    private readonly TypeLookup _ipAddress;
    private readonly TypeLookup _ipEndPoint;
    private readonly TypeLookup _dnsEndPoint;
    private readonly TypeLookup _stream;
    private readonly TypeLookup _textReader;
    private readonly TypeLookup _textWriter;
    private readonly TypeLookup _binaryReader;
    private readonly TypeLookup _binaryWriter;
    private readonly TypeLookup _socketTaskExtensions;
    private readonly TypeLookup _ioControlCode;
    private readonly TypeLookup _socketsHttpHandler;
    private readonly TypeLookup _tcpKeepAlive;
    private readonly TypeLookup _tcpKeepAliveExtensions;
    private readonly TypeLookup _tcpKeepAliveOptions;

    private KnownSymbols(Compilation compilation, TypeHomes homes, INamedTypeSymbol? socket, INamedTypeSymbol? tcpClient)
    {
        Compilation = compilation;
        Homes = homes;
        Socket = socket;
        TcpClient = tcpClient;
        Func<string, INamedTypeSymbol?> framework = homes.Framework, helper = homes.Helper;
        _tcpListener = new(framework, "System.Net.Sockets.TcpListener");
        _socketAsyncEventArgs = new(framework, "System.Net.Sockets.SocketAsyncEventArgs");
        _networkStream = new(framework, "System.Net.Sockets.NetworkStream");
        _socketType = new(framework, "System.Net.Sockets.SocketType");
        _protocolType = new(framework, "System.Net.Sockets.ProtocolType");
        _addressFamily = new(framework, "System.Net.Sockets.AddressFamily");
        _ipAddress = new(framework, "System.Net.IPAddress");
        _ipEndPoint = new(framework, "System.Net.IPEndPoint");
        _dnsEndPoint = new(framework, "System.Net.DnsEndPoint");
        _stream = new(framework, "System.IO.Stream");
        _textReader = new(framework, "System.IO.TextReader");
        _textWriter = new(framework, "System.IO.TextWriter");
        _binaryReader = new(framework, "System.IO.BinaryReader");
        _binaryWriter = new(framework, "System.IO.BinaryWriter");
        _socketTaskExtensions = new(framework, "System.Net.Sockets.SocketTaskExtensions");
        _ioControlCode = new(framework, "System.Net.Sockets.IOControlCode");
        _socketsHttpHandler = new(framework, "System.Net.Http.SocketsHttpHandler");
        _tcpKeepAlive = new(helper, "KeepAlive.TcpKeepAlive");
        _tcpKeepAliveExtensions = new(helper, "KeepAlive.TcpKeepAliveExtensions");
        _tcpKeepAliveOptions = new(helper, "KeepAlive.TcpKeepAliveOptions");
    }

    public Compilation Compilation { get; }

    /// <summary>Where the types the rules need are looked up (also by the platform layer).</summary>
    public TypeHomes Homes { get; }
    public INamedTypeSymbol? Socket { get; }
    public INamedTypeSymbol? TcpClient { get; }
    public INamedTypeSymbol? TcpListener => _tcpListener.Type;
    public INamedTypeSymbol? SocketAsyncEventArgs => _socketAsyncEventArgs.Type;
    public INamedTypeSymbol? NetworkStream => _networkStream.Type;
    public INamedTypeSymbol? SocketType => _socketType.Type;
    public INamedTypeSymbol? ProtocolType => _protocolType.Type;
    public INamedTypeSymbol? AddressFamily => _addressFamily.Type;
    public INamedTypeSymbol? IPAddress => _ipAddress.Type;
    public INamedTypeSymbol? IPEndPoint => _ipEndPoint.Type;
    public INamedTypeSymbol? DnsEndPoint => _dnsEndPoint.Type;
    public INamedTypeSymbol? Stream => _stream.Type;
    public INamedTypeSymbol? TextReader => _textReader.Type;
    public INamedTypeSymbol? TextWriter => _textWriter.Type;
    public INamedTypeSymbol? BinaryReader => _binaryReader.Type;
    public INamedTypeSymbol? BinaryWriter => _binaryWriter.Type;

    /// <summary>netstandard2.0's home of the Task-based socket methods (AcceptAsync, ConnectAsync, ReceiveAsync...), as extensions.</summary>
    public INamedTypeSymbol? SocketTaskExtensions => _socketTaskExtensions.Type;

    public INamedTypeSymbol? IOControlCode => _ioControlCode.Type;

    /// <summary>HttpClient's handler; its <c>ConnectCallback</c> hands the connections it returns to the HTTP pool.</summary>
    public INamedTypeSymbol? SocketsHttpHandler => _socketsHttpHandler.Type;

    /// <summary>Our runtime helper; null when the project does not reference KeepAlive.Runtime.</summary>
    public INamedTypeSymbol? TcpKeepAlive => _tcpKeepAlive.Type;
    public INamedTypeSymbol? TcpKeepAliveExtensions => _tcpKeepAliveExtensions.Type;
    public INamedTypeSymbol? TcpKeepAliveOptions => _tcpKeepAliveOptions.Type;

    public static KnownSymbols? TryCreate(Compilation compilation) => TryCreate(compilation, new TypeHomes(compilation));

    /// <summary>The compilation's socket types, or null when it references neither Socket nor TcpClient.</summary>
    public static KnownSymbols? TryCreate(Compilation compilation, TypeHomes homes)
    {
        var socket = homes.Framework("System.Net.Sockets.Socket");
        var tcpClient = homes.Framework("System.Net.Sockets.TcpClient");
        return socket is null && tcpClient is null ? null : new KnownSymbols(compilation, homes, socket, tcpClient);
    }

    public bool IsSocket(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, Socket);

    /// <summary>Socket or a class derived from it (a proxy or instrumented socket): its creation is a socket's creation.</summary>
    public bool IsSocketOrDerived(ITypeSymbol? type) => IsOrDerivesFrom(type, orTcpClient: false);

    /// <summary>An extension method of SocketTaskExtensions: on netstandard2.0 <c>socket.AcceptAsync()</c> binds to it.</summary>
    public bool IsSocketExtension(IMethodSymbol method) =>
        method.IsExtensionMethod && SymbolEqualityComparer.Default.Equals(method.ContainingType, SocketTaskExtensions);
    public bool IsTcpClient(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, TcpClient);
    public bool IsTcpListener(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, TcpListener);
    public bool IsSocketAsyncEventArgs(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, SocketAsyncEventArgs);

    /// <summary>Socket, TcpClient or a type derived from them (a team's own connection class).</summary>
    public bool IsConnectionType(ITypeSymbol? type) => IsOrDerivesFrom(type, orTcpClient: true);

    // A flag, not a predicate: the flow asks this per operation, and a delegate over `this` would allocate each time.
    private bool IsOrDerivesFrom(ITypeSymbol? type, bool orTcpClient)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (IsSocket(t) || orTcpClient && IsTcpClient(t))
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
