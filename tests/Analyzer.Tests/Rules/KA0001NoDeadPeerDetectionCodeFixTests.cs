using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.CodeFixVerifier<
    KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection,
    KeepAliveAnalyzers.CodeFixes.KA0001NoDeadPeerDetectionCodeFix>;

namespace KeepAliveAnalyzers.Tests.Rules;

public class KA0001NoDeadPeerDetectionCodeFixTests
{
    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    [Fact]
    public Task Local_connected_with_Connect() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Client
        {
            public void Run(string host, int port)
            {
                var client = [|new TcpClient()|];
                client.Connect(host, port);
                var stream = client.GetStream();
                while (stream.ReadByte() >= 0)
                {
                }
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Client
        {
            public void Run(string host, int port)
            {
                var client = new TcpClient();
                client.Connect(host, port);
                TcpKeepAlive.Configure(client);
                var stream = client.GetStream();
                while (stream.ReadByte() >= 0)
                {
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Local_connected_with_awaited_ConnectAsync() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Client
        {
            public async Task RunAsync(string host, int port)
            {
                var socket = [|new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|];
                socket.NoDelay = true;
                await socket.ConnectAsync(host, port).ConfigureAwait(false);
                var buffer = new byte[1024];
                while (await socket.ReceiveAsync(buffer, SocketFlags.None) > 0)
                {
                }
            }
        }
        """, """
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        class Client
        {
            public async Task RunAsync(string host, int port)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.NoDelay = true;
                await socket.ConnectAsync(host, port).ConfigureAwait(false);
                TcpKeepAlive.Configure(socket);
                var buffer = new byte[1024];
                while (await socket.ReceiveAsync(buffer, SocketFlags.None) > 0)
                {
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Local_connected_with_BeginConnect_is_configured_after_EndConnect() => Verify.VerifyFixAsync("""
        using System;
        using System.Net.Sockets;

        class Client
        {
            public void Run(string host, int port)
            {
                var socket = [|new Socket(SocketType.Stream, ProtocolType.Tcp)|];
                var pending = socket.BeginConnect(host, port, null, null);
                pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(5));
                socket.EndConnect(pending);
                var buffer = new byte[1024];
                while (socket.Receive(buffer) > 0)
                {
                }
            }
        }
        """, """
        using System;
        using System.Net.Sockets;
        using KeepAlive;

        class Client
        {
            public void Run(string host, int port)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                var pending = socket.BeginConnect(host, port, null, null);
                pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(5));
                socket.EndConnect(pending);
                TcpKeepAlive.Configure(socket);
                var buffer = new byte[1024];
                while (socket.Receive(buffer) > 0)
                {
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Using_var_with_connecting_constructor() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Client
        {
            public void Run(string host, int port)
            {
                using var client = [|new TcpClient(host, port)|];
                using var stream = client.GetStream();
                while (stream.ReadByte() >= 0)
                {
                }
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Client
        {
            public void Run(string host, int port)
            {
                using var client = new TcpClient(host, port);
                TcpKeepAlive.Configure(client);
                using var stream = client.GetStream();
                while (stream.ReadByte() >= 0)
                {
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Using_block_gets_the_call_as_its_first_statement() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Server
        {
            public void Serve(TcpListener listener)
            {
                using (var client = [|listener.AcceptTcpClient()|])
                {
                    // Echo until the peer closes.
                    var stream = client.GetStream();
                    while (stream.ReadByte() >= 0)
                    {
                    }
                }
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            public void Serve(TcpListener listener)
            {
                using (var client = listener.AcceptTcpClient())
                {
                    TcpKeepAlive.Configure(client);
                    // Echo until the peer closes.
                    var stream = client.GetStream();
                    while (stream.ReadByte() >= 0)
                    {
                    }
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Using_block_with_an_unconnected_socket_is_configured_after_its_connect() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Client
        {
            public void Run(string host, int port)
            {
                using (var client = [|new TcpClient()|])
                {
                    client.Connect(host, port);
                    var stream = client.GetStream();
                    while (stream.ReadByte() >= 0)
                    {
                    }
                }
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Client
        {
            public void Run(string host, int port)
            {
                using (var client = new TcpClient())
                {
                    client.Connect(host, port);
                    TcpKeepAlive.Configure(client);
                    var stream = client.GetStream();
                    while (stream.ReadByte() >= 0)
                    {
                    }
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Connecting_constructor_stored_in_a_field() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Connection
        {
            private TcpClient? _client;

            public void Open(string host, int port)
            {
                _client = [|new TcpClient(host, port)|];
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Connection
        {
            private TcpClient? _client;

            public void Open(string host, int port)
            {
                _client = new TcpClient(host, port);
                TcpKeepAlive.Configure(_client);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Accepted_socket() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using System.Threading;

        class Server
        {
            public void Serve(Socket listener)
            {
                Socket connection = [|listener.Accept()|];
                new Thread(() => Echo(connection)).Start();
            }

            private static void Echo(Socket socket)
            {
                var buffer = new byte[512];
                while (socket.Receive(buffer) > 0)
                {
                }
            }
        }
        """, """
        using System.Net.Sockets;
        using System.Threading;
        using KeepAlive;

        class Server
        {
            public void Serve(Socket listener)
            {
                Socket connection = listener.Accept();
                TcpKeepAlive.Configure(connection);
                new Thread(() => Echo(connection)).Start();
            }

            private static void Echo(Socket socket)
            {
                var buffer = new byte[512];
                while (socket.Receive(buffer) > 0)
                {
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Awaited_accept() => Verify.VerifyFixAsync("""
        using System.Collections.Generic;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Server
        {
            private readonly List<TcpClient> _clients = new();

            public async Task AcceptAsync(TcpListener listener)
            {
                while (true)
                {
                    var client = await [|listener.AcceptTcpClientAsync()|].ConfigureAwait(false);
                    _clients.Add(client);
                }
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        class Server
        {
            private readonly List<TcpClient> _clients = new();

            public async Task AcceptAsync(TcpListener listener)
            {
                while (true)
                {
                    var client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                    TcpKeepAlive.Configure(client);
                    _clients.Add(client);
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task EndAccept_in_a_callback() => Verify.VerifyFixAsync("""
        using System;
        using System.Collections.Concurrent;
        using System.Net.Sockets;

        class Server
        {
            private readonly ConcurrentBag<Socket> _sockets = new();
            private Socket _listener = null!;

            private void OnAccept(IAsyncResult result)
            {
                var socket = [|_listener.EndAccept(result)|];
                _sockets.Add(socket);
                _listener.BeginAccept(OnAccept, null);
            }
        }
        """, """
        using System;
        using System.Collections.Concurrent;
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private readonly ConcurrentBag<Socket> _sockets = new();
            private Socket _listener = null!;

            private void OnAccept(IAsyncResult result)
            {
                var socket = _listener.EndAccept(result);
                TcpKeepAlive.Configure(socket);
                _sockets.Add(socket);
                _listener.BeginAccept(OnAccept, null);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Field_assigned_then_connected() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Connection
        {
            private TcpClient _client = null!;

            public async Task OpenAsync(string host, int port)
            {
                _client = [|new TcpClient()|];
                _client.NoDelay = true;
                await this._client.ConnectAsync(host, port);
            }
        }
        """, """
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        class Connection
        {
            private TcpClient _client = null!;

            public async Task OpenAsync(string host, int port)
            {
                _client = new TcpClient();
                _client.NoDelay = true;
                await this._client.ConnectAsync(host, port);
                TcpKeepAlive.Configure(_client);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Expression_bodied_lambda_becomes_a_block() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _client;

            public void Start(TcpListener listener)
            {
                listener.BeginAcceptTcpClient(ar => _client = [|listener.EndAcceptTcpClient(ar)|], null);
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private TcpClient? _client;

            public void Start(TcpListener listener)
            {
                listener.BeginAcceptTcpClient(ar =>
                {
                    _client = listener.EndAcceptTcpClient(ar);
                    TcpKeepAlive.Configure(_client);
                }, null);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Value_returning_lambda_keeps_returning_the_connection() => Verify.VerifyFixAsync("""
        using System;
        using System.Net.Sockets;

        class Server
        {
            private Socket? _last;

            public Func<Socket> Acceptor(Socket listener) => () => _last = [|listener.Accept()|];
        }
        """, """
        using System;
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private Socket? _last;

            public Func<Socket> Acceptor(Socket listener) => () =>
            {
                _last = listener.Accept();
                TcpKeepAlive.Configure(_last);
                return _last;
            };
        }
        """, WithRuntime);

    [Fact]
    public Task Expression_bodied_method_becomes_a_block() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Server
        {
            private readonly TcpListener _listener = new(System.Net.IPAddress.Any, 5000);
            private TcpClient? _client;

            public async Task AcceptAsync() => _client = await [|_listener.AcceptTcpClientAsync()|]; // one peer at a time
        }
        """, """
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        class Server
        {
            private readonly TcpListener _listener = new(System.Net.IPAddress.Any, 5000);
            private TcpClient? _client;

            public async Task AcceptAsync()
            {
                _client = await _listener.AcceptTcpClientAsync();
                TcpKeepAlive.Configure(_client);
            } // one peer at a time
        }
        """, WithRuntime);

    [Fact]
    public Task Property_assigned_from_an_accept() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Session
        {
            public TcpClient? Connection { get; private set; }

            public void Accept(TcpListener listener)
            {
                Connection = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Session
        {
            public TcpClient? Connection { get; private set; }

            public void Accept(TcpListener listener)
            {
                Connection = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(Connection);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Connect_inside_a_try_block_is_followed() => Verify.VerifyFixAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Connection
        {
            private Socket? _socket;

            public void Open(EndPoint endPoint)
            {
                var socket = [|new Socket(SocketType.Stream, ProtocolType.Tcp)|];
                try
                {
                    socket.Connect(endPoint);
                }
                catch (SocketException)
                {
                    socket.Dispose();
                    throw;
                }

                _socket = socket;
            }
        }
        """, """
        using System.Net;
        using System.Net.Sockets;
        using KeepAlive;

        class Connection
        {
            private Socket? _socket;

            public void Open(EndPoint endPoint)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Connect(endPoint);
                    TcpKeepAlive.Configure(socket);
                }
                catch (SocketException)
                {
                    socket.Dispose();
                    throw;
                }

                _socket = socket;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Embedded_statement_is_wrapped_in_a_block() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Connection
        {
            private TcpClient? _client;

            public void EnsureOpen(string host, int port)
            {
                if (_client is null)
                    _client = [|new TcpClient(host, port)|];
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Connection
        {
            private TcpClient? _client;

            public void EnsureOpen(string host, int port)
            {
                if (_client is null)
                {
                    _client = new TcpClient(host, port);
                    TcpKeepAlive.Configure(_client);
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Comments_and_blank_lines_around_the_insertion_are_kept() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Client
        {
            private TcpClient? _client;

            public void Run(string host, int port)
            {
                var client = [|new TcpClient()|]; // not connected yet

                // Connect with the defaults.
                client.Connect(host, port); // blocking

                /* keep it */
                _client = client;
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Client
        {
            private TcpClient? _client;

            public void Run(string host, int port)
            {
                var client = new TcpClient(); // not connected yet

                // Connect with the defaults.
                client.Connect(host, port); // blocking
                TcpKeepAlive.Configure(client);

                /* keep it */
                _client = client;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Using_is_added_inside_the_namespace_when_the_usings_are_there() => Verify.VerifyFixAsync("""
        namespace Chat
        {
            using System.Net.Sockets;

            class Server
            {
                private TcpClient? _peer;

                public void Accept(TcpListener listener)
                {
                    _peer = [|listener.AcceptTcpClient()|];
                }
            }
        }
        """, """
        namespace Chat
        {
            using System.Net.Sockets;
            using KeepAlive;

            class Server
            {
                private TcpClient? _peer;

                public void Accept(TcpListener listener)
                {
                    _peer = listener.AcceptTcpClient();
                    TcpKeepAlive.Configure(_peer);
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Using_goes_to_its_sorted_place_and_keeps_the_file_header_first() => Verify.VerifyFixAsync("""
        // Copyright (c) Contoso.

        using Microsoft.Win32.SafeHandles;
        using System.Net.Sockets;

        namespace Chat;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener) => _peer = [|listener.AcceptTcpClient()|];
        }
        """, """
        // Copyright (c) Contoso.

        using KeepAlive;
        using Microsoft.Win32.SafeHandles;
        using System.Net.Sockets;

        namespace Chat;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Using_joins_the_group_it_sorts_into() => Verify.VerifyFixAsync("""
        using System;
        using System.Net.Sockets;

        using Microsoft.Win32.SafeHandles;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System;
        using System.Net.Sockets;

        using KeepAlive;
        using Microsoft.Win32.SafeHandles;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Using_goes_after_the_last_one_when_they_are_not_sorted() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using System;
        using static System.Math;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using System;
        using KeepAlive;
        using static System.Math;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Using_comes_after_the_file_header_when_the_file_has_none() => Verify.VerifyFixAsync("""
        // Chat server.

        namespace Chat;

        class Server
        {
            private System.Net.Sockets.TcpClient? _peer;

            public void Accept(System.Net.Sockets.TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        // Chat server.

        using KeepAlive;

        namespace Chat;

        class Server
        {
            private System.Net.Sockets.TcpClient? _peer;

            public void Accept(System.Net.Sockets.TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Existing_using_is_not_duplicated() => Verify.VerifyFixAsync("""
        using KeepAlive;
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using KeepAlive;
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Conflicting_TcpKeepAlive_name_gets_the_qualified_name() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using Legacy;

        namespace Legacy
        {
            public static class TcpKeepAlive
            {
            }
        }

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using Legacy;

        namespace Legacy
        {
            public static class TcpKeepAlive
            {
            }
        }

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                KeepAlive.TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Member_named_KeepAlive_gets_the_global_name() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _peer;

            public bool KeepAlive { get; set; }

            public TcpKeepAliveSettings TcpKeepAlive { get; } = new();

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }

        class TcpKeepAliveSettings
        {
        }
        """, """
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _peer;

            public bool KeepAlive { get; set; }

            public TcpKeepAliveSettings TcpKeepAlive { get; } = new();

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                global::KeepAlive.TcpKeepAlive.Configure(_peer);
            }
        }

        class TcpKeepAliveSettings
        {
        }
        """, WithRuntime);

    [Fact]
    public Task TcpClient_gets_its_socket_when_only_a_Socket_overload_exists() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        namespace KeepAlive
        {
            public static class TcpKeepAlive
            {
                public static void Configure(Socket socket) { }
            }
        }

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        namespace KeepAlive
        {
            public static class TcpKeepAlive
            {
                public static void Configure(Socket socket) { }
            }
        }

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer.Client);
            }
        }
        """);

    [Fact]
    public Task NetStandard_project_gets_the_same_fix() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Client
        {
            private TcpClient? _client;

            public async Task OpenAsync(string host, int port)
            {
                var client = [|new TcpClient()|];
                await client.ConnectAsync(host, port);
                _client = client;
            }
        }
        """, """
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        class Client
        {
            private TcpClient? _client;

            public async Task OpenAsync(string host, int port)
            {
                var client = new TcpClient();
                await client.ConnectAsync(host, port);
                TcpKeepAlive.Configure(client);
                _client = client;
            }
        }
        """, WithRuntime with { TargetFramework = TestTargetFramework.NetStandard20 });

    [Fact]
    public Task Fix_all_in_one_document_orders_calls_as_one_at_a_time() => Verify.VerifyFixAsync("""
        using System.Collections.Generic;
        using System.Net.Sockets;

        class Relay
        {
            private readonly List<Socket> _pairs = new();
            private TcpClient? _upstream;

            public void Pair(Socket listener, string host, int port)
            {
                Socket left = [|listener.Accept()|], right = [|listener.Accept()|];
                _pairs.Add(left);
                _pairs.Add(right);

                _upstream = [|new TcpClient()|];
                _upstream.Connect(host, port);
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using KeepAlive;

        class Relay
        {
            private readonly List<Socket> _pairs = new();
            private TcpClient? _upstream;

            public void Pair(Socket listener, string host, int port)
            {
                Socket left = listener.Accept(), right = listener.Accept();
                TcpKeepAlive.Configure(left);
                TcpKeepAlive.Configure(right);
                _pairs.Add(left);
                _pairs.Add(right);

                _upstream = new TcpClient();
                _upstream.Connect(host, port);
                TcpKeepAlive.Configure(_upstream);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Both_branches_of_a_conditional_share_one_call() => Verify.VerifyFixAsync("""
        using System.Net;
        using System.Net.Sockets;

        class Client
        {
            private Socket? _socket;

            public void Open(IPEndPoint endPoint)
            {
                var socket = endPoint.AddressFamily == AddressFamily.InterNetworkV6
                    ? [|new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp)|]
                    : [|new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|];
                socket.Connect(endPoint);
                _socket = socket;
            }
        }
        """, """
        using System.Net;
        using System.Net.Sockets;
        using KeepAlive;

        class Client
        {
            private Socket? _socket;

            public void Open(IPEndPoint endPoint)
            {
                var socket = endPoint.AddressFamily == AddressFamily.InterNetworkV6
                    ? new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp)
                    : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(endPoint);
                TcpKeepAlive.Configure(socket);
                _socket = socket;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Fix_all_across_two_documents() => Verify.VerifyFixAsync(
        [
            """
            using System.Net.Sockets;

            class Server
            {
                private TcpClient? _peer;

                public void Accept(TcpListener listener)
                {
                    _peer = [|listener.AcceptTcpClient()|];
                }
            }
            """,
            """
            namespace Chat
            {
                using System.Net.Sockets;

                class Client
                {
                    private TcpClient? _client;

                    public void Open(string host, int port)
                    {
                        var client = [|new TcpClient(host, port)|];
                        _client = client;
                    }
                }
            }
            """,
        ],
        [
            """
            using System.Net.Sockets;
            using KeepAlive;

            class Server
            {
                private TcpClient? _peer;

                public void Accept(TcpListener listener)
                {
                    _peer = listener.AcceptTcpClient();
                    TcpKeepAlive.Configure(_peer);
                }
            }
            """,
            """
            namespace Chat
            {
                using System.Net.Sockets;
                using KeepAlive;

                class Client
                {
                    private TcpClient? _client;

                    public void Open(string host, int port)
                    {
                        var client = new TcpClient(host, port);
                        TcpKeepAlive.Configure(client);
                        _client = client;
                    }
                }
            }
            """,
        ],
        WithRuntime);

    [Fact]
    public Task No_fix_without_the_KeepAlive_runtime() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """);

    [Fact]
    public Task Field_initializer_connected_in_a_method_is_configured_after_the_connect() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Feed
        {
            private readonly TcpClient _client = [|new()|];

            public void Start(string host)
            {
                _client.Connect(host, 5222);
                _client.GetStream().WriteByte(1);
            }

            public int Next() => _client.GetStream().ReadByte();
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Feed
        {
            private readonly TcpClient _client = new();

            public void Start(string host)
            {
                _client.Connect(host, 5222);
                TcpKeepAlive.Configure(_client);
                _client.GetStream().WriteByte(1);
            }

            public int Next() => _client.GetStream().ReadByte();
        }
        """, WithRuntime);

    [Fact]
    public Task Socket_field_initializer_connected_with_awaited_ConnectAsync() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Uplink
        {
            private readonly Socket _socket = [|new(SocketType.Stream, ProtocolType.Tcp)|];

            public async Task OpenAsync(string host)
            {
                try
                {
                    await _socket.ConnectAsync(host, 4000);
                }
                finally
                {
                    System.Console.WriteLine("connect attempted");
                }
            }

            public int Send(byte[] data) => _socket.Send(data);
        }
        """, """
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        class Uplink
        {
            private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp);

            public async Task OpenAsync(string host)
            {
                try
                {
                    await _socket.ConnectAsync(host, 4000);
                    TcpKeepAlive.Configure(_socket);
                }
                finally
                {
                    System.Console.WriteLine("connect attempted");
                }
            }

            public int Send(byte[] data) => _socket.Send(data);
        }
        """, WithRuntime);

    [Fact]
    public Task Stacked_usings_get_the_call_in_the_innermost_body() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Server
        {
            public void Serve(TcpListener listener)
            {
                using (var client = [|listener.AcceptTcpClient()|])
                using (var stream = client.GetStream())
                {
                    while (stream.ReadByte() >= 0)
                    {
                    }
                }
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            public void Serve(TcpListener listener)
            {
                using (var client = listener.AcceptTcpClient())
                using (var stream = client.GetStream())
                {
                    TcpKeepAlive.Configure(client);
                    while (stream.ReadByte() >= 0)
                    {
                    }
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Using_without_a_block_gets_one() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Server
        {
            public void Serve(TcpListener listener)
            {
                using (var client = [|listener.AcceptTcpClient()|])
                    Echo(client);
            }

            private static void Echo(TcpClient client)
            {
                var stream = client.GetStream();
                while (stream.ReadByte() >= 0)
                {
                }
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            public void Serve(TcpListener listener)
            {
                using (var client = listener.AcceptTcpClient())
                {
                    TcpKeepAlive.Configure(client);
                    Echo(client);
                }
            }

            private static void Echo(TcpClient client)
            {
                var stream = client.GetStream();
                while (stream.ReadByte() >= 0)
                {
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Async_lambda_that_produced_the_client_still_returns_it() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Server
        {
            private TcpClient? _client;

            public Task<TcpClient> AcceptInBackground(TcpListener listener) =>
                Task.Run(async () => _client = await [|listener.AcceptTcpClientAsync()|]);
        }
        """, """
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        class Server
        {
            private TcpClient? _client;

            public Task<TcpClient> AcceptInBackground(TcpListener listener) =>
                Task.Run(async () =>
                {
                    _client = await listener.AcceptTcpClientAsync();
                    TcpKeepAlive.Configure(_client);
                    return _client;
                });
        }
        """, WithRuntime);

    [Fact]
    public Task Expression_bodied_local_function_becomes_a_block() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Server
        {
            private Socket? _peer;

            public void Start(Socket listener)
            {
                AcceptOne();

                void AcceptOne() => _peer = [|listener.Accept()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private Socket? _peer;

            public void Start(Socket listener)
            {
                AcceptOne();

                void AcceptOne()
                {
                    _peer = listener.Accept();
                    TcpKeepAlive.Configure(_peer);
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Statement_in_a_switch_section() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _peer;

            public void Handle(int command, TcpListener listener)
            {
                switch (command)
                {
                    case 1:
                        _peer = [|listener.AcceptTcpClient()|];
                        break;
                }
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private TcpClient? _peer;

            public void Handle(int command, TcpListener listener)
            {
                switch (command)
                {
                    case 1:
                        _peer = listener.AcceptTcpClient();
                        TcpKeepAlive.Configure(_peer);
                        break;
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Statement_sharing_its_line_gets_the_call_on_that_line() => Verify.VerifyFixAsync("""
        using System.Collections.Generic;
        using System.Net.Sockets;

        class Server
        {
            private readonly List<Socket> _peers = new();

            public void Accept(Socket listener) { var peer = [|listener.Accept()|]; _peers.Add(peer); }
        }
        """, """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private readonly List<Socket> _peers = new();

            public void Accept(Socket listener) { var peer = listener.Accept(); TcpKeepAlive.Configure(peer); _peers.Add(peer); }
        }
        """, WithRuntime);

    [Fact]
    public Task Fix_is_selected_by_its_constant_equivalence_key() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime with { EquivalenceKey = "KA0001.ConfigureWithTcpKeepAlive" });

    [Fact]
    public Task Fix_all_wraps_and_inserts_in_one_edit() => Verify.VerifyFixAsync("""
        using System.Collections.Generic;
        using System.Net.Sockets;

        class Server
        {
            private readonly List<TcpClient> _clients = new();
            private TcpClient? _last;

            public void Accept(TcpListener listener)
            {
                _clients.Add([|listener.AcceptTcpClient()|]);
                _last = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private readonly List<TcpClient> _clients = new();
            private TcpClient? _last;

            public void Accept(TcpListener listener)
            {
                _clients.Add(TcpKeepAlive.Configured(listener.AcceptTcpClient()));
                _last = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_last);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Using_goes_after_global_usings_and_before_static_ones() => Verify.VerifyFixAsync("""
        global using System.Net.Sockets;
        using static System.Math;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        global using System.Net.Sockets;
        using KeepAlive;
        using static System.Math;

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Using_stays_outside_a_conditional_directive() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;
        #if !NO_HANDLES
        using Microsoft.Win32.SafeHandles;
        #endif

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = [|listener.AcceptTcpClient()|];
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;
        #if !NO_HANDLES
        using Microsoft.Win32.SafeHandles;
        #endif

        class Server
        {
            private TcpClient? _peer;

            public void Accept(TcpListener listener)
            {
                _peer = listener.AcceptTcpClient();
                TcpKeepAlive.Configure(_peer);
            }
        }
        """, WithRuntime);
}
