using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Where the program itself bounds a connection's life: a factory no other assembly can call whose callers all use the
/// connection once, a holder object used per request, a callback that only tears the connection down, a pool that keeps
/// a connection only while it is younger than a bound, and a replacement in one branch that does not hide the later uses.
/// Nothing in these is reported; the few near-twins that keep the connection are.
/// </summary>
public class KA0001NoDeadPeerDetectionLifetimeBoundsTests
{
    // ---- A factory no other assembly can call, judged by all its callers ----

    private const string DialerInItsOwnFile = """
        using System.Net.Sockets;

        namespace Ops.Net;

        internal static class Dialer
        {
            internal static TcpClient Connect(string host, int port)
            {
                var client = new TcpClient { NoDelay = true };
                client.Connect(host, port);
                return client;
            }
        }
        """;

    private const string DialerCallersWithUsingDeclarationAndStatement = """
        using System.IO;
        using System.Net.Sockets;

        namespace Ops.Net;

        internal sealed class DaytimeClient
        {
            public string Now(string host)
            {
                using var client = Dialer.Connect(host, 13);
                using var reader = new StreamReader(client.GetStream());
                return reader.ReadLine() ?? "";
            }
        }

        internal sealed class QuoteClient
        {
            public string Quote(string host)
            {
                using (var client = Dialer.Connect(host, 17))
                {
                    return new StreamReader(client.GetStream()).ReadToEnd();
                }
            }
        }
        """;

    [Fact]
    public Task An_internal_factory_in_another_file_whose_callers_use_a_using_declaration_and_a_using_statement() =>
        Verify.VerifyAsync([DialerInItsOwnFile, DialerCallersWithUsingDeclarationAndStatement]);

    private const string DialerCallerClosesInFinally = """
        using System.Net.Sockets;
        using System.Text;

        namespace Ops.Net;

        internal sealed class SyslogForwarder
        {
            public void Forward(string host, string line)
            {
                var client = Dialer.Connect(host, 601);
                try
                {
                    var bytes = Encoding.UTF8.GetBytes(line + "\n");
                    client.GetStream().Write(bytes, 0, bytes.Length);
                }
                finally
                {
                    client.Close();
                }
            }
        }
        """;

    [Fact]
    public Task An_internal_factory_in_another_file_whose_caller_closes_it_in_a_finally() =>
        Verify.VerifyAsync([DialerInItsOwnFile, DialerCallerClosesInFinally]);

    private const string SocketFactoryWrappedInAwaitUsingStream = """
        using System.Net.Sockets;
        using System.Threading.Tasks;

        internal static class RawSockets
        {
            public static Socket Connect(string host, int port)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(host, port);
                return socket;
            }
        }

        internal sealed class Uploader
        {
            public async Task UploadAsync(string host, byte[] payload)
            {
                await using var stream = new NetworkStream(RawSockets.Connect(host, 9100), ownsSocket: true);
                await stream.WriteAsync(payload);
                await stream.FlushAsync();
            }
        }
        """;

    [Fact]
    public Task A_public_factory_of_an_internal_type_whose_caller_wraps_it_in_an_await_using_stream_that_owns_it() =>
        Verify.VerifyAsync(SocketFactoryWrappedInAwaitUsingStream);

    private const string FactoryHandedToOneShotHelper = """
        using System.IO;
        using System.Net.Sockets;

        internal static class Connector
        {
            internal static TcpClient Open(string host, int port) => new TcpClient(host, port);
        }

        internal sealed class FtpBanner
        {
            public string Read(string host) => ReadBanner(Connector.Open(host, 21));

            private static string ReadBanner(TcpClient client)
            {
                using (client)
                {
                    return new StreamReader(client.GetStream()).ReadLine() ?? "";
                }
            }
        }
        """;

    [Fact]
    public Task An_internal_factory_whose_caller_hands_it_to_a_helper_that_reads_once_and_disposes() =>
        Verify.VerifyAsync(FactoryHandedToOneShotHelper);

    private const string PrivateNestedFactory = """
        using System.Net.Sockets;

        public sealed class EchoCheck
        {
            private static class Wire
            {
                public static TcpClient Open(string host) => new TcpClient(host, 7);
            }

            public bool Echoes(string host)
            {
                using var client = Wire.Open(host);
                var stream = client.GetStream();
                stream.WriteByte(42);
                return stream.ReadByte() == 42;
            }
        }
        """;

    [Fact]
    public Task A_public_factory_of_a_private_nested_type_inside_a_public_type_whose_caller_uses_it_once() =>
        Verify.VerifyAsync(PrivateNestedFactory);

    private const string InternalExtensionFactory = """
        using System.Net;
        using System.Net.Sockets;

        internal static class EndPointExtensions
        {
            internal static Socket ConnectTcp(this IPEndPoint endPoint)
            {
                var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(endPoint);
                return socket;
            }
        }

        internal sealed class Heartbeat
        {
            public void Send(IPEndPoint monitor)
            {
                using var socket = monitor.ConnectTcp();
                socket.Send(new byte[] { 0x48, 0x42 });
            }
        }
        """;

    [Fact]
    public Task An_internal_extension_method_factory_whose_caller_uses_it_once() => Verify.VerifyAsync(InternalExtensionFactory);

    private const string TwoImplementationsOfAnInternalInterface = """
        using System.IO;
        using System.Net.Sockets;

        internal interface ITransport
        {
            TcpClient Connect(string host);
        }

        internal sealed class DirectTransport : ITransport
        {
            public TcpClient Connect(string host) => new TcpClient(host, 1883);
        }

        internal sealed class AlternatePortTransport : ITransport
        {
            public TcpClient Connect(string host)
            {
                var client = new TcpClient();
                client.Connect(host, 8883);
                return client;
            }
        }

        internal sealed class Publisher
        {
            private readonly ITransport _transport;

            public Publisher(bool alternate) => _transport = alternate ? new AlternatePortTransport() : new DirectTransport();

            public void PublishOnce(string host, byte[] packet)
            {
                var client = _transport.Connect(host);
                try
                {
                    client.GetStream().Write(packet, 0, packet.Length);
                }
                finally
                {
                    client.Dispose();
                }
            }
        }
        """;

    [Fact]
    public Task Two_implementations_of_an_internal_interface_whose_one_caller_writes_once_and_disposes() =>
        Verify.VerifyAsync(TwoImplementationsOfAnInternalInterface);

    private const string AsyncInternalFactory = """
        using System.Net.Sockets;
        using System.Threading.Tasks;

        internal static class AsyncDialer
        {
            internal static async Task<TcpClient> ConnectAsync(string host, int port)
            {
                var client = new TcpClient();
                await client.ConnectAsync(host, port);
                return client;
            }
        }

        internal sealed class RedisPing
        {
            public async Task<bool> PingAsync(string host)
            {
                using var client = await AsyncDialer.ConnectAsync(host, 6379);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var reply = new byte[7];
                return await stream.ReadAsync(reply) > 0;
            }
        }
        """;

    [Fact]
    public Task An_async_internal_factory_whose_caller_awaits_it_into_a_using() => Verify.VerifyAsync(AsyncInternalFactory);

    private const string InternalFactoryIntoPerRequestHolder = """
        using System;
        using System.IO;
        using System.Net.Sockets;

        internal static class Connector
        {
            internal static TcpClient Open(string host) => new TcpClient(host, 25);
        }

        internal sealed class SmtpSession : IDisposable
        {
            private readonly TcpClient _client;
            private readonly StreamWriter _writer;

            public SmtpSession(TcpClient client)
            {
                _client = client;
                _writer = new StreamWriter(client.GetStream()) { AutoFlush = true };
            }

            public void Quit() => _writer.WriteLine("QUIT");

            public void Dispose() => _client.Dispose();
        }

        internal sealed class MailCheck
        {
            public void Probe(string host)
            {
                using (var session = new SmtpSession(Connector.Open(host)))
                {
                    session.Quit();
                }
            }
        }
        """;

    [Fact]
    public Task An_internal_factory_whose_caller_puts_it_in_a_holder_that_a_using_statement_disposes() =>
        Verify.VerifyAsync(InternalFactoryIntoPerRequestHolder);

    // ---- A holder object used per request ----

    private const string RecordHolder = """
        using System;
        using System.IO;
        using System.Net.Sockets;

        internal sealed record Request : IDisposable
        {
            public Request(TcpClient client, string path)
            {
                Client = client;
                Path = path;
            }

            public TcpClient Client { get; }

            public string Path { get; }

            public void Dispose() => Client.Dispose();
        }

        public static class Gopher
        {
            public static string Fetch(string host, string path)
            {
                using var request = new Request(new TcpClient(host, 70), path);
                var stream = request.Client.GetStream();
                var writer = new StreamWriter(stream) { AutoFlush = true };
                writer.Write(request.Path + "\r\n");
                return new StreamReader(stream).ReadToEnd();
            }
        }
        """;

    [Fact]
    public Task A_record_holder_that_is_a_using_resource() => Verify.VerifyAsync(RecordHolder);

    private const string StructHolder = """
        using System;
        using System.Net.Sockets;

        internal readonly struct Frame : IDisposable
        {
            private readonly Socket _socket;

            public Frame(Socket socket) => _socket = socket;

            public int Exchange(byte[] request, byte[] reply)
            {
                _socket.Send(request);
                return _socket.Receive(reply);
            }

            public void Dispose() => _socket.Dispose();
        }

        public static class Modbus
        {
            public static int ReadRegisters(string host, byte[] request, byte[] reply)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(host, 502);
                using var frame = new Frame(socket);
                return frame.Exchange(request, reply);
            }
        }
        """;

    [Fact]
    public Task A_struct_holder_that_is_a_using_resource() => Verify.VerifyAsync(StructHolder);

    private const string HolderThroughTwoInternalLevels = """
        using System;
        using System.Net.Sockets;

        internal sealed class Channel : IDisposable
        {
            public Channel(TcpClient client) => Client = client;

            public TcpClient Client { get; }

            public int Call(byte code)
            {
                var stream = Client.GetStream();
                stream.WriteByte(code);
                return stream.ReadByte();
            }

            public void Dispose() => Client.Dispose();
        }

        internal static class Channels
        {
            internal static Channel Open(string host) => new Channel(new TcpClient(host, 4730));
        }

        internal sealed class Gateway
        {
            public Channel Open(string host) => Channels.Open(host);
        }

        internal sealed class StatusCommand
        {
            private readonly Gateway _gateway = new();

            public int Run(string host)
            {
                using var channel = _gateway.Open(host);
                return channel.Call(0x01);
            }
        }
        """;

    [Fact]
    public Task A_holder_returned_through_two_internal_methods_to_a_using_caller() => Verify.VerifyAsync(HolderThroughTwoInternalLevels);

    private const string HolderInsideHolder = """
        using System;
        using System.Net.Sockets;

        internal sealed class Lease
        {
            public Lease(Socket socket) => Socket = socket;

            public Socket Socket { get; }
        }

        internal sealed class Envelope : IDisposable
        {
            private readonly Lease _lease;

            public Envelope(Lease lease) => _lease = lease;

            public void Deliver(byte[] body) => _lease.Socket.Send(body);

            public void Dispose() => _lease.Socket.Dispose();
        }

        public static class Courier
        {
            public static void Deliver(string host, byte[] body)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(host, 2525);
                using var envelope = new Envelope(new Lease(socket));
                envelope.Deliver(body);
            }
        }
        """;

    [Fact]
    public Task A_holder_kept_by_another_holder_that_is_a_using_resource() => Verify.VerifyAsync(HolderInsideHolder);

    private const string HolderPerHostInALoop = """
        using System;
        using System.Collections.Generic;
        using System.Net.Sockets;

        internal sealed class Probe : IDisposable
        {
            private readonly TcpClient _client;

            public Probe(TcpClient client) => _client = client;

            public bool Echo()
            {
                var stream = _client.GetStream();
                stream.WriteByte(7);
                return stream.ReadByte() == 7;
            }

            public void Dispose() => _client.Dispose();
        }

        public static class Sweep
        {
            public static List<string> Alive(IEnumerable<string> hosts)
            {
                var alive = new List<string>();
                foreach (var host in hosts)
                {
                    using var probe = new Probe(new TcpClient(host, 7));
                    if (probe.Echo())
                    {
                        alive.Add(host);
                    }
                }

                return alive;
            }
        }
        """;

    [Fact]
    public Task A_holder_created_and_disposed_once_per_host_in_a_loop() => Verify.VerifyAsync(HolderPerHostInALoop);

    // ---- A callback that only tears the connection down ----

    private const string RegisterDisposes = """
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public static class Ident
        {
            public static async Task<int> AskAsync(string host, CancellationToken cancellationToken)
            {
                var client = new TcpClient();
                using var registration = cancellationToken.Register(() => client.Dispose());
                try
                {
                    await client.ConnectAsync(host, 113);
                    var stream = client.GetStream();
                    await stream.WriteAsync(new byte[] { 0x31, 0x0D, 0x0A });
                    return await stream.ReadAsync(new byte[128]);
                }
                finally
                {
                    client.Dispose();
                }
            }
        }
        """;

    [Fact]
    public Task A_cancellation_registration_that_disposes_the_client() => Verify.VerifyAsync(RegisterDisposes);

    private const string TimerConditionalDispose = """
        using System.Net.Sockets;
        using System.Threading;

        public static class Banner
        {
            public static int Read(string host, byte[] buffer)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                using var watchdog = new Timer(_ => socket?.Dispose(), null, 5000, Timeout.Infinite);
                try
                {
                    socket.Connect(host, 22);
                    return socket.Receive(buffer);
                }
                finally
                {
                    socket.Dispose();
                }
            }
        }
        """;

    [Fact]
    public Task A_watchdog_timer_whose_callback_disposes_the_socket_through_a_null_conditional() => Verify.VerifyAsync(TimerConditionalDispose);

    private const string RegisterNullCheckThenClose = """
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class LineReader
        {
            public async Task<string> ReadLineAsync(string host, int port, CancellationToken cancellationToken)
            {
                TcpClient? client = new TcpClient();
                using var registration = cancellationToken.Register(() =>
                {
                    if (client != null)
                    {
                        client.Close();
                    }
                });
                using (client)
                {
                    await client.ConnectAsync(host, port);
                    return await new System.IO.StreamReader(client.GetStream()).ReadLineAsync() ?? "";
                }
            }
        }
        """;

    [Fact]
    public Task A_cancellation_registration_that_checks_the_client_for_null_and_closes_it() => Verify.VerifyAsync(RegisterNullCheckThenClose);

    private const string RegisterPatternCheckThenShutdown = """
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public static class Whois
        {
            public static async Task<int> QueryAsync(string server, byte[] query, byte[] reply, CancellationToken cancellationToken)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(10_000);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await using var _ = timeout.Token.Register(() =>
                {
                    if (socket is not null)
                    {
                        socket.Shutdown(SocketShutdown.Both);
                    }
                });
                try
                {
                    await socket.ConnectAsync(server, 43);
                    await socket.SendAsync(query, SocketFlags.None);
                    return await socket.ReceiveAsync(reply, SocketFlags.None);
                }
                finally
                {
                    socket.Close();
                }
            }
        }
        """;

    [Fact]
    public Task A_timeout_registration_that_pattern_checks_the_socket_and_shuts_it_down() => Verify.VerifyAsync(RegisterPatternCheckThenShutdown);

    private const string InternalFactoryWithTeardownRegistration = """
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        internal static class Connect
        {
            internal static async Task<TcpClient> WithTimeoutAsync(string host, int port, int milliseconds)
            {
                var client = new TcpClient();
                using var timeout = new CancellationTokenSource(milliseconds);
                using (timeout.Token.Register(() => client.Dispose()))
                {
                    await client.ConnectAsync(host, port);
                }

                return client;
            }
        }

        internal sealed class Finger
        {
            public async Task<string> AskAsync(string host, string user)
            {
                using var client = await Connect.WithTimeoutAsync(host, 79, 3000);
                var stream = client.GetStream();
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(user + "\r\n"));
                return await new System.IO.StreamReader(stream).ReadToEndAsync();
            }
        }
        """;

    [Fact]
    public Task An_internal_connect_with_timeout_helper_whose_registration_disposes_and_whose_caller_uses_it_once() =>
        Verify.VerifyAsync(InternalFactoryWithTeardownRegistration);

    // ---- A pool that keeps a connection only while it is younger than a bound ----

    private const string PoolWithTickCountAge = """
        using System;
        using System.Collections.Concurrent;
        using System.Net.Sockets;

        internal sealed class Pooled
        {
            public Pooled(TcpClient client)
            {
                Client = client;
                Born = Environment.TickCount64;
            }

            public TcpClient Client { get; }

            public long Born { get; }
        }

        internal sealed class ConnectionPool
        {
            private const long MaxAgeMs = 30_000;
            private readonly ConcurrentQueue<Pooled> _idle = new();
            private readonly string _host;

            public ConnectionPool(string host) => _host = host;

            public Pooled Rent() => _idle.TryDequeue(out var pooled) ? pooled : new Pooled(new TcpClient(_host, 11211));

            public void Return(Pooled pooled)
            {
                if (Environment.TickCount64 - pooled.Born < MaxAgeMs)
                {
                    _idle.Enqueue(pooled);
                }
                else
                {
                    pooled.Client.Dispose();
                }
            }
        }

        internal sealed class MemcacheClient
        {
            private readonly ConnectionPool _pool = new("cache.local");

            public int Version()
            {
                var pooled = _pool.Rent();
                try
                {
                    var stream = pooled.Client.GetStream();
                    stream.Write("version\r\n"u8);
                    return stream.ReadByte();
                }
                finally
                {
                    _pool.Return(pooled);
                }
            }
        }
        """;

    [Fact]
    public Task A_pool_that_enqueues_a_connection_only_while_tick_count_says_it_is_young_and_disposes_it_otherwise() =>
        Verify.VerifyAsync(PoolWithTickCountAge);

    private const string PoolWithStopwatchAge = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Net.Sockets;

        internal sealed class IdleSocket
        {
            public IdleSocket(Socket socket) => Socket = socket;

            public Socket Socket { get; }

            public Stopwatch Since { get; } = Stopwatch.StartNew();
        }

        internal sealed class SocketStack
        {
            private static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(15);
            private readonly Stack<IdleSocket> _idle = new();

            public IdleSocket Take(string host)
            {
                if (_idle.Count > 0)
                {
                    return _idle.Pop();
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(host, 5432);
                return new IdleSocket(socket);
            }

            public void Give(IdleSocket idle)
            {
                if (idle.Since.Elapsed < MaxIdle)
                {
                    idle.Since.Restart();
                    _idle.Push(idle);
                    return;
                }

                idle.Socket.Dispose();
            }
        }

        internal sealed class Query
        {
            private readonly SocketStack _sockets = new();

            public int Run(string host, byte[] message, byte[] reply)
            {
                var idle = _sockets.Take(host);
                try
                {
                    idle.Socket.Send(message);
                    return idle.Socket.Receive(reply);
                }
                finally
                {
                    _sockets.Give(idle);
                }
            }
        }
        """;

    [Fact]
    public Task A_pool_that_pushes_a_socket_back_only_while_a_stopwatch_says_it_is_young() => Verify.VerifyAsync(PoolWithStopwatchAge);

    private const string PoolWithUtcNowAge = """
        using System;
        using System.Collections.Generic;
        using System.Net.Sockets;

        internal sealed class Lease
        {
            public Lease(TcpClient client) => Client = client;

            public TcpClient Client { get; }

            public DateTime Opened { get; } = DateTime.UtcNow;
        }

        internal sealed class LeasePool
        {
            private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
            private readonly List<Lease> _idle = new();
            private readonly object _gate = new();

            public Lease Acquire(string host, int port)
            {
                lock (_gate)
                {
                    if (_idle.Count > 0)
                    {
                        var last = _idle[^1];
                        _idle.RemoveAt(_idle.Count - 1);
                        return last;
                    }
                }

                return new Lease(new TcpClient(host, port));
            }

            public void Release(Lease lease)
            {
                lock (_gate)
                {
                    if (DateTime.UtcNow - lease.Opened < MaxAge)
                    {
                        _idle.Add(lease);
                        return;
                    }
                }

                lease.Client.Close();
            }
        }

        internal sealed class Telemetry
        {
            private readonly LeasePool _pool = new();

            public void Send(string host, byte[] sample)
            {
                var lease = _pool.Acquire(host, 2003);
                try
                {
                    lease.Client.GetStream().Write(sample, 0, sample.Length);
                }
                finally
                {
                    _pool.Release(lease);
                }
            }
        }
        """;

    [Fact]
    public Task A_pool_that_adds_a_connection_back_only_while_utc_now_says_it_is_young_and_closes_it_otherwise() =>
        Verify.VerifyAsync(PoolWithUtcNowAge);

    private const string PoolWithCountAndTickCount = """
        using System;
        using System.Collections.Concurrent;
        using System.Net.Sockets;

        internal sealed class Conn
        {
            public Conn(Socket socket)
            {
                Socket = socket;
                Since = Environment.TickCount;
            }

            public Socket Socket { get; }

            public int Since { get; }
        }

        internal sealed class Conns
        {
            private readonly ConcurrentBag<Conn> _idle = new();

            public Conn Get(string host)
            {
                if (_idle.TryTake(out var conn))
                {
                    return conn;
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(host, 3306);
                return new Conn(socket);
            }

            public void Put(Conn conn)
            {
                if (_idle.Count < 16 && unchecked(Environment.TickCount - conn.Since) < 20_000)
                    _idle.Add(conn);
                else
                    conn.Socket.Dispose();
            }
        }

        internal sealed class Pinger
        {
            private readonly Conns _conns = new();

            public int Ping(string host, byte[] reply)
            {
                var conn = _conns.Get(host);
                try
                {
                    conn.Socket.Send(new byte[] { 0x0E });
                    return conn.Socket.Receive(reply);
                }
                finally
                {
                    _conns.Put(conn);
                }
            }
        }
        """;

    [Fact]
    public Task A_pool_whose_add_is_under_a_size_and_tick_count_condition() => Verify.VerifyAsync(PoolWithCountAndTickCount);

    // ---- A later assignment in one branch does not hide the uses after it ----

    private const string FallbackInBranchThenUsing = """
        using System.Net.Sockets;

        public static class Resolver
        {
            public static int Ask(string primary, string backup, bool usePrimary, byte[] query, byte[] reply)
            {
                var client = new TcpClient(primary, 53);
                if (!usePrimary)
                {
                    client.Dispose();
                    client = new TcpClient(backup, 53);
                }

                using (client)
                {
                    var stream = client.GetStream();
                    stream.Write(query, 0, query.Length);
                    return stream.Read(reply, 0, reply.Length);
                }
            }
        }
        """;

    [Fact]
    public Task A_fallback_connection_made_in_one_branch_and_both_disposed_by_the_using_after_it() => Verify.VerifyAsync(FallbackInBranchThenUsing);

    private const string ClearedInOneBranchThenDisposed = """
        using System.Net.Sockets;

        public static class Handshake
        {
            public static bool Greet(string host, byte[] hello)
            {
                TcpClient? client = new TcpClient(host, 6000);
                var stream = client.GetStream();
                if (stream.ReadByte() != 0x06)
                {
                    client.Dispose();
                    client = null;
                }

                if (client is null)
                {
                    return false;
                }

                try
                {
                    stream.Write(hello, 0, hello.Length);
                    return stream.ReadByte() == 0x06;
                }
                finally
                {
                    client.Dispose();
                }
            }
        }
        """;

    [Fact]
    public Task A_connection_cleared_in_one_branch_and_disposed_in_a_finally_after_it() => Verify.VerifyAsync(ClearedInOneBranchThenDisposed);

    // ---- Near-twins that keep the connection ----

    private const string PoolWithoutClock = """
        using System.Collections.Concurrent;
        using System.Net.Sockets;

        internal sealed class Pooled
        {
            public Pooled(TcpClient client) => Client = client;

            public TcpClient Client { get; }
        }

        internal sealed class ConnectionPool
        {
            private readonly ConcurrentQueue<Pooled> _idle = new();
            private readonly string _host;

            public ConnectionPool(string host) => _host = host;

            public Pooled Rent() => _idle.TryDequeue(out var pooled) ? pooled : new Pooled({|KA0001:new TcpClient(_host, 11211)|});

            public void Return(Pooled pooled)
            {
                if (_idle.Count < 8)
                {
                    _idle.Enqueue(pooled);
                }
                else
                {
                    pooled.Client.Dispose();
                }
            }
        }

        internal sealed class MemcacheClient
        {
            private readonly ConnectionPool _pool = new("cache.local");

            public int Version()
            {
                var pooled = _pool.Rent();
                try
                {
                    var stream = pooled.Client.GetStream();
                    stream.Write("version\r\n"u8);
                    return stream.ReadByte();
                }
                finally
                {
                    _pool.Return(pooled);
                }
            }
        }
        """;

    [Fact]
    public Task A_pool_that_enqueues_a_connection_under_a_size_check_only_keeps_it() => Verify.VerifyAsync(PoolWithoutClock);

    private const string RegisterWritesACancelFrame = """
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public static class Query
        {
            public static async Task<int> RunAsync(string host, byte[] request, byte[] reply, CancellationToken cancellationToken)
            {
                var client = {|KA0001:new TcpClient()|};
                using var registration = cancellationToken.Register(() => client.GetStream().Write(new byte[] { 0x18 }, 0, 1));
                try
                {
                    await client.ConnectAsync(host, 5433);
                    var stream = client.GetStream();
                    await stream.WriteAsync(request);
                    return await stream.ReadAsync(reply);
                }
                finally
                {
                    client.Dispose();
                }
            }
        }
        """;

    [Fact]
    public Task A_cancellation_registration_that_writes_to_the_connection_is_a_capture() => Verify.VerifyAsync(RegisterWritesACancelFrame);

    private const string OneOfTwoCallersStores = """
        using System.Net.Sockets;

        internal static class Connector
        {
            internal static TcpClient Open(string host, int port) => {|KA0001:new TcpClient(host, port)|};
        }

        internal sealed class Probe
        {
            public bool Ping(string host)
            {
                using var client = Connector.Open(host, 7);
                return client.Connected;
            }
        }

        internal sealed class Feed
        {
            private TcpClient? _client;

            public void Subscribe(string host) => _client = Connector.Open(host, 7001);

            public int Next() => _client!.GetStream().ReadByte();
        }
        """;

    [Fact]
    public Task An_internal_factory_one_of_whose_two_callers_keeps_it_in_a_field() => Verify.VerifyAsync(OneOfTwoCallersStores);

    private const string FallbackInBranchThenField = """
        using System.Net.Sockets;

        public sealed class Uplink
        {
            private TcpClient? _client;

            public void Connect(string primary, string backup, bool fallback)
            {
                var client = {|KA0001:new TcpClient(primary, 6514)|};
                if (fallback)
                {
                    client = {|KA0001:new TcpClient(backup, 6514)|};
                }

                _client = client;
            }

            public void Send(byte[] line) => _client!.GetStream().Write(line, 0, line.Length);
        }
        """;

    [Fact]
    public Task A_replacement_in_one_branch_leaves_both_connections_reaching_the_field() => Verify.VerifyAsync(FallbackInBranchThenField);

    private const string HolderInStaticField = """
        using System;
        using System.Net.Sockets;

        internal sealed class Channel : IDisposable
        {
            public Channel(TcpClient client) => Client = client;

            public TcpClient Client { get; }

            public void Dispose() => Client.Dispose();
        }

        public static class Metrics
        {
            private static Channel? s_channel;

            public static void Start(string host) => s_channel = new Channel({|KA0001:new TcpClient(host, 8125)|});

            public static void Send(byte[] line) => s_channel!.Client.GetStream().Write(line, 0, line.Length);
        }
        """;

    [Fact]
    public Task A_holder_kept_in_a_static_field_keeps_its_connection() => Verify.VerifyAsync(HolderInStaticField);

    private const string CreatedInEitherBranchThenField = """
        using System.Net.Sockets;

        public sealed class MailLink
        {
            private TcpClient? _client;

            public void Open(string host, bool secure)
            {
                TcpClient client;
                if (secure)
                {
                    client = {|KA0001:new TcpClient(host, 993)|};
                }
                else
                {
                    client = {|KA0001:new TcpClient(host, 143)|};
                }

                _client = client;
            }
        }
        """;

    [Fact]
    public Task A_connection_created_in_either_branch_reaches_the_field_from_both() => Verify.VerifyAsync(CreatedInEitherBranchThenField);

    private const string RegisterWithStateTeardown = """
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public static class Ident
        {
            public static async Task<int> AskAsync(string host, CancellationToken cancellationToken)
            {
                var client = new TcpClient();
                using var registration = cancellationToken.Register(static state => ((TcpClient)state!).Dispose(), client);
                try
                {
                    await client.ConnectAsync(host, 113);
                    return await client.GetStream().ReadAsync(new byte[128]);
                }
                finally
                {
                    client.Dispose();
                }
            }
        }
        """;

    [Fact]
    public Task A_cancellation_registration_that_gets_the_connection_as_its_state_to_dispose_it() => Verify.VerifyAsync(RegisterWithStateTeardown);

    private const string TeardownThroughAlias = """
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public static class Daytime
        {
            public static async Task<int> AskAsync(string host, CancellationToken cancellationToken)
            {
                var client = new TcpClient();
                using var registration = cancellationToken.Register(() => client.Client.Close());
                try
                {
                    await client.ConnectAsync(host, 13);
                    return await client.GetStream().ReadAsync(new byte[64]);
                }
                finally
                {
                    client.Dispose();
                }
            }
        }
        """;

    [Fact]
    public Task A_cancellation_callback_that_closes_the_connection_through_its_socket() => Verify.VerifyAsync(TeardownThroughAlias);
}
