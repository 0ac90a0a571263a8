using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>Accepted connections configured away from the accept: on the listener, in handlers and sessions, through SocketAsyncEventArgs.</summary>
public class KA0001NoDeadPeerDetectionConfiguredServerTests
{
    private const string HandlerConfiguresThroughStreamSocket = """
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class ImageServer
        {
            public async Task RunAsync(TcpListener listener)
            {
                listener.Start();
                while (true)
                {
                    var client = await listener.AcceptTcpClientAsync();
                    _ = Task.Run(() => ServeAsync(client.GetStream()));
                }
            }

            private static async Task ServeAsync(NetworkStream stream)
            {
                stream.Socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                stream.Socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 3);
                var buffer = new byte[8192];
                while (await stream.ReadAsync(buffer) > 0) { }
            }
        }
        """;

    [Fact]
    public Task Handler_configures_through_NetworkStream_Socket() => Verify.VerifyAsync(HandlerConfiguresThroughStreamSocket);

    private const string ConfigureAwaitChainThenConfigure = """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        public sealed class Hub
        {
            private readonly List<TcpClient> _members = new();

            public async Task AcceptAsync(TcpListener listener)
            {
                while (true)
                {
                    var member = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                    member.ConfigureTcpKeepAlive();
                    lock (_members) _members.Add(member);
                }
            }
        }
        """;

    [Fact]
    public Task Accepted_with_ConfigureAwait_then_configured() =>
        Verify.VerifyAsync(ConfigureAwaitChainThenConfigure, new() { ReferenceKeepAliveRuntime = true });

    private const string ListenerConfiguredInConstructor = """
        using System.Collections.Concurrent;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;

        public sealed class TelemetryCollector
        {
            private readonly TcpListener _listener;
            private readonly ConcurrentBag<Socket> _agents = new();

            public TelemetryCollector(int port)
            {
                _listener = new TcpListener(IPAddress.Any, port);
                _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                _listener.Server.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                _listener.Server.SetRawSocketOption(6, 18, System.BitConverter.GetBytes(90_000));
            }

            public void Run(CancellationToken stop)
            {
                _listener.Start();
                while (!stop.IsCancellationRequested)
                {
                    _agents.Add(_listener.AcceptSocket());
                }
            }
        }
        """;

    [Fact]
    public Task Listener_configured_in_the_constructor_accepting_elsewhere() => Verify.VerifyAsync(ListenerConfiguredInConstructor);

    private const string AcceptedClientWithKeepAliveOnly = """
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class ChatRoom
        {
            public async Task AcceptAsync(TcpListener listener)
            {
                while (true)
                {
                    var member = await listener.AcceptTcpClientAsync();
                    member.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                    _ = Task.Run(() => Relay(member));
                }
            }

            private static void Relay(TcpClient member)
            {
                var buffer = new byte[256];
                while (member.GetStream().Read(buffer, 0, buffer.Length) > 0) { }
            }
        }
        """;

    [Fact]
    public Task Accepted_client_with_keepalive_on_and_OS_timings_is_left_to_KA0002() => Verify.VerifyAsync(AcceptedClientWithKeepAliveOnly);

    private const string SessionWrapsSslStreamAfterConfiguring = """
        using System.Collections.Generic;
        using System.Net.Security;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        namespace Imap.Server;

        public sealed class ImapSession
        {
            private readonly SslStream _tls;

            public ImapSession(SslStream tls) => _tls = tls;

            public Task<int> ReadAsync(byte[] buffer) => _tls.ReadAsync(buffer, 0, buffer.Length);
        }

        public sealed class ImapServer
        {
            private readonly List<ImapSession> _sessions = new();

            public async Task AcceptAsync(Socket listener, System.Security.Cryptography.X509Certificates.X509Certificate certificate)
            {
                while (true)
                {
                    var socket = await listener.AcceptAsync();
                    socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 120);
                    socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 4);
                    var tls = new SslStream(new NetworkStream(socket, ownsSocket: true));
                    await tls.AuthenticateAsServerAsync(certificate);
                    _sessions.Add(new ImapSession(tls));
                }
            }
        }
        """;

    [Fact]
    public Task Accepted_socket_configured_then_wrapped_in_a_session() => Verify.VerifyAsync(SessionWrapsSslStreamAfterConfiguring);

    private const string SaeaConfiguringAcceptSocketDirectly = """
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class QuoteServer
        {
            private readonly Socket _listener;

            public QuoteServer(Socket listener) => _listener = listener;

            public void Start()
            {
                var args = new SocketAsyncEventArgs();
                args.Completed += OnCompleted;
                if (!_listener.AcceptAsync(args)) OnCompleted(this, args);
            }

            private void OnCompleted(object? sender, SocketAsyncEventArgs e)
            {
                e.AcceptSocket?.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 25);
                var subscriber = e.AcceptSocket!;
                _ = Task.Run(() => StreamQuotesAsync(subscriber));
                e.AcceptSocket = null;
                if (!_listener.AcceptAsync(e)) OnCompleted(this, e);
            }

            private static async Task StreamQuotesAsync(Socket subscriber)
            {
                while (true)
                {
                    await subscriber.SendAsync(new byte[] { 1 }, SocketFlags.None);
                    await Task.Delay(100);
                }
            }
        }
        """;

    [Fact]
    public Task SocketAsyncEventArgs_AcceptSocket_configured_in_place() => Verify.VerifyAsync(SaeaConfiguringAcceptSocketDirectly);

    private const string ApmAcceptTcpClientConfigured = """
        using System;
        using System.Collections.Generic;
        using System.Net.Sockets;
        using KeepAlive;

        public sealed class ApmHub
        {
            private readonly TcpListener _listener;
            private readonly List<TcpClient> _clients = new();

            public ApmHub(TcpListener listener) => _listener = listener;

            public void Start()
            {
                _listener.Start();
                _listener.BeginAcceptTcpClient(OnAccepted, null);
            }

            private void OnAccepted(IAsyncResult result)
            {
                var client = _listener.EndAcceptTcpClient(result);
                TcpKeepAlive.Configure(client);
                lock (_clients) _clients.Add(client);
                _listener.BeginAcceptTcpClient(OnAccepted, null);
            }
        }
        """;

    [Theory]
    [InlineData(Verifiers.TestTargetFramework.Net80)]
    [InlineData(Verifiers.TestTargetFramework.NetStandard20)]
    public Task Apm_EndAcceptTcpClient_configured_with_the_helper(Verifiers.TestTargetFramework framework) =>
        Verify.VerifyAsync(ApmAcceptTcpClientConfigured, new() { TargetFramework = framework, ReferenceKeepAliveRuntime = true });

    private const string ConfiguredThroughSocketProperty = """
        using System.Net.Sockets;
        using System.Threading.Tasks;

        namespace Sip;

        public sealed class SipConnection
        {
            public SipConnection(Socket socket) => Socket = socket;

            public Socket Socket { get; }

            public void Start()
            {
                Socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                Socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 25);
                Socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
            }
        }

        public sealed class SipRegistrar
        {
            private readonly System.Collections.Generic.List<SipConnection> _connections = new();

            public async Task AcceptAsync(Socket listener)
            {
                var connection = new SipConnection(await listener.AcceptAsync());
                connection.Start();
                _connections.Add(connection);
            }
        }
        """;

    [Fact]
    public Task Connection_class_configures_its_Socket_property() => Verify.VerifyAsync(ConfiguredThroughSocketProperty);

    private const string BaseConstructorConfigures = """
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        namespace Mud;

        public abstract class ConnectionBase
        {
            protected ConnectionBase(Socket socket)
            {
                TcpKeepAlive.Configure(socket);
                Socket = socket;
            }

            protected Socket Socket { get; }

            public abstract Task RunAsync();
        }

        public sealed class PlayerConnection : ConnectionBase
        {
            public PlayerConnection(Socket socket) : base(socket) { }

            public override async Task RunAsync()
            {
                var buffer = new byte[128];
                while (await Socket.ReceiveAsync(buffer, SocketFlags.None) > 0) { }
            }
        }

        public sealed class MudServer
        {
            public async Task AcceptAsync(TcpListener listener)
            {
                while (true)
                {
                    var player = new PlayerConnection(await listener.AcceptSocketAsync());
                    _ = player.RunAsync();
                }
            }
        }
        """;

    [Fact]
    public Task Base_constructor_configures_the_accepted_socket() =>
        Verify.VerifyAsync(BaseConstructorConfigures, new() { ReferenceKeepAliveRuntime = true });

    private const string ListenerConfiguredByCaller = """
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class RelayServer
        {
            private readonly List<TcpClient> _peers = new();

            public Task StartAsync(int port)
            {
                var listener = new TcpListener(IPAddress.Any, port);
                listener.Server.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                listener.Server.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
                listener.Start();
                return AcceptLoopAsync(listener);
            }

            private async Task AcceptLoopAsync(TcpListener listener)
            {
                while (true)
                {
                    var peer = await listener.AcceptTcpClientAsync();
                    lock (_peers) _peers.Add(peer);
                }
            }
        }
        """;

    [Fact]
    public Task Listener_configured_by_the_method_that_starts_the_accept_loop() => Verify.VerifyAsync(ListenerConfiguredByCaller);

    private const string ListenerConfiguredByHelper = """
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        namespace Vnc;

        public static class ListenerSetup
        {
            public static void Harden(TcpListener listener)
            {
                listener.ExclusiveAddressUse = true;
                listener.Server.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 45);
                listener.Server.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
            }
        }

        public sealed class VncRepeater
        {
            private readonly Dictionary<int, TcpClient> _viewers = new();

            public async Task RunAsync()
            {
                var listener = new TcpListener(IPAddress.Any, 5900);
                ListenerSetup.Harden(listener);
                listener.Start();
                for (var id = 0; ; id++)
                {
                    _viewers[id] = await listener.AcceptTcpClientAsync();
                }
            }
        }
        """;

    [Fact]
    public Task Listener_configured_by_a_helper_in_another_class() => Verify.VerifyAsync(ListenerConfiguredByHelper);

    private const string SaeaSessionConnectAppliesServerOptions = """
        using System.Net.Sockets;

        namespace Net.Core;

        public sealed class ServerOptions
        {
            public bool KeepAlive { get; set; }
            public int TcpKeepAliveTime { get; set; } = -1;
            public int TcpKeepAliveInterval { get; set; } = -1;
        }

        public sealed class Session
        {
            private readonly ServerOptions _options;

            public Session(ServerOptions options) => _options = options;

            public Socket? Socket { get; private set; }

            public void Connect(Socket socket)
            {
                Socket = socket;
                if (_options.KeepAlive)
                    Socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                if (_options.TcpKeepAliveTime >= 0)
                    Socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, _options.TcpKeepAliveTime);
                if (_options.TcpKeepAliveInterval >= 0)
                    Socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, _options.TcpKeepAliveInterval);
            }
        }

        public sealed class Server
        {
            private readonly ServerOptions _options = new();
            private readonly System.Collections.Generic.List<Session> _sessions = new();
            private Socket? _acceptor;

            public void Start(Socket acceptor)
            {
                _acceptor = acceptor;
                var args = new SocketAsyncEventArgs();
                args.Completed += (_, e) => ProcessAccept(e);
                StartAccept(args);
            }

            private void StartAccept(SocketAsyncEventArgs e)
            {
                e.AcceptSocket = null;
                if (!_acceptor!.AcceptAsync(e)) ProcessAccept(e);
            }

            private void ProcessAccept(SocketAsyncEventArgs e)
            {
                var session = new Session(_options);
                _sessions.Add(session);
                session.Connect(e.AcceptSocket!);
                StartAccept(e);
            }
        }
        """;

    [Fact]
    public Task SocketAsyncEventArgs_session_applying_server_options() => Verify.VerifyAsync(SaeaSessionConnectAppliesServerOptions);

    private const string ListenerFactoryConfigures = """
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;

        namespace Pubsub;

        public sealed class PubsubServer
        {
            private readonly List<Socket> _subscribers = new();
            private Socket? _listener;

            public void Start(int port)
            {
                _listener = CreateListener();
                _listener.Bind(new IPEndPoint(IPAddress.Any, port));
                _listener.Listen(256);
                while (true)
                {
                    _subscribers.Add(_listener.Accept());
                }
            }

            private static Socket CreateListener()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
                return socket;
            }
        }
        """;

    [Fact]
    public Task Listener_configured_by_its_factory_method() => Verify.VerifyAsync(ListenerFactoryConfigures);
}
