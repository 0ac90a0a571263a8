using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>Long-lived client connections (created, not accepted) with no dead-peer detection: reported on the creation expression.</summary>
public class KA0001NoDeadPeerDetectionDiagnosticClientTests
{
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

    // The connect is looked for in the method's text before its syntax is walked: an escaped name is still a connect.
    [Fact]
    public Task Connect_spelled_with_a_unicode_escape_still_tells_the_placeholder_apart() => Verify.VerifyAsync(
        UdpModePlaceholderBesideConnectedClient.Replace("_tcp.Connect(host, port);", "_tcp.\\u0043onnect(host, port);"));

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

    private const string WindowsCheckKeptInALocal = """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        public sealed class PosTerminals
        {
            private readonly Dictionary<string, TcpClient> _terminals = new();

            public void Connect(string id, string host)
            {
                var terminal = [|new TcpClient(host, 8583)|];
                var isWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
                if (isWindows)
                {
                    terminal.Client.IOControl(IOControlCode.KeepAliveValues, new byte[] { 1, 0, 0, 0, 0x30, 0x75, 0, 0, 0xE8, 0x03, 0, 0 }, null);
                }

                _terminals[id] = terminal;
            }
        }
        """;

    [Fact]
    public Task Keepalive_tuned_behind_a_Windows_check_kept_in_a_local() => Verify.VerifyAsync(WindowsCheckKeptInALocal);

    private const string CreatedInBracedBranchesConnectedAfter = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        namespace Messaging;

        public sealed class FramedClient
        {
            private readonly string _host;
            private readonly int _port;
            private readonly int _localPort;
            private TcpClient? _client;

            public FramedClient(string host, int port, int localPort) => (_host, _port, _localPort) = (host, port, localPort);

            public void Connect()
            {
                if (_localPort == 0)
                {
                    _client = [|new TcpClient()|];
                }
                else
                {
                    _client = [|new TcpClient(new IPEndPoint(IPAddress.Any, _localPort))|];
                }

                var pending = _client.BeginConnect(_host, _port, null, null);
                if (!pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(5))) throw new TimeoutException();
                _client.EndConnect(pending);
            }

            public int Read(byte[] buffer) => _client!.GetStream().Read(buffer, 0, buffer.Length);
        }
        """;

    [Fact]
    public Task Created_in_braced_branches_connected_after_the_if() => Verify.VerifyAsync(CreatedInBracedBranchesConnectedAfter);
}
