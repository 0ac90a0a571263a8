using System;
using System.Net;
using System.Net.Sockets;
using KeepAlive.Tests.Support;
using Xunit;

namespace KeepAlive.Tests;

public class ArgumentTests
{
    [Theory]
    [InlineData(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)]
    [InlineData(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp)]
    [InlineData(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)]
    [InlineData(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified)]
    public void NonTcpSocketsAreRejectedWithTheReason(AddressFamily family, SocketType type, ProtocolType protocol)
    {
        using var socket = new Socket(family, type, protocol);

        AssertNotTcp(socket);
    }

    [PrivilegedFact]
    public void RawSocketIsRejected()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Tcp);

        AssertNotTcp(socket);
    }

    [Fact]
    public void NonTcpCheckComesBeforeOptionValidation()
    {
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        Assert.Throws<ArgumentException>(() => TcpKeepAlive.Configure(udp, new TcpKeepAliveOptions { ProbeCount = 0 }));
    }

    [Fact]
    public void NullSocketOrClient()
    {
        Assert.Equal("socket", Assert.Throws<ArgumentNullException>(() => TcpKeepAlive.Configure((Socket)null!)).ParamName);
        Assert.Equal("client", Assert.Throws<ArgumentNullException>(() => TcpKeepAlive.Configure((TcpClient)null!)).ParamName);
        Assert.Throws<ArgumentNullException>(() => ((Socket)null!).ConfigureTcpKeepAlive());
        Assert.Throws<ArgumentNullException>(() => ((TcpClient)null!).ConfigureTcpKeepAlive());
    }

    [Fact]
    public void DisposedUnconnectedSocket()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Dispose();

        Assert.Throws<ObjectDisposedException>(() => TcpKeepAlive.Configure(socket));
    }

    [Fact]
    public void DisposedConnectedSocket()
    {
        using Loopback pair = Loopback.IPv4();
        pair.Client.Dispose();

        Assert.Throws<ObjectDisposedException>(() => pair.Client.ConfigureTcpKeepAlive());
    }

    [Fact]
    public void DisposedTcpClient()
    {
        using Socket listener = Loopback.Listen(IPAddress.Loopback);
        var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect(IPAddress.Loopback, Loopback.PortOf(listener));
        client.Dispose();

        Assert.Null(client.Client); // .NET hands out no socket once the client is disposed
        Assert.Throws<ObjectDisposedException>(() => TcpKeepAlive.Configure(client));
        Assert.Throws<ObjectDisposedException>(() => client.ConfigureTcpKeepAlive());
    }

    private static void AssertNotTcp(Socket socket)
    {
        var error = Assert.Throws<ArgumentException>(() => TcpKeepAlive.Configure(socket));
        Assert.Equal("socket", error.ParamName);
        Assert.Contains("only to TCP sockets", error.Message, StringComparison.Ordinal);
        Assert.Contains(socket.SocketType.ToString(), error.Message, StringComparison.Ordinal);
    }
}
