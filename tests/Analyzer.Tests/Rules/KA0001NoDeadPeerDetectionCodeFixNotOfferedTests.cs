using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.CodeFixVerifier<
    KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection,
    KeepAliveAnalyzers.CodeFixes.KA0001NoDeadPeerDetectionCodeFix>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Shapes where the KA0001 code fix is not offered and no test in <see cref="KA0001NoDeadPeerDetectionCodeFixTests"/>
/// showed it yet; docs/rules/KA0001.md, "Where the code fix is not offered", names each of them.
/// </summary>
public class KA0001NoDeadPeerDetectionCodeFixNotOfferedTests
{
    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    [Fact]
    public Task No_fix_when_the_accept_fills_SocketAsyncEventArgs() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net;
        using System.Net.Sockets;

        public sealed class UserToken
        {
            public UserToken(Socket socket) => Socket = socket;
            public Socket Socket { get; }
            public byte[] Buffer { get; } = new byte[4096];
        }

        public sealed class SaeaServer
        {
            private readonly Socket _listenSocket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

            public void Start(IPEndPoint endPoint)
            {
                _listenSocket.Bind(endPoint);
                _listenSocket.Listen(512);
                var acceptArgs = new SocketAsyncEventArgs();
                acceptArgs.Completed += (_, e) => ProcessAccept(e);
                StartAccept(acceptArgs);
            }

            private void StartAccept(SocketAsyncEventArgs e)
            {
                e.AcceptSocket = null;
                if (![|_listenSocket.AcceptAsync(e)|])
                {
                    ProcessAccept(e);
                }
            }

            private void ProcessAccept(SocketAsyncEventArgs e)
            {
                var token = new UserToken(e.AcceptSocket!);
                var receiveArgs = new SocketAsyncEventArgs { UserToken = token };
                receiveArgs.SetBuffer(token.Buffer, 0, token.Buffer.Length);
                receiveArgs.Completed += (_, args) => ProcessReceive(args);
                if (!token.Socket.ReceiveAsync(receiveArgs)) ProcessReceive(receiveArgs);
                StartAccept(e);
            }

            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                var token = (UserToken)e.UserToken!;
                if (e.BytesTransferred > 0 && !token.Socket.ReceiveAsync(e)) ProcessReceive(e);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_the_accept_is_a_method_group() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public static class TaskAccept
        {
            public static Task<Socket> AcceptNextAsync(Socket listener) =>
                Task.Factory.FromAsync(listener.BeginAccept, [|listener.EndAccept|], null);
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_the_connection_is_assigned_in_a_for_header() => Verify.VerifyNoFixOfferedAsync("""
        using System.Collections.Generic;
        using System.Net.Sockets;

        class Server
        {
            private readonly List<TcpClient> _clients = new();

            public void Serve(TcpListener listener)
            {
                for (var client = [|listener.AcceptTcpClient()|]; _clients.Count < 100; client = [|listener.AcceptTcpClient()|])
                {
                    _clients.Add(client);
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_the_assignment_is_inside_a_condition() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _peer;

            public bool Accept(TcpListener listener)
            {
                if ((_peer = [|listener.AcceptTcpClient()|]) is null)
                {
                    return false;
                }

                return true;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_the_assignment_is_an_argument() => Verify.VerifyNoFixOfferedAsync("""
        using System.Collections.Generic;
        using System.Net.Sockets;

        class Server
        {
            private readonly List<TcpClient> _clients = new();
            private TcpClient? _last;

            public void Accept(TcpListener listener)
            {
                _clients.Add(_last = [|listener.AcceptTcpClient()|]);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_the_assignment_is_a_using_header() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;

        class Server
        {
            public void Serve(TcpListener listener)
            {
                TcpClient client;
                using (client = [|listener.AcceptTcpClient()|])
                {
                    var stream = client.GetStream();
                    while (stream.ReadByte() >= 0)
                    {
                    }
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_the_connection_is_stored_through_an_indexer() => Verify.VerifyNoFixOfferedAsync("""
        using System.Collections.Generic;
        using System.Net.Sockets;

        class Server
        {
            private readonly Dictionary<int, TcpClient> _clients = new();

            public void Accept(TcpListener listener, int id)
            {
                _clients[id] = [|listener.AcceptTcpClient()|];
            }
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_the_connection_is_stored_in_a_member_of_a_call_result() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;

        class Session
        {
            public TcpClient? Client { get; set; }
        }

        class Server
        {
            private readonly Session _session = new();

            private Session Current() => _session;

            public void Accept(TcpListener listener)
            {
                Current().Client = [|listener.AcceptTcpClient()|];
            }
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_in_an_expression_bodied_property() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;

        class Server
        {
            private readonly TcpListener _listener = new(System.Net.IPAddress.Any, 7000);
            private TcpClient? _peer;

            public TcpClient Next => _peer = [|_listener.AcceptTcpClient()|];
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_an_unconnected_client_is_created_in_an_expression_body() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;

        class Connection
        {
            private TcpClient _client = null!;

            public void Reset() => _client = [|new TcpClient()|];

            public void Open(string host, int port)
            {
                _client.Connect(host, port);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_the_connect_is_inside_a_loop() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;
        using System.Threading;

        class Client
        {
            private TcpClient? _client;

            public void Open(string host, int port)
            {
                var client = [|new TcpClient()|];
                while (true)
                {
                    try
                    {
                        client.Connect(host, port);
                        break;
                    }
                    catch (SocketException)
                    {
                        Thread.Sleep(1000);
                    }
                }

                _client = client;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_the_connect_goes_through_another_variable() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;

        class Client
        {
            private TcpClient? _client;

            public void Open(string host, int port)
            {
                var client = [|new TcpClient()|];
                var socket = client.Client;
                socket.Connect(host, port);
                _client = client;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_no_Configure_overload_takes_the_holder_type() => Verify.VerifyNoFixOfferedAsync("""
        using System;
        using System.Net.Sockets;

        class Server
        {
            private IDisposable? _connection;

            public void Accept(TcpListener listener)
            {
                _connection = [|listener.AcceptTcpClient()|];
            }
        }
        """, WithRuntime);
}
