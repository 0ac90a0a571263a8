using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Long-lived code that holds no TCP connection KA0001 can vouch for: listeners, UDP, Unix-domain sockets,
/// protocols chosen at run time, look-alike types from other namespaces, and never-connected placeholders.
/// </summary>
public class KA0001NoDeadPeerDetectionNotAConnectionTests
{
    private const string TcpListenerInFieldWithShortLivedClients = """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class MetricsEndpoint
        {
            private readonly TcpListener _listener = new(IPAddress.Loopback, 9102);
            private readonly Task _acceptLoop;

            public MetricsEndpoint(CancellationToken stop)
            {
                _listener.Start();
                _acceptLoop = Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        using var scrape = await _listener.AcceptTcpClientAsync(stop);
                        await scrape.GetStream().WriteAsync("# EOF\n"u8.ToArray(), stop);
                    }
                });
            }
        }
        """;

    [Fact]
    public Task TcpListener_in_a_field_serving_one_shot_scrapes() => Verify.VerifyAsync(TcpListenerInFieldWithShortLivedClients);

    private const string ListeningSocketInField = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class Acceptor
        {
            private readonly Socket _listenSocket;

            public Acceptor(IPEndPoint endPoint)
            {
                _listenSocket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                _listenSocket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                _listenSocket.Bind(endPoint);
                _listenSocket.Listen(1024);
            }

            public void Reject()
            {
                using var rejected = _listenSocket.Accept();
                rejected.Send(new byte[] { 0x15 });
            }
        }
        """;

    [Fact]
    public Task Listening_socket_kept_in_a_field() => Verify.VerifyAsync(ListeningSocketInField);

    private const string ListenerFromFactoryMethod = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class Server
        {
            private Socket? _listener;

            public void Start(int port)
            {
                _listener = CreateListener();
                _listener.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
                _listener.Listen(128);
            }

            private static Socket CreateListener()
            {
                var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                socket.DualMode = true;
                return socket;
            }

            public void Stop() => _listener?.Close();
        }
        """;

    [Fact]
    public Task Listener_socket_built_by_a_factory_method() => Verify.VerifyAsync(ListenerFromFactoryMethod);

    private const string UdpClientReceiveLoop = """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class SyslogReceiver
        {
            private readonly UdpClient _udp = new(514);

            public async Task RunAsync(CancellationToken cancellationToken)
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    UdpReceiveResult datagram = await _udp.ReceiveAsync(cancellationToken);
                    Handle(datagram.RemoteEndPoint, datagram.Buffer);
                }
            }

            private static void Handle(IPEndPoint from, byte[] message) { }
        }
        """;

    [Fact]
    public Task UdpClient_receive_loop() => Verify.VerifyAsync(UdpClientReceiveLoop);

    private const string DatagramSocketInField = """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;

        public sealed class DiscoveryBeacon
        {
            private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

            public void Run(CancellationToken stop)
            {
                _socket.EnableBroadcast = true;
                var target = new IPEndPoint(IPAddress.Broadcast, 5353);
                while (!stop.IsCancellationRequested)
                {
                    _socket.SendTo(new byte[] { 1 }, target);
                    Thread.Sleep(1000);
                }
            }
        }
        """;

    [Fact]
    public Task Datagram_socket_sending_in_a_loop() => Verify.VerifyAsync(DatagramSocketInField);

    private const string RawIcmpSocket = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class Pinger
        {
            private readonly Socket _icmp = new(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp);

            public void Send(IPAddress target, byte[] echo)
            {
                while (true) _icmp.SendTo(echo, new IPEndPoint(target, 0));
            }
        }
        """;

    [Fact]
    public Task Raw_icmp_socket() => Verify.VerifyAsync(RawIcmpSocket);

    private const string UnixDomainStreamSocket = """
        using System.Net.Sockets;
        using System.Threading.Tasks;

        namespace Docker.Client;

        public sealed class DockerSocket
        {
            private Socket? _socket;

            public async Task ConnectAsync()
            {
                _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await _socket.ConnectAsync(new UnixDomainSocketEndPoint("/var/run/docker.sock"));
            }

            public async Task<int> ReadEventsAsync(byte[] buffer)
            {
                var total = 0;
                while (true)
                {
                    var read = await _socket!.ReceiveAsync(buffer, SocketFlags.None);
                    if (read == 0) return total;
                    total += read;
                }
            }
        }
        """;

    [Fact]
    public Task Unix_domain_stream_socket_kept_open() => Verify.VerifyAsync(UnixDomainStreamSocket);

    private const string UnixDomainListenerAcceptingSessions = """
        using System.Collections.Generic;
        using System.Net.Sockets;

        public sealed class AgentIpcServer
        {
            private readonly List<Socket> _clients = new();
            private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

            public void Run(string path)
            {
                _listener.Bind(new UnixDomainSocketEndPoint(path));
                _listener.Listen(16);
                while (true)
                {
                    _clients.Add(_listener.Accept());
                }
            }
        }
        """;

    [Fact]
    public Task Connections_accepted_from_a_Unix_domain_listener() => Verify.VerifyAsync(UnixDomainListenerAcceptingSessions);

    private const string FamilyFromPlainEndPoint = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class StreamTransport
        {
            private readonly Socket _socket;

            public StreamTransport(EndPoint endPoint)
            {
                _socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.IP);
                _socket.Connect(endPoint);
            }

            public int Receive(byte[] buffer) => _socket.Receive(buffer);
        }
        """;

    [Fact]
    public Task Stream_socket_on_a_family_that_may_be_Unix() => Verify.VerifyAsync(FamilyFromPlainEndPoint);

    private const string ProtocolChosenAtRunTime = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class TransportOptions
        {
            public SocketType SocketType { get; init; } = SocketType.Stream;
            public ProtocolType Protocol { get; init; } = ProtocolType.Tcp;
        }

        public sealed class Transport
        {
            private readonly Socket _socket;

            public Transport(TransportOptions options, IPEndPoint remote)
            {
                _socket = new Socket(remote.AddressFamily, options.SocketType, options.Protocol);
                _socket.Connect(remote);
            }

            public void Send(byte[] data) => _socket.Send(data);
        }
        """;

    [Fact]
    public Task Socket_type_and_protocol_chosen_at_run_time() => Verify.VerifyAsync(ProtocolChosenAtRunTime);

    private const string SocketFromInheritedHandle = """
        using System.Net.Sockets;

        public sealed class SystemdActivation
        {
            private Socket? _socket;

            public void Adopt(SafeSocketHandle handle)
            {
                _socket = new Socket(handle);
            }

            public int Read(byte[] buffer) => _socket!.Receive(buffer);
        }
        """;

    [Fact]
    public Task Socket_adopted_from_an_inherited_handle() => Verify.VerifyAsync(SocketFromInheritedHandle);

    private const string LookAlikeTcpClient = """
        using System.Threading.Tasks;

        namespace Messaging.Transport
        {
            public sealed class TcpClient
            {
                public TcpClient(string host, int port) { }
                public Task SendAsync(byte[] payload) => Task.CompletedTask;
                public Task<byte[]> ReceiveAsync() => Task.FromResult(new byte[0]);
            }
        }

        namespace Messaging
        {
            using Messaging.Transport;

            public sealed class Subscriber
            {
                private readonly TcpClient _client = new TcpClient("bus", 4222);

                public async Task PumpAsync()
                {
                    while (true) await _client.ReceiveAsync();
                }
            }
        }
        """;

    [Fact]
    public Task Look_alike_TcpClient_from_another_namespace() => Verify.VerifyAsync(LookAlikeTcpClient);

    private const string LookAlikeSocketAndListener = """
        using System.Collections.Generic;

        namespace Realtime
        {
            public enum SocketType { Stream }
            public enum ProtocolType { Tcp }

            public sealed class Socket
            {
                public Socket(SocketType type, ProtocolType protocol) { }
                public Socket Accept() => this;
                public void Send(string message) { }
            }

            public sealed class TcpListener
            {
                public Socket AcceptSocket() => new Socket(SocketType.Stream, ProtocolType.Tcp);
            }

            public sealed class Hub
            {
                private readonly List<Socket> _connections = new();

                public void Serve(TcpListener listener, Socket server)
                {
                    while (true)
                    {
                        _connections.Add(listener.AcceptSocket());
                        _connections.Add(server.Accept());
                    }
                }
            }
        }
        """;

    [Fact]
    public Task Look_alike_Socket_and_TcpListener_types() => Verify.VerifyAsync(LookAlikeSocketAndListener);

    private const string DummyOverwrittenByAccept = """
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;

        public sealed class Switchboard
        {
            private readonly List<TcpClient> _lines = new();

            public void Serve()
            {
                var listener = new TcpListener(IPAddress.Any, 5060);
                listener.Server.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                listener.Server.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
                listener.Start();
                while (true)
                {
                    TcpClient line = new TcpClient();
                    line = listener.AcceptTcpClient();
                    _lines.Add(line);
                }
            }
        }
        """;

    [Fact]
    public Task Dummy_client_immediately_overwritten_by_an_accept() => Verify.VerifyAsync(DummyOverwrittenByAccept);

    private const string UdpBranchPlaceholderWithConfiguredTcpBranch = """
        using System.Net.Sockets;
        using KeepAlive;

        public sealed class GelfSender
        {
            private readonly TcpClient _tcp;
            private readonly UdpClient? _udp;

            public GelfSender(bool useTcp, string host, int port)
            {
                TcpClient tcp;
                if (useTcp)
                {
                    tcp = new TcpClient();
                    tcp.Connect(host, port);
                    TcpKeepAlive.Configure(tcp);
                }
                else
                {
                    tcp = new TcpClient();
                    _udp = new UdpClient(host, port);
                }

                _tcp = tcp;
            }

            public void Send(byte[] message)
            {
                if (_udp is not null) _udp.Send(message, message.Length);
                else _tcp.GetStream().Write(message, 0, message.Length);
            }
        }
        """;

    [Fact]
    public Task Udp_mode_placeholder_beside_a_configured_connection() =>
        Verify.VerifyAsync(UdpBranchPlaceholderWithConfiguredTcpBranch, new() { ReferenceKeepAliveRuntime = true });

    private const string NeverConnectedClientForOptions = """
        using System.Net.Sockets;

        public static class SocketDefaults
        {
            private static readonly TcpClient Probe = new TcpClient();

            public static int DefaultReceiveBufferSize => Probe.ReceiveBufferSize;
        }
        """;

    [Fact]
    public Task Never_connected_client_read_for_its_defaults() => Verify.VerifyAsync(NeverConnectedClientForOptions);
    private const string ListenerSetUpByHelperMethod = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class ProxyFrontend
        {
            private Socket? _listener;

            public void Start(int port)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                BindAndListen(socket, port);
                _listener = socket;
            }

            private static void BindAndListen(Socket socket, int port)
            {
                socket.Bind(new IPEndPoint(IPAddress.Any, port));
                socket.Listen(512);
            }

            public void Stop() => _listener?.Dispose();
        }
        """;

    [Fact]
    public Task Listening_socket_bound_by_a_helper_method() => Verify.VerifyAsync(ListenerSetUpByHelperMethod);

    private const string UdpClientUnderlyingSocket = """
        using System.Net.Sockets;

        public sealed class StatsdSink
        {
            private readonly UdpClient _udp = new("localhost", 8125);
            private readonly Socket _raw;

            public StatsdSink() => _raw = _udp.Client;

            public void Count(string metric)
            {
                var payload = System.Text.Encoding.ASCII.GetBytes(metric + ":1|c");
                _raw.Send(payload);
            }
        }
        """;

    [Fact]
    public Task Socket_of_a_UdpClient_kept_in_a_field() => Verify.VerifyAsync(UdpClientUnderlyingSocket);

    private const string DatagramSocketChosenByEnum = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class DnsForwarder
        {
            private readonly Socket _upstream;

            public DnsForwarder(IPEndPoint server)
            {
                _upstream = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                _upstream.Connect(server);
            }

            public void Forward(byte[] query)
            {
                for (var attempt = 0; attempt < 3; attempt++) _upstream.Send(query);
            }
        }
        """;

    [Fact]
    public Task Connected_udp_socket_sending_in_a_loop() => Verify.VerifyAsync(DatagramSocketChosenByEnum);

    /// <summary>A long-lived socket whose kind is decided by <c>/*create*/</c>: reported only when it is provably TCP.</summary>
    private const string SocketKindTemplate = """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;

        public sealed class Channel
        {
            private readonly Socket _socket;

            public Channel(EndPoint remote, IPEndPoint ipRemote, AddressFamily family, SocketType type, ProtocolType protocol)
            {
                _socket = /*create*/;
                _socket.Connect(remote);
                new Thread(Pump) { IsBackground = true }.Start();
            }

            private void Pump()
            {
                var buffer = new byte[1500];
                while (_socket.Receive(buffer) > 0) { }
            }
        }
        """;

    [Theory]
    [InlineData("new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)")]
    [InlineData("new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.IP)")]
    [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)")]
    [InlineData("new Socket(SocketType.Dgram, ProtocolType.Udp)")]
    [InlineData("new Socket(AddressFamily.InterNetworkV6, SocketType.Seqpacket, ProtocolType.Unspecified)")]
    [InlineData("new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Unspecified)")]
    [InlineData("new Socket(family, SocketType.Stream, ProtocolType.IP)")]
    [InlineData("new Socket(ipRemote.AddressFamily, type, ProtocolType.Tcp)")]
    [InlineData("new Socket(ipRemote.AddressFamily, SocketType.Stream, protocol)")]
    public Task Socket_that_is_not_provably_tcp(string creation) =>
        Verify.VerifyAsync(SocketKindTemplate.Replace("/*create*/", creation));

    [Theory]
    [InlineData("new Socket(ipRemote.AddressFamily, SocketType.Stream, ProtocolType.IP)")]
    [InlineData("new Socket(family, SocketType.Stream, ProtocolType.Tcp)")]
    public Task Control_provably_tcp_socket_is_reported(string creation) =>
        Verify.VerifyAsync(SocketKindTemplate.Replace("/*create*/", "[|" + creation + "|]"));

    private const string UnixDomainAsyncAcceptLoop = """
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Supervisor;

        public sealed class ControlSocket
        {
            public async Task RunAsync(string path, CancellationToken cancellationToken)
            {
                using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                listener.Bind(new UnixDomainSocketEndPoint(path));
                listener.Listen(8);
                while (!cancellationToken.IsCancellationRequested)
                {
                    var control = await listener.AcceptAsync(cancellationToken);
                    _ = Task.Run(async () =>
                    {
                        var buffer = new byte[512];
                        while (await control.ReceiveAsync(buffer, SocketFlags.None, cancellationToken) > 0) { }
                    }, cancellationToken);
                }
            }
        }
        """;

    [Fact]
    public Task Async_accept_loop_on_a_Unix_domain_listener() => Verify.VerifyAsync(UnixDomainAsyncAcceptLoop);
}
