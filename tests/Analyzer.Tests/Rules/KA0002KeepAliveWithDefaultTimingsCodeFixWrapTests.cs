using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.CodeFixVerifier<
    KeepAliveAnalyzers.Rules.KA0002KeepAliveWithDefaultTimings,
    KeepAliveAnalyzers.CodeFixes.KA0002KeepAliveWithDefaultTimingsCodeFix>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Shapes where no statement can follow the connect or accept, so the KA0002 fix wraps the expression that produces the
/// connection in <c>TcpKeepAlive.Configured(…)</c> (docs/rules/KA0002.md, "What the code fix does").
/// </summary>
public class KA0002KeepAliveWithDefaultTimingsCodeFixWrapTests
{
    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    [Fact]
    public Task Wraps_a_connection_passed_straight_into_a_call() => Verify.VerifyFixAsync("""
        using System.Collections.Generic;
        using System.Net.Sockets;

        public sealed class Hub
        {
            private readonly List<Socket> _peers = new();

            public void Serve(Socket listener)
            {
                listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                while (true)
                {
                    _peers.Add([|listener.Accept()|]);
                }
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using KeepAlive;

        public sealed class Hub
        {
            private readonly List<Socket> _peers = new();

            public void Serve(Socket listener)
            {
                listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                while (true)
                {
                    _peers.Add(TcpKeepAlive.Configured(listener.Accept()));
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_creation_connected_inside_a_condition() => Verify.VerifyFixAsync("""
        using System;
        using System.Net.Sockets;

        public sealed class Link
        {
            private TcpClient? _client;

            public void Open(string host, int port)
            {
                var client = [|new TcpClient()|];
                client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                if (!client.ConnectAsync(host, port).Wait(TimeSpan.FromSeconds(5)))
                {
                    throw new TimeoutException();
                }

                _client = client;
            }
        }
        """, """
        using System;
        using System.Net.Sockets;
        using KeepAlive;

        public sealed class Link
        {
            private TcpClient? _client;

            public void Open(string host, int port)
            {
                var client = TcpKeepAlive.Configured(new TcpClient());
                client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                if (!client.ConnectAsync(host, port).Wait(TimeSpan.FromSeconds(5)))
                {
                    throw new TimeoutException();
                }

                _client = client;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_creation_whose_ConnectAsync_is_not_awaited_in_its_statement() => Verify.VerifyFixAsync("""
        using System;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class Link
        {
            private TcpClient? _client;

            public async Task OpenAsync(string host, int port)
            {
                var client = [|new TcpClient()|];
                client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                var connecting = client.ConnectAsync(host, port);
                await Task.WhenAny(connecting, Task.Delay(TimeSpan.FromSeconds(5)));
                _client = client;
            }
        }
        """, """
        using System;
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        public sealed class Link
        {
            private TcpClient? _client;

            public async Task OpenAsync(string host, int port)
            {
                var client = TcpKeepAlive.Configured(new TcpClient());
                client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                var connecting = client.ConnectAsync(host, port);
                await Task.WhenAny(connecting, Task.Delay(TimeSpan.FromSeconds(5)));
                _client = client;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_connected_creation_in_a_field_initializer() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        public sealed class Link
        {
            private readonly TcpClient _client = [|new TcpClient("example.org", 7)|];

            public Link()
            {
                _client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        public sealed class Link
        {
            private readonly TcpClient _client = TcpKeepAlive.Configured(new TcpClient("example.org", 7));

            public Link()
            {
                _client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_socket_whose_protocol_is_read_from_a_local() => Verify.VerifyFixAsync("""
        using System.Net;
        using System.Net.Sockets;

        static class Sockets
        {
            internal static Socket Create(EndPoint endpoint, bool keepAlive)
            {
                var family = endpoint.AddressFamily;
                var protocol = family == AddressFamily.Unix ? ProtocolType.Unspecified : ProtocolType.Tcp;
                var socket = family == AddressFamily.Unspecified
                    ? [|new Socket(SocketType.Stream, protocol)|]
                    : new Socket(family, SocketType.Stream, protocol);
                if (keepAlive) socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                return socket;
            }
        }

        class Link
        {
            private Socket? _socket;

            public void Open(EndPoint endpoint)
            {
                _socket = Sockets.Create(endpoint, true);
                _socket.Connect(endpoint);
            }
        }
        """, """
        using System.Net;
        using System.Net.Sockets;
        using KeepAlive;

        static class Sockets
        {
            internal static Socket Create(EndPoint endpoint, bool keepAlive)
            {
                var family = endpoint.AddressFamily;
                var protocol = family == AddressFamily.Unix ? ProtocolType.Unspecified : ProtocolType.Tcp;
                var socket = family == AddressFamily.Unspecified
                    ? TcpKeepAlive.Configured(new Socket(SocketType.Stream, protocol))
                    : new Socket(family, SocketType.Stream, protocol);
                if (keepAlive) socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                return socket;
            }
        }

        class Link
        {
            private Socket? _socket;

            public void Open(EndPoint endpoint)
            {
                _socket = Sockets.Create(endpoint, true);
                _socket.Connect(endpoint);
            }
        }
        """, WithRuntime);
}
