using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.CodeFixVerifier<
    KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection,
    KeepAliveAnalyzers.CodeFixes.KA0001NoDeadPeerDetectionCodeFix>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Shapes where no statement can follow the connect or accept, so the KA0001 fix wraps the expression that produces the
/// connection in <c>TcpKeepAlive.Configured(…)</c> (docs/rules/KA0001.md, "What the code fix does").
/// </summary>
public class KA0001NoDeadPeerDetectionCodeFixWrapTests
{
    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    [Fact]
    public Task Wraps_an_accept_stored_in_a_field_no_Configure_overload_takes() => Verify.VerifyFixAsync("""
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
        """, """
        using System;
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private IDisposable? _connection;

            public void Accept(TcpListener listener)
            {
                _connection = TcpKeepAlive.Configured(listener.AcceptTcpClient());
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_an_accept_assigned_in_a_using_header() => Verify.VerifyFixAsync("""
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
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            public void Serve(TcpListener listener)
            {
                TcpClient client;
                using (client = TcpKeepAlive.Configured(listener.AcceptTcpClient()))
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
    public Task Wraps_an_accept_stored_through_an_indexer() => Verify.VerifyFixAsync("""
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
        """, """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private readonly Dictionary<int, TcpClient> _clients = new();

            public void Accept(TcpListener listener, int id)
            {
                _clients[id] = TcpKeepAlive.Configured(listener.AcceptTcpClient());
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_accepts_assigned_in_a_for_header() => Verify.VerifyFixAsync("""
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
        """, """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private readonly List<TcpClient> _clients = new();

            public void Serve(TcpListener listener)
            {
                for (var client = TcpKeepAlive.Configured(listener.AcceptTcpClient()); _clients.Count < 100; client = TcpKeepAlive.Configured(listener.AcceptTcpClient()))
                {
                    _clients.Add(client);
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_creation_connected_inside_a_retry_loop() => Verify.VerifyFixAsync("""
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
        """, """
        using System.Net.Sockets;
        using System.Threading;
        using KeepAlive;

        class Client
        {
            private TcpClient? _client;

            public void Open(string host, int port)
            {
                var client = TcpKeepAlive.Configured(new TcpClient());
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
    public Task Wraps_a_creation_connected_through_another_variable() => Verify.VerifyFixAsync("""
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
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Client
        {
            private TcpClient? _client;

            public void Open(string host, int port)
            {
                var client = TcpKeepAlive.Configured(new TcpClient());
                var socket = client.Client;
                socket.Connect(host, port);
                _client = client;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_an_accept_in_an_expression_bodied_property() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Server
        {
            private readonly TcpListener _listener = new(System.Net.IPAddress.Any, 7000);
            private TcpClient? _peer;

            public TcpClient Next => _peer = [|_listener.AcceptTcpClient()|];
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private readonly TcpListener _listener = new(System.Net.IPAddress.Any, 7000);
            private TcpClient? _peer;

            public TcpClient Next => _peer = TcpKeepAlive.Configured(_listener.AcceptTcpClient());
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_an_accept_assigned_inside_a_condition() => Verify.VerifyFixAsync("""
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
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private TcpClient? _peer;

            public bool Accept(TcpListener listener)
            {
                if ((_peer = TcpKeepAlive.Configured(listener.AcceptTcpClient())) is null)
                {
                    return false;
                }

                return true;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_an_unconnected_client_created_in_an_expression_body() => Verify.VerifyFixAsync("""
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
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Connection
        {
            private TcpClient _client = null!;

            public void Reset() => _client = TcpKeepAlive.Configured(new TcpClient());

            public void Open(string host, int port)
            {
                _client.Connect(host, port);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_an_accept_stored_in_a_member_of_a_call_result() => Verify.VerifyFixAsync("""
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
        """, """
        using System.Net.Sockets;
        using KeepAlive;

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
                Current().Client = TcpKeepAlive.Configured(listener.AcceptTcpClient());
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_an_accept_assigned_inside_an_argument() => Verify.VerifyFixAsync("""
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
                _clients.Add(_last = TcpKeepAlive.Configured(listener.AcceptTcpClient()));
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_connection_returned_directly() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        public class Connector
        {
            public TcpClient Open(string host, int port) => [|new TcpClient(host, port)|];
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        public class Connector
        {
            public TcpClient Open(string host, int port) => TcpKeepAlive.Configured(new TcpClient(host, port));
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_field_initializer_connected_in_two_places() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Feed
        {
            private readonly TcpClient _client = [|new()|];

            public void Start(string host) => _client.Connect(host, 5222);

            public void StartBackup(string host)
            {
                _client.Connect(host, 5223);
            }

            public int Next() => _client.GetStream().ReadByte();
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Feed
        {
            private readonly TcpClient _client = TcpKeepAlive.Configured(new TcpClient());

            public void Start(string host) => _client.Connect(host, 5222);

            public void StartBackup(string host)
            {
                _client.Connect(host, 5223);
            }

            public int Next() => _client.GetStream().ReadByte();
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_creation_connected_inside_a_condition() => Verify.VerifyFixAsync("""
        using System;
        using System.Net.Sockets;

        class Client
        {
            private TcpClient? _client;

            public void Open(string host, int port)
            {
                var client = [|new TcpClient()|];
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

        class Client
        {
            private TcpClient? _client;

            public void Open(string host, int port)
            {
                var client = TcpKeepAlive.Configured(new TcpClient());
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

        class Client
        {
            private TcpClient? _client;

            public async Task OpenAsync(string host, int port)
            {
                var client = [|new TcpClient()|];
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

        class Client
        {
            private TcpClient? _client;

            public async Task OpenAsync(string host, int port)
            {
                var client = TcpKeepAlive.Configured(new TcpClient());
                var connecting = client.ConnectAsync(host, port);
                await Task.WhenAny(connecting, Task.Delay(TimeSpan.FromSeconds(5)));
                _client = client;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_connected_creation_in_a_field_initializer() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Connection
        {
            private readonly TcpClient _client = [|new TcpClient("example.org", 7)|];
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Connection
        {
            private readonly TcpClient _client = TcpKeepAlive.Configured(new TcpClient("example.org", 7));
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_connection_passed_straight_into_a_call() => Verify.VerifyFixAsync("""
        using System.Collections.Generic;
        using System.Net.Sockets;

        class Server
        {
            private readonly List<TcpClient> _clients = new();

            public void Accept(TcpListener listener)
            {
                _clients.Add([|listener.AcceptTcpClient()|]);
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using KeepAlive;

        class Server
        {
            private readonly List<TcpClient> _clients = new();

            public void Accept(TcpListener listener)
            {
                _clients.Add(TcpKeepAlive.Configured(listener.AcceptTcpClient()));
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_creation_connected_inside_a_lambda() => Verify.VerifyFixAsync("""
        using System;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Client
        {
            private TcpClient? _client;

            public async Task OpenAsync(string host, int port, Func<Func<Task>, Task> retry)
            {
                var client = [|new TcpClient()|];
                await retry(() => client.ConnectAsync(host, port));
                _client = client;
            }
        }
        """, """
        using System;
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        class Client
        {
            private TcpClient? _client;

            public async Task OpenAsync(string host, int port, Func<Func<Task>, Task> retry)
            {
                var client = TcpKeepAlive.Configured(new TcpClient());
                await retry(() => client.ConnectAsync(host, port));
                _client = client;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_connection_passed_into_a_constructor_initializer() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Connection
        {
            protected Connection(TcpClient client) => Client = client;

            public TcpClient Client { get; }
        }

        class EchoConnection : Connection
        {
            public EchoConnection(string host, int port) : base([|new TcpClient(host, port)|])
            {
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Connection
        {
            protected Connection(TcpClient client) => Client = client;

            public TcpClient Client { get; }
        }

        class EchoConnection : Connection
        {
            public EchoConnection(string host, int port) : base(TcpKeepAlive.Configured(new TcpClient(host, port)))
            {
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_field_initializer_when_a_parameter_hides_the_field_at_the_connect() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Feed
        {
            private readonly TcpClient _client = [|new()|];

            public void Start(string host, object _client)
            {
                this._client.Connect(host, 5222);
            }

            public int Next() => this._client.GetStream().ReadByte();
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Feed
        {
            private readonly TcpClient _client = TcpKeepAlive.Configured(new TcpClient());

            public void Start(string host, object _client)
            {
                this._client.Connect(host, 5222);
            }

            public int Next() => this._client.GetStream().ReadByte();
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_a_creation_connected_in_another_method() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Connection
        {
            private readonly TcpClient _client;

            public Connection()
            {
                _client = [|new TcpClient()|];
            }

            public void Open(string host, int port) => _client.Connect(host, port);
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Connection
        {
            private readonly TcpClient _client;

            public Connection()
            {
                _client = TcpKeepAlive.Configured(new TcpClient());
            }

            public void Open(string host, int port) => _client.Connect(host, port);
        }
        """, WithRuntime);

    [Fact]
    public Task Wraps_the_await_of_an_accept_passed_straight_into_a_call() => Verify.VerifyFixAsync("""
        using System.Collections.Generic;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Server
        {
            private readonly List<TcpClient> _clients = new();

            public async Task AcceptAsync(TcpListener listener)
            {
                _clients.Add(await [|listener.AcceptTcpClientAsync()|].ConfigureAwait(false));
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
                _clients.Add(TcpKeepAlive.Configured(await listener.AcceptTcpClientAsync().ConfigureAwait(false)));
            }
        }
        """, WithRuntime);

    [Fact]
    public Task Wrapped_call_takes_the_qualified_name_when_TcpKeepAlive_means_something_else() => Verify.VerifyFixAsync("""
        using System.Collections.Generic;
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
            private readonly List<Socket> _peers = new();

            public void Accept(Socket listener) => _peers.Add([|listener.Accept()|]);
        }
        """, """
        using System.Collections.Generic;
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
            private readonly List<Socket> _peers = new();

            public void Accept(Socket listener) => _peers.Add(KeepAlive.TcpKeepAlive.Configured(listener.Accept()));
        }
        """, WithRuntime);

    [Fact]
    public Task No_wrap_inside_an_expression_tree() => Verify.VerifyNoFixOfferedAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq.Expressions;
        using System.Net.Sockets;

        class Server
        {
            private readonly List<TcpClient> _clients = new();

            public Expression<Action<TcpListener>> Accept => listener => _clients.Add([|listener.AcceptTcpClient()|]);
        }
        """, WithRuntime);
}
