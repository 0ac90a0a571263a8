using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// A connection's life follows the program: a connection returned by a factory lives as its callers keep it (when all of
/// them are in the compilation), and one kept by a holder object lives as that holder.
/// </summary>
public class KA0001NoDeadPeerDetectionLifetimeTests
{
    // ---- Returned to callers in other types ----

    private const string FactoryCallerStoresIt = """
        using System.Net.Sockets;

        internal static class Connector
        {
            internal static TcpClient Open(string host, int port) => {|KA0001:new TcpClient(host, port)|};
        }

        internal sealed class Subscriber
        {
            private TcpClient? _client;

            public void Start(string host) => _client = Connector.Open(host, 7000);
        }
        """;

    [Fact]
    public Task A_factory_in_another_type_whose_caller_keeps_the_connection_in_a_field() => Verify.VerifyAsync(FactoryCallerStoresIt);

    private const string FactoryCallerUsesItOnce = """
        using System.Net.Sockets;

        internal static class Connector
        {
            internal static TcpClient Open(string host, int port) => new TcpClient(host, port);
        }

        internal sealed class TimeQuery
        {
            public int Ask(string host)
            {
                using var client = Connector.Open(host, 37);
                var buffer = new byte[4];
                return client.GetStream().Read(buffer, 0, 4);
            }
        }
        """;

    [Fact]
    public Task A_factory_in_another_type_whose_only_caller_uses_it_for_one_exchange() => Verify.VerifyAsync(FactoryCallerUsesItOnce);

    private const string FactoryCallerDisposesIt = """
        using System.Net.Sockets;

        internal sealed class Connector
        {
            public Socket Connect(string host, int port)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(host, port);
                return socket;
            }
        }

        internal sealed class Notifier
        {
            private readonly Connector _connector = new();

            public void Notify(string host, byte[] message)
            {
                var socket = _connector.Connect(host, 9000);
                try
                {
                    socket.Send(message);
                }
                finally
                {
                    socket.Dispose();
                }
            }
        }
        """;

    [Fact]
    public Task A_public_method_of_an_internal_type_whose_caller_sends_once_and_disposes() => Verify.VerifyAsync(FactoryCallerDisposesIt);

    private const string FactoryCallerListens = """
        using System.Net;
        using System.Net.Sockets;

        internal static class Sockets
        {
            internal static Socket NewTcp() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        }

        internal sealed class Acceptor
        {
            private readonly Socket _listener = Sockets.NewTcp();

            public void Start()
            {
                _listener.Bind(new IPEndPoint(IPAddress.Any, 8080));
                _listener.Listen(100);
            }
        }
        """;

    [Fact]
    public Task A_factory_in_another_type_whose_caller_makes_it_a_listener() => Verify.VerifyAsync(FactoryCallerListens);

    private const string FactoryThroughInternalInterface = """
        using System.IO;
        using System.Net.Sockets;

        internal interface IStreamOpener
        {
            Stream Open(string host, int port);
        }

        internal sealed class PlainOpener : IStreamOpener
        {
            public Stream Open(string host, int port) => new NetworkStream(new TcpClient(host, port).Client, ownsSocket: true);
        }

        internal sealed class Lookup
        {
            private readonly IStreamOpener _opener = new PlainOpener();

            public int Query(string host)
            {
                using var stream = _opener.Open(host, 43);
                stream.WriteByte(1);
                return stream.ReadByte();
            }
        }
        """;

    [Fact]
    public Task A_factory_reached_through_an_internal_interface_whose_caller_uses_it_once() => Verify.VerifyAsync(FactoryThroughInternalInterface);

    private const string PublicFactoryWithoutCallers = """
        using System.Net.Sockets;

        public static class Connector
        {
            public static TcpClient Open(string host, int port) => {|KA0001:new TcpClient(host, port)|};
        }

        internal sealed class Probe
        {
            public bool Ping(string host)
            {
                using var client = Connector.Open(host, 7);
                return client.Connected;
            }
        }
        """;

    [Fact]
    public Task A_public_factory_is_returned_to_callers_outside_the_compilation_even_when_one_in_source_uses_it_once() =>
        Verify.VerifyAsync(PublicFactoryWithoutCallers);

    private const string FactoryUsedAsDelegate = """
        using System;
        using System.Net.Sockets;

        internal static class Connector
        {
            internal static TcpClient Open(string host) => {|KA0001:new TcpClient(host, 7000)|};
        }

        internal sealed class Pool
        {
            private readonly Func<string, TcpClient> _factory = Connector.Open;

            public TcpClient Rent(string host) => _factory(host);
        }
        """;

    [Fact]
    public Task A_factory_handed_out_as_a_delegate_has_callers_the_analysis_cannot_see() => Verify.VerifyAsync(FactoryUsedAsDelegate);

    // ---- Kept by a holder object ----

    private const string SessionKeptInRegistry = """
        using System.Collections.Generic;
        using System.Net.Sockets;

        public sealed class Server
        {
            private readonly TcpListener _listener = new(System.Net.IPAddress.Any, 6000);
            private readonly List<Session> _sessions = new();

            public void AcceptOne()
            {
                var session = new Session({|KA0001:_listener.AcceptTcpClient()|});
                _sessions.Add(session);
            }
        }

        public sealed class Session
        {
            public Session(TcpClient client) => Client = client;

            public TcpClient Client { get; }
        }
        """;

    [Fact]
    public Task A_holder_kept_in_a_registry_keeps_its_connection() => Verify.VerifyAsync(SessionKeptInRegistry);

    private const string ExchangeHolderDisposed = """
        using System;
        using System.Net.Sockets;

        public sealed class Exchange : IDisposable
        {
            private readonly TcpClient _client;

            public Exchange(TcpClient client) => _client = client;

            public int Send(byte[] request)
            {
                var stream = _client.GetStream();
                stream.Write(request, 0, request.Length);
                return stream.ReadByte();
            }

            public void Dispose() => _client.Dispose();
        }

        public static class Client
        {
            public static int Call(string host, byte[] request)
            {
                var exchange = new Exchange(new TcpClient(host, 5000));
                try
                {
                    return exchange.Send(request);
                }
                finally
                {
                    exchange.Dispose();
                }
            }
        }
        """;

    [Fact]
    public Task A_per_request_holder_used_once_and_disposed() => Verify.VerifyAsync(ExchangeHolderDisposed);

    private const string UsingHolder = """
        using System;
        using System.IO;
        using System.Net.Sockets;

        internal sealed class Reply : IDisposable
        {
            public Reply(Socket socket) { Socket = socket; Reader = new StreamReader(new NetworkStream(socket)); }

            public Socket Socket { get; }

            public StreamReader Reader { get; }

            public void Dispose() => Socket.Dispose();
        }

        public static class Finger
        {
            public static string Ask(string host)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(host, 79);
                using var reply = new Reply(socket);
                return reply.Reader.ReadLine() ?? "";
            }
        }
        """;

    [Fact]
    public Task A_holder_that_is_a_using_resource() => Verify.VerifyAsync(UsingHolder);

    private const string HolderReturnedToOneShotCaller = """
        using System.Net.Sockets;

        internal sealed class Lease
        {
            public Lease(TcpClient client) => Client = client;

            public TcpClient Client { get; }
        }

        internal sealed class Leases
        {
            public Lease Take(string host) => new Lease(new TcpClient(host, 11211));
        }

        internal sealed class Cache
        {
            private readonly Leases _leases = new();

            public int Get(string host)
            {
                var lease = _leases.Take(host);
                using (lease.Client)
                {
                    return lease.Client.GetStream().ReadByte();
                }
            }
        }
        """;

    [Fact]
    public Task A_holder_returned_to_a_caller_that_uses_it_once() => Verify.VerifyAsync(HolderReturnedToOneShotCaller);

    private const string HolderWithReadLoop = """
        using System.Net.Sockets;
        using System.Threading;

        public sealed class Peer
        {
            private readonly TcpClient _client;

            public Peer(TcpClient client)
            {
                _client = client;
                new Thread(ReadLoop).Start();
            }

            private void ReadLoop()
            {
                var buffer = new byte[512];
                while (_client.GetStream().Read(buffer, 0, buffer.Length) > 0)
                {
                }
            }
        }

        public static class Dialer
        {
            public static void Dial(string host) => _ = new Peer({|KA0001:new TcpClient(host, 4000)|});
        }
        """;

    [Fact]
    public Task A_holder_whose_own_code_reads_its_connection_in_a_loop() => Verify.VerifyAsync(HolderWithReadLoop);

    private const string HolderStoredByCaller = """
        using System.Net.Sockets;

        public sealed class Link
        {
            public Link(Socket socket) => Socket = socket;

            public Socket Socket { get; }
        }

        public sealed class Node
        {
            private Link? _uplink;

            public void Join(string host)
            {
                var socket = {|KA0001:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                socket.Connect(host, 4100);
                _uplink = new Link(socket);
            }
        }
        """;

    [Fact]
    public Task A_holder_kept_in_a_field_keeps_its_connection() => Verify.VerifyAsync(HolderStoredByCaller);

    private const string HolderAsCallbackState = """
        using System;
        using System.Net.Sockets;

        public sealed class Receiver
        {
            private sealed class State
            {
                public State(Socket socket) => Socket = socket;

                public Socket Socket { get; }

                public byte[] Buffer { get; } = new byte[1024];
            }

            public void Start(Socket listener) => listener.BeginAccept(OnAccept, listener);

            private void OnAccept(IAsyncResult result)
            {
                var listener = (Socket)result.AsyncState!;
                var state = new State({|KA0001:listener.EndAccept(result)|});
                state.Socket.BeginReceive(state.Buffer, 0, state.Buffer.Length, SocketFlags.None, OnReceive, state);
            }

            private void OnReceive(IAsyncResult result)
            {
                var state = (State)result.AsyncState!;
                if (state.Socket.EndReceive(result) > 0)
                {
                    state.Socket.BeginReceive(state.Buffer, 0, state.Buffer.Length, SocketFlags.None, OnReceive, state);
                }
            }
        }
        """;

    [Fact]
    public Task A_holder_handed_to_an_asynchronous_read_as_its_state() => Verify.VerifyAsync(HolderAsCallbackState);

    private const string StreamFactoryAwaitUsing = """
        using System.IO;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        internal static class Streams
        {
            internal static async Task<Stream> OpenAsync(string host, int port)
            {
                var client = new TcpClient();
                await client.ConnectAsync(host, port);
                return client.GetStream();
            }
        }

        internal sealed class Uploader
        {
            public async Task PutAsync(string host, byte[] body)
            {
                await using var stream = await Streams.OpenAsync(host, 9100);
                await stream.WriteAsync(body);
            }
        }
        """;

    [Fact]
    public Task An_async_stream_factory_whose_caller_writes_once_with_await_using() => Verify.VerifyAsync(StreamFactoryAwaitUsing);

    private const string FactoryThroughTwoLevels = """
        using System.Net.Sockets;

        internal static class Raw
        {
            internal static TcpClient Dial(string host) => new TcpClient(host, 2000);
        }

        internal static class Dialer
        {
            internal static TcpClient DialPrimary(string host) => Raw.Dial(host);
        }

        internal sealed class Health
        {
            public bool Check(string host)
            {
                using (var client = Dialer.DialPrimary(host))
                {
                    return client.Connected;
                }
            }
        }
        """;

    [Fact]
    public Task A_factory_reached_through_two_internal_levels_whose_caller_uses_it_once() => Verify.VerifyAsync(FactoryThroughTwoLevels);

    private const string HolderInUsingStatement = """
        using System;
        using System.Net.Sockets;

        internal sealed class Transfer : IDisposable
        {
            private readonly Socket _socket;

            public Transfer(Socket socket) => _socket = socket;

            public void Push(byte[] data) => _socket.Send(data);

            public void Dispose() => _socket.Dispose();
        }

        public static class Sender
        {
            public static void Send(string host, byte[] data)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(host, 9000);
                using (var transfer = new Transfer(socket))
                {
                    transfer.Push(data);
                }
            }
        }
        """;

    [Fact]
    public Task A_holder_disposed_by_a_using_statement() => Verify.VerifyAsync(HolderInUsingStatement);

    private const string ConstructorOnlyReads = """
        using System.Net.Sockets;
        using System.Text;

        internal sealed class Banner
        {
            public Banner(TcpClient client)
            {
                var buffer = new byte[128];
                Text = Encoding.ASCII.GetString(buffer, 0, client.GetStream().Read(buffer, 0, buffer.Length));
            }

            public string Text { get; }
        }

        public static class Grabber
        {
            public static string Grab(string host)
            {
                var client = new TcpClient(host, 21);
                try
                {
                    return new Banner(client).Text;
                }
                finally
                {
                    client.Close();
                }
            }
        }
        """;

    [Fact]
    public Task A_constructor_that_only_reads_from_the_connection_does_not_keep_it() => Verify.VerifyAsync(ConstructorOnlyReads);

    private const string FactoryCallerShutsDown = """
        using System.Net.Sockets;

        internal sealed class Sockets
        {
            internal Socket Connected(string host, int port)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(host, port);
                return socket;
            }
        }

        internal sealed class Syslog
        {
            private readonly Sockets _sockets = new();

            public void Emit(string host, byte[] line)
            {
                var socket = _sockets.Connected(host, 601);
                socket.Send(line);
                socket.Shutdown(SocketShutdown.Both);
                socket.Close();
            }
        }
        """;

    [Fact]
    public Task A_factory_caller_that_sends_once_and_shuts_the_connection_down() => Verify.VerifyAsync(FactoryCallerShutsDown);

    private const string FactoryWithTwoReturns = """
        using System.Net.Sockets;

        internal static class Links
        {
            internal static Socket Open(string host, bool nagle)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(host, 9400);
                if (nagle)
                {
                    return socket;
                }

                socket.NoDelay = true;
                return socket;
            }
        }

        internal sealed class Pinger
        {
            public void Ping(string host)
            {
                using var socket = Links.Open(host, nagle: false);
                socket.Send(new byte[] { 1 });
            }
        }
        """;

    [Fact]
    public Task A_factory_that_returns_the_connection_from_two_places_to_a_one_shot_caller() => Verify.VerifyAsync(FactoryWithTwoReturns);
}
