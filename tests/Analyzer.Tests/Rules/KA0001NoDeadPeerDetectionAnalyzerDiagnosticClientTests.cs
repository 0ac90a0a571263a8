using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetectionAnalyzer>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>Long-lived TCP connections with no dead-peer detection: reported on the creation or accept expression.</summary>
public class KA0001NoDeadPeerDetectionAnalyzerDiagnosticTests
{
    private const string AcceptLoopHandingClientsToTaskRun = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class EchoServer
        {
            private readonly TcpListener _listener = new(IPAddress.Any, 7000);

            public async Task RunAsync(CancellationToken cancellationToken)
            {
                _listener.Start();
                while (!cancellationToken.IsCancellationRequested)
                {
                    var client = await [|_listener.AcceptTcpClientAsync(cancellationToken)|];
                    _ = Task.Run(() => EchoAsync(client, cancellationToken), cancellationToken);
                }
            }

            private static async Task EchoAsync(TcpClient client, CancellationToken cancellationToken)
            {
                using (client)
                {
                    var stream = client.GetStream();
                    var buffer = new byte[4096];
                    int read;
                    while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }
                }
            }
        }
        """;

    [Fact]
    public Task Accept_loop_handing_each_client_to_Task_Run() =>
        Verify.VerifyAsync(AcceptLoopHandingClientsToTaskRun, new() { ExpectedMessages = ["TCP connection 'client' is long-lived but has no dead-peer detection; configure keepalive and a user timeout (TcpKeepAlive.Configure)"] });

    private const string AcceptedSocketOwnedByHandlerClass = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;

        namespace Chat.Server;

        public sealed class ChatServer
        {
            private readonly List<ClientSession> _sessions = new();
            private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

            public void Run(int port)
            {
                _listener.Bind(new IPEndPoint(IPAddress.Any, port));
                _listener.Listen(backlog: 64);
                while (true)
                {
                    Socket socket = [|_listener.Accept()|];
                    var session = new ClientSession(socket, this);
                    lock (_sessions) _sessions.Add(session);
                    session.Start();
                }
            }

            internal void Broadcast(byte[] message)
            {
                lock (_sessions)
                {
                    foreach (var session in _sessions) session.Send(message);
                }
            }
        }

        public sealed class ClientSession
        {
            private readonly Socket _socket;
            private readonly ChatServer _server;

            public ClientSession(Socket socket, ChatServer server)
            {
                _socket = socket;
                _server = server;
            }

            public void Start() => new Thread(ReceiveLoop) { IsBackground = true }.Start();

            public void Send(byte[] message) => _socket.Send(message);

            private void ReceiveLoop()
            {
                var buffer = new byte[1024];
                int read;
                while ((read = _socket.Receive(buffer)) > 0)
                {
                    _server.Broadcast(buffer.AsSpan(0, read).ToArray());
                }
            }
        }
        """;

    [Fact]
    public Task Accepted_socket_owned_by_a_session_class() => Verify.VerifyAsync(AcceptedSocketOwnedByHandlerClass);

    private const string SessionDictionary = """
        using System;
        using System.Collections.Concurrent;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class GameLobby
        {
            private readonly ConcurrentDictionary<Guid, TcpClient> _players = new();
            private readonly TcpListener _listener;

            public GameLobby(TcpListener listener) => _listener = listener;

            public async Task AcceptPlayersAsync()
            {
                _listener.Start();
                for (;;)
                {
                    TcpClient player = await [|_listener.AcceptTcpClientAsync()|].ConfigureAwait(false);
                    _players[Guid.NewGuid()] = player;
                }
            }

            public async Task BroadcastAsync(byte[] state)
            {
                foreach (var player in _players.Values)
                {
                    await player.GetStream().WriteAsync(state, 0, state.Length).ConfigureAwait(false);
                }
            }
        }
        """;

    [Fact]
    public Task Accepted_client_kept_in_a_session_dictionary() => Verify.VerifyAsync(SessionDictionary);

    private const string ReconnectingClient = """
        using System;
        using System.IO;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Telemetry;

        public sealed class TelemetryUplink : IDisposable
        {
            private readonly string _host;
            private readonly int _port;
            private TcpClient? _client;

            public TelemetryUplink(string host, int port) => (_host, _port) = (host, port);

            public async Task RunAsync(CancellationToken cancellationToken)
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    try
                    {
                        await ConnectAsync(cancellationToken);
                        using var reader = new StreamReader(_client!.GetStream());
                        while (await reader.ReadLineAsync(cancellationToken) is { } command)
                        {
                            Console.WriteLine(command);
                        }
                    }
                    catch (IOException)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                    }
                }
            }

            private async Task ConnectAsync(CancellationToken cancellationToken)
            {
                _client?.Dispose();
                _client = [|new TcpClient()|];
                await _client.ConnectAsync(_host, _port, cancellationToken);
            }

            public void Dispose() => _client?.Dispose();
        }
        """;

    [Fact]
    public Task Reconnecting_client_kept_in_a_field() =>
        Verify.VerifyAsync(ReconnectingClient, new() { ExpectedMessages = ["TCP connection '_client' is long-lived but has no dead-peer detection; configure keepalive and a user timeout (TcpKeepAlive.Configure)"] });

    private const string TargetTypedNewInProperty = """
        using System.Net.Sockets;

        public sealed class PrinterConnection
        {
            public TcpClient Connection { get; private set; } = null!;

            public void Open(string host) => Connection = [|new(host, 9100)|];

            public void Print(byte[] job) => Connection.GetStream().Write(job, 0, job.Length);
        }
        """;

    [Fact]
    public Task Target_typed_new_stored_in_a_property() => Verify.VerifyAsync(TargetTypedNewInProperty);

    private const string FullyQualifiedClientFromFactory = """
        namespace Inventory.Clients
        {
            public static class ConnectionFactory
            {
                public static System.Net.Sockets.TcpClient Open(string host, int port) =>
                    [|new System.Net.Sockets.TcpClient(host, port)|];
            }

            public sealed class StockFeed
            {
                private readonly System.Net.Sockets.TcpClient _feed = ConnectionFactory.Open("feed.internal", 5050);

                public int ReadQuote() => _feed.GetStream().ReadByte();
            }
        }
        """;

    [Fact]
    public Task Fully_qualified_client_returned_from_a_public_factory() => Verify.VerifyAsync(FullyQualifiedClientFromFactory);

    private const string MqttStyleSocketClient = """
        using System;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Broker.Client;

        public sealed class BrokerConnection : IAsyncDisposable
        {
            private Socket? _socket;
            private Task? _receiveLoop;

            public event Action<ReadOnlyMemory<byte>>? PacketReceived;

            public async Task ConnectAsync(string host, int port, CancellationToken cancellationToken)
            {
                _socket = [|new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|];
                _socket.NoDelay = true;
                await _socket.ConnectAsync(host, port, cancellationToken);
                _receiveLoop = ReceiveAsync(cancellationToken);
            }

            private async Task ReceiveAsync(CancellationToken cancellationToken)
            {
                var buffer = new byte[8192];
                while (!cancellationToken.IsCancellationRequested)
                {
                    var read = await _socket!.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                    if (read == 0) break;
                    PacketReceived?.Invoke(buffer.AsMemory(0, read));
                }
            }

            public async ValueTask DisposeAsync()
            {
                _socket?.Dispose();
                if (_receiveLoop is not null) await _receiveLoop;
            }
        }
        """;

    [Fact]
    public Task Tcp_socket_in_a_field_with_a_receive_loop() => Verify.VerifyAsync(MqttStyleSocketClient);

    private const string DualModeSocketOnBackgroundThread = """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;

        static class Relay
        {
            public static void Start(IPEndPoint upstream)
            {
                var socket = [|new Socket(SocketType.Stream, ProtocolType.Tcp)|];
                socket.Connect(upstream);
                var pump = new Thread(() =>
                {
                    var buffer = new byte[512];
                    while (socket.Receive(buffer) > 0) { }
                });
                pump.IsBackground = true;
                pump.Start();
            }
        }
        """;

    [Fact]
    public Task Dual_mode_socket_captured_by_a_background_thread() => Verify.VerifyAsync(DualModeSocketOnBackgroundThread);

    private const string SocketFamilyFromEndPointInPool = """
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;

        namespace Cache.Client;

        public sealed class ConnectionPool<TKey> where TKey : notnull
        {
            private readonly Dictionary<TKey, Socket> _idle = new();

            public Socket Rent(TKey key, IPEndPoint endPoint)
            {
                if (_idle.Remove(key, out var pooled)) return pooled;
                var socket = [|new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)|];
                socket.Connect(endPoint);
                return socket;
            }

            public void Return(TKey key, Socket socket) => _idle.Add(key, socket);
        }
        """;

    [Fact]
    public Task Generic_pool_creating_sockets_for_an_ip_endpoint_family() => Verify.VerifyAsync(SocketFamilyFromEndPointInPool);

    private const string Ipv6StreamSocketWithDefaultProtocol = """
        using System.Net;
        using System.Net.Sockets;

        internal sealed class ReplicationLink
        {
            private readonly Socket _peer = [|new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.IP)|];

            public void Open(IPAddress address) => _peer.Connect(address, 7946);

            public void Ship(byte[] segment) => _peer.Send(segment);
        }
        """;

    [Fact]
    public Task Ipv6_stream_socket_with_the_default_protocol() => Verify.VerifyAsync(Ipv6StreamSocketWithDefaultProtocol);

    private const string ApmTcpClientServer = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public sealed class LegacyServer
        {
            private readonly TcpListener _listener = new(IPAddress.Any, 9000);

            public void Start()
            {
                _listener.Start();
                _listener.BeginAcceptTcpClient(OnAccept, null);
            }

            private void OnAccept(IAsyncResult result)
            {
                TcpClient client = [|_listener.EndAcceptTcpClient(result)|];
                _listener.BeginAcceptTcpClient(OnAccept, null);
                var state = new ReadState(client);
                state.Stream.BeginRead(state.Buffer, 0, state.Buffer.Length, OnRead, state);
            }

            private static void OnRead(IAsyncResult result)
            {
                var state = (ReadState)result.AsyncState!;
                if (state.Stream.EndRead(result) == 0) { state.Client.Close(); return; }
                state.Stream.BeginRead(state.Buffer, 0, state.Buffer.Length, OnRead, state);
            }

            private sealed class ReadState
            {
                public ReadState(TcpClient client) { Client = client; Stream = client.GetStream(); }
                public TcpClient Client { get; }
                public NetworkStream Stream { get; }
                public byte[] Buffer { get; } = new byte[2048];
            }
        }
        """;

    [Fact]
    public Task Apm_server_with_EndAcceptTcpClient() => Verify.VerifyAsync(ApmTcpClientServer);

    private const string ApmSocketServerWithStateObject = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Text;

        public class StateObject
        {
            public const int BufferSize = 1024;
            public byte[] Buffer = new byte[BufferSize];
            public StringBuilder Text = new();
            public Socket? WorkSocket;
        }

        public static class AsynchronousSocketListener
        {
            public static void StartListening(Socket listener)
            {
                listener.BeginAccept(AcceptCallback, listener);
            }

            private static void AcceptCallback(IAsyncResult ar)
            {
                var listener = (Socket)ar.AsyncState!;
                Socket handler = [|listener.EndAccept(ar)|];
                listener.BeginAccept(AcceptCallback, listener);
                var state = new StateObject { WorkSocket = handler };
                handler.BeginReceive(state.Buffer, 0, StateObject.BufferSize, SocketFlags.None, ReadCallback, state);
            }

            private static void ReadCallback(IAsyncResult ar)
            {
                var state = (StateObject)ar.AsyncState!;
                var read = state.WorkSocket!.EndReceive(ar);
                if (read > 0)
                {
                    state.Text.Append(Encoding.ASCII.GetString(state.Buffer, 0, read));
                    state.WorkSocket.BeginReceive(state.Buffer, 0, StateObject.BufferSize, SocketFlags.None, ReadCallback, state);
                }
            }
        }
        """;

    [Fact]
    public Task Apm_server_with_EndAccept_and_a_state_object() => Verify.VerifyAsync(ApmSocketServerWithStateObject);

    private const string EndAcceptSocketIntoConnectionList = """
        using System;
        using System.Collections.Generic;
        using System.Net.Sockets;

        public sealed class TerminalHub
        {
            private readonly List<Socket> _terminals = new();
            private readonly TcpListener _listener;

            public TerminalHub(TcpListener listener) => _listener = listener;

            public void Listen()
            {
                _listener.Start();
                _listener.BeginAcceptSocket(Accepted, null);
            }

            private void Accepted(IAsyncResult result)
            {
                _terminals.Add([|_listener.EndAcceptSocket(result)|]);
                _listener.BeginAcceptSocket(Accepted, null);
            }
        }
        """;

    [Fact]
    public Task EndAcceptSocket_added_to_a_connection_list() => Verify.VerifyAsync(EndAcceptSocketIntoConnectionList);

    private const string SocketAsyncEventArgsServer = """
        using System.Net;
        using System.Net.Sockets;

        namespace Fast.Server;

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
        """;

    [Fact]
    public Task SocketAsyncEventArgs_server_keeping_AcceptSocket_in_a_user_token() => Verify.VerifyAsync(SocketAsyncEventArgsServer);

    private const string AcceptSocketAsyncWithInlineReceiveLoop = """
        using System;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        static class LogCollector
        {
            public static async Task CollectAsync(TcpListener listener, Action<ArraySegment<byte>> sink, CancellationToken cancellationToken)
            {
                listener.Start();
                using var socket = await [|listener.AcceptSocketAsync(cancellationToken)|];
                var buffer = new byte[16 * 1024];
                while (true)
                {
                    int read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                    if (read == 0) return;
                    sink(new ArraySegment<byte>(buffer, 0, read));
                }
            }
        }
        """;

    [Fact]
    public Task AcceptSocketAsync_read_in_a_loop() => Verify.VerifyAsync(AcceptSocketAsyncWithInlineReceiveLoop);

    private const string SslStreamWrapperInField = """
        using System.Net.Security;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        namespace Payments;

        public sealed class GatewayChannel
        {
            private SslStream? _tls;

            public async Task OpenAsync(string host)
            {
                var tcp = [|new TcpClient()|];
                await tcp.ConnectAsync(host, 443);
                _tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
                await _tls.AuthenticateAsClientAsync(host);
            }

            public Task SendAsync(byte[] message) => _tls!.WriteAsync(message, 0, message.Length);
        }
        """;

    [Fact]
    public Task SslStream_over_the_connection_kept_in_a_field() => Verify.VerifyAsync(SslStreamWrapperInField);

    private const string RecordReturnedToCaller = """
        using System.Net.Sockets;
        using System.Threading.Tasks;

        namespace Modbus;

        public sealed record ModbusSession(TcpClient Client, NetworkStream Stream, byte UnitId);

        public static class ModbusConnector
        {
            public static async Task<ModbusSession> ConnectAsync(string host, byte unitId)
            {
                var client = [|new TcpClient { NoDelay = true }|];
                await client.ConnectAsync(host, 502);
                return new ModbusSession(client, client.GetStream(), unitId);
            }
        }
        """;

    [Fact]
    public Task Session_record_returned_to_the_caller() => Verify.VerifyAsync(RecordReturnedToCaller);

    private const string ConfiguredOnlyOnWindows = """
        using System;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        public sealed class AgentLink
        {
            private readonly TcpClient _client;

            public AgentLink(string host, int port)
            {
                _client = [|new TcpClient(host, port)|];
                if (/*windows*/)
                {
                    _client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                    _client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
                }
            }

            public int Poll() => _client.GetStream().ReadByte();

            private static bool IsRunningOnWindows() => Environment.OSVersion.Platform == PlatformID.Win32NT;
        }
        """;

    [Theory]
    [InlineData("OperatingSystem.IsWindows()")]
    [InlineData("RuntimeInformation.IsOSPlatform(OSPlatform.Windows)")]
    [InlineData("IsRunningOnWindows()")]
    public Task Keepalive_tuned_only_inside_a_Windows_check(string windowsCheck) =>
        Verify.VerifyAsync(ConfiguredOnlyOnWindows.Replace("/*windows*/", windowsCheck));

    private const string PlainLongLivedClient = """
        using System.IO;
        using System.Net.Sockets;

        public sealed class LineProtocolClient
        {
            private readonly TcpClient _client;
            private readonly StreamReader _reader;

            public LineProtocolClient(string host, int port)
            {
                _client = [|new TcpClient(host, port)|];
                _reader = new StreamReader(_client.GetStream());
            }

            public string? Next() => _reader.ReadLine();
        }
        """;

    [Theory]
    [InlineData(TestTargetFramework.Net80)]
    [InlineData(TestTargetFramework.NetStandard20)]
    public Task Long_lived_client_on_each_target_framework(TestTargetFramework framework) =>
        Verify.VerifyAsync(PlainLongLivedClient, new() { TargetFramework = framework });

    private const string KeepAliveSwitchedOff = """
        using System.Net.Sockets;

        public sealed class QuoteStream
        {
            private readonly Socket _socket = [|new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|];

            public void Open(string host)
            {
                _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, false);
                _socket.Connect(host, 7001);
            }

            public int Next(byte[] buffer) => _socket.Receive(buffer);
        }
        """;

    [Fact]
    public Task Keepalive_switched_off_explicitly() => Verify.VerifyAsync(KeepAliveSwitchedOff);

    private const string OnlyTheControlConnectionIsConfigured = """
        using System.Net.Sockets;

        public sealed class FtpLikeSession
        {
            private readonly TcpClient _control = new();
            private TcpClient? _data;

            public void Open(string host)
            {
                _control.Connect(host, 21);
                _control.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
                _control.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);
            }

            public void OpenData(string host, int port)
            {
                _data = [|new TcpClient(host, port)|];
            }

            public int ReadData(byte[] buffer) => _data!.GetStream().Read(buffer, 0, buffer.Length);
        }
        """;

    [Fact]
    public Task Keepalive_on_another_connection_does_not_count() => Verify.VerifyAsync(OnlyTheControlConnectionIsConfigured);

    private const string HandedToAnInterface = """
        using System.Net.Sockets;

        public interface IFrameTransport
        {
            void Attach(Socket socket);
        }

        public sealed class Dialer
        {
            private readonly IFrameTransport _transport;

            public Dialer(IFrameTransport transport) => _transport = transport;

            public void Dial(string host, int port)
            {
                var socket = [|new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|];
                socket.Connect(host, port);
                _transport.Attach(socket);
            }
        }
        """;

    [Fact]
    public Task Connection_handed_to_an_interface_implementation() => Verify.VerifyAsync(HandedToAnInterface);

    private const string AcceptMethodGroupForFromAsync = """
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public static class TaskAccept
        {
            public static Task<Socket> AcceptNextAsync(Socket listener) =>
                Task.Factory.FromAsync(listener.BeginAccept, [|listener.EndAccept|], null);
        }
        """;

    [Fact]
    public Task EndAccept_method_group_handed_to_FromAsync() => Verify.VerifyAsync(AcceptMethodGroupForFromAsync);

    private const string UdpModePlaceholderBesideConnectedClient = """
        using System.Net.Sockets;

        public enum Transport { Tcp, Udp }

        public sealed class SyslogSender
        {
            private TcpClient _tcp;
            private UdpClient? _udp;

            public SyslogSender(Transport transport, string host, int port)
            {
                if (transport == Transport.Tcp)
                {
                    _tcp = [|new TcpClient()|];
                    _tcp.Connect(host, port);
                }
                else
                {
                    _tcp = new TcpClient();
                    _udp = new UdpClient(host, port);
                }
            }

            public void Send(byte[] line)
            {
                if (_udp is not null) _udp.Send(line, line.Length);
                else _tcp.GetStream().Write(line, 0, line.Length);
            }
        }
        """;

    [Fact]
    public Task Connected_branch_reported_and_udp_mode_placeholder_not() => Verify.VerifyAsync(UdpModePlaceholderBesideConnectedClient);

    private const string ListenerConfiguredOnlyOnWindows = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;

        public sealed class ControlPlane
        {
            private readonly List<TcpClient> _agents = new();

            public void Serve()
            {
                var listener = new TcpListener(IPAddress.Any, 6200);
                if (OperatingSystem.IsWindows())
                {
                    listener.Server.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
                }

                listener.Start();
                while (true)
                {
                    _agents.Add([|listener.AcceptTcpClient()|]);
                }
            }
        }
        """;

    [Fact]
    public Task Accepted_from_a_listener_tuned_only_on_Windows() => Verify.VerifyAsync(ListenerConfiguredOnlyOnWindows);

    private const string RegistryInAnotherClass = """
        using System.Collections.Generic;
        using System.Net.Sockets;

        namespace Devices;

        public static class DeviceRegistry
        {
            private static readonly Dictionary<string, TcpClient> Devices = new();

            public static void Register(string serial, TcpClient connection)
            {
                lock (Devices) Devices[serial] = connection;
            }
        }

        public sealed class DeviceGateway
        {
            public void Accept(TcpListener listener)
            {
                var connection = [|listener.AcceptTcpClient()|];
                var serial = ReadSerial(connection.GetStream());
                DeviceRegistry.Register(serial, connection);
            }

            private static string ReadSerial(NetworkStream stream)
            {
                var buffer = new byte[16];
                var read = stream.Read(buffer, 0, buffer.Length);
                return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
            }
        }
        """;

    [Fact]
    public Task Helper_in_another_class_keeps_the_connection() => Verify.VerifyAsync(RegistryInAnotherClass);

    private const string PartialClassFirstPart = """
        using System.Net.Sockets;

        namespace Plc;

        public sealed partial class PlcDriver
        {
            private Socket? _socket;

            public void Connect(string host)
            {
                _socket = [|new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|];
                _socket.Connect(host, 102);
            }
        }
        """;

    private const string PartialClassSecondPart = """
        using System.Net.Sockets;

        namespace Plc;

        public sealed partial class PlcDriver
        {
            public byte[] ReadBlock(int length)
            {
                var block = new byte[length];
                var offset = 0;
                while (offset < length)
                {
                    offset += _socket!.Receive(block, offset, length - offset, SocketFlags.None);
                }

                return block;
            }
        }
        """;

    [Fact]
    public Task Partial_class_connecting_in_one_part_reading_in_another() =>
        Verify.VerifyAsync([PartialClassFirstPart, PartialClassSecondPart]);

    private const string FireAndForgetHandlerWithUsing = """
        using System.IO;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class LineServer
        {
            public async Task AcceptAsync(TcpListener listener)
            {
                listener.Start();
                while (true)
                {
                    var client = await [|listener.AcceptTcpClientAsync()|];
                    _ = HandleAsync(client);
                }
            }

            private static async Task HandleAsync(TcpClient client)
            {
                using (client)
                using (var reader = new StreamReader(client.GetStream()))
                {
                    string? line;
                    while ((line = await reader.ReadLineAsync()) != null)
                    {
                        System.Console.WriteLine(line);
                    }
                }
            }
        }
        """;

    [Fact]
    public Task Fire_and_forget_handler_reading_lines_until_the_peer_closes() => Verify.VerifyAsync(FireAndForgetHandlerWithUsing);

    private const string UsingScopedSessionLoopingOverField = """
        using System;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class ConsoleSession
        {
            private readonly Socket _socket;

            public ConsoleSession(Socket socket) => _socket = socket;

            public async Task RunAsync(CancellationToken cancellationToken)
            {
                var buffer = new byte[256];
                while (!cancellationToken.IsCancellationRequested)
                {
                    var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                    if (read == 0) return;
                    await _socket.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
                }
            }
        }

        public static class ConsoleServer
        {
            public static async Task ServeOneAsync(Socket listener, CancellationToken cancellationToken)
            {
                using var socket = await [|listener.AcceptAsync(cancellationToken)|];
                await new ConsoleSession(socket).RunAsync(cancellationToken);
            }
        }
        """;

    [Fact]
    public Task Using_scoped_connection_run_by_a_session_that_loops() =>
        Verify.VerifyAsync(UsingScopedSessionLoopingOverField);

    private const string WindowsHelperWithEarlyReturn = """
        using System;
        using System.Collections.Generic;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        public sealed class KioskConnections
        {
            private readonly List<Socket> _kiosks = new();

            public void Accept(Socket listener)
            {
                var kiosk = [|listener.Accept()|];
                ApplyWindowsKeepAlive(kiosk);
                _kiosks.Add(kiosk);
            }

            private static void ApplyWindowsKeepAlive(Socket socket)
            {
                if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    return;
                }

                socket.IOControl(IOControlCode.KeepAliveValues, new byte[] { 1, 0, 0, 0, 0x30, 0x75, 0, 0, 0xE8, 0x03, 0, 0 }, null);
            }
        }
        """;

    [Fact]
    public Task Keepalive_tuned_after_a_not_Windows_early_return() => Verify.VerifyAsync(WindowsHelperWithEarlyReturn);

    private const string PrivateFactoryWhoseCallerStores = """
        using System.Net.Sockets;

        namespace Printing;

        public sealed class PrinterFarm
        {
            private readonly TcpClient[] _printers = new TcpClient[4];

            public void Attach(int slot, string host) => _printers[slot] = Open(host);

            public void Feed(int slot, byte[] job) => _printers[slot].GetStream().Write(job, 0, job.Length);

            private static TcpClient Open(string host) => [|new TcpClient(host, 9100)|];
        }
        """;

    [Fact]
    public Task Private_factory_whose_caller_stores_the_client() => Verify.VerifyAsync(PrivateFactoryWhoseCallerStores);

    private const string ConnectedInInitializerStoredAsTuple = """
        using System.Net;
        using System.Net.Sockets;

        namespace FieldBus;

        public sealed class FieldBusClient
        {
            private (TcpClient Client, bool IsInternal)? _connection;
            private NetworkStream? _stream;

            public void Connect(IPEndPoint remote) => Initialize([|new TcpClient()|], remote, isInternal: true);

            public void Connect(TcpClient external) => Initialize(external, null, isInternal: false);

            private void Initialize(TcpClient client, IPEndPoint? remote, bool isInternal)
            {
                if (remote is not null && !client.ConnectAsync(remote.Address, remote.Port).Wait(1000))
                {
                    throw new SocketException((int)SocketError.TimedOut);
                }

                _connection = (client, isInternal);
                _stream = client.GetStream();
            }

            public int ReadRegister() => _stream!.ReadByte();
        }
        """;

    [Fact]
    public Task Client_connected_and_stored_as_a_tuple_by_an_initializer_method() => Verify.VerifyAsync(ConnectedInInitializerStoredAsTuple);
}
