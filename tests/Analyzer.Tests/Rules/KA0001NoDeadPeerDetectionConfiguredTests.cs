using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Long-lived connections that already have tuned keepalive or a user timeout (or keepalive with OS timings,
/// which is KA0002's): every form of configuration the analyzer can follow keeps KA0001 quiet. The unconfigured
/// templates are reported (see the controls at the end), so each case here fails if its configuration is missed.
/// </summary>
public class KA0001NoDeadPeerDetectionConfiguredTests
{
    /// <summary>A socket kept in a field and read on a background thread; <c>/*configure*/</c> is replaced per case.</summary>
    internal const string SocketTemplate = """
        using System;
        using System.Net.Sockets;
        using System.Threading;
        using KeepAlive;

        public sealed class FeedConnection : IDisposable
        {
            private Socket? _socket;

            public event Action<byte[], int>? Received;

            public void Open(string host, int port)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                /*configure*/
                socket.Connect(host, port);
                _socket = socket;
                new Thread(Pump) { IsBackground = true, Name = "feed" }.Start();
            }

            private void Pump()
            {
                var buffer = new byte[4096];
                int read;
                while ((read = _socket!.Receive(buffer)) > 0)
                {
                    Received?.Invoke(buffer, read);
                }
            }

            public void Dispose() => _socket?.Dispose();
        }
        """;

    private static Task VerifySocket(string configuration, TestTargetFramework framework) =>
        Verify.VerifyAsync(SocketTemplate.Replace("/*configure*/", configuration), new() { TargetFramework = framework, ReferenceKeepAliveRuntime = true });

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60); socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10); socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60);")]
    [InlineData("socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(30_000));")]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, KeepAliveValues(), null);")]
    [InlineData("TcpKeepAlive.Configure(socket);")]
    [InlineData("socket.ConfigureTcpKeepAlive(new TcpKeepAliveOptions { Idle = TimeSpan.FromSeconds(30) });")]
    [InlineData("if (OperatingSystem.IsLinux()) socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(30_000));")]
    [InlineData("if (OperatingSystem.IsWindows()) socket.IOControl(IOControlCode.KeepAliveValues, KeepAliveValues(), null); else socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);")]
    [InlineData("try { socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60); } catch (PlatformNotSupportedException) { }")]
    [InlineData("if (!OperatingSystem.IsWindows()) socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(30_000));")]
    [InlineData("if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);")]
    [InlineData("if (OperatingSystem.IsWindows()) { socket.IOControl(IOControlCode.KeepAliveValues, KeepAliveValues(), null); } else { socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(30_000)); }")]
    [InlineData("socket.SetRawSocketOption(6, 4, BitConverter.GetBytes(30));")]
    [InlineData("socket.SetRawSocketOption(6, 0x80, BitConverter.GetBytes(30_000));")]
    [InlineData("socket.SetSocketOption((SocketOptionLevel)6, (SocketOptionName)3, 60);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, optionValue: 60);")]
    [InlineData("TcpKeepAlive.Configure(options: new TcpKeepAliveOptions { ProbeCount = 4 }, socket: socket);")]
    [InlineData("var result = TcpKeepAlive.Configure(socket); if (result.AllApplied) Console.WriteLine(\"dead-peer detection on\");")]
    public Task Tuned_keepalive_or_user_timeout_on_net8(string configuration) =>
        VerifySocket(configuration.Replace("KeepAliveValues()", KeepAliveValuesBytes), TestTargetFramework.Net80);

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)17, 10);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)16, 6);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60); socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)17, 10); socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)16, 6);")]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, KeepAliveValues(), null);")]
    [InlineData("socket.IOControl(unchecked((int)0x98000004), KeepAliveValues(), null);")]
    [InlineData("TcpKeepAlive.Configure(socket);")]
    [InlineData("socket.SetSocketOption((SocketOptionLevel)6, (SocketOptionName)3, 60);")]
    [InlineData("TcpKeepAliveExtensions.ConfigureTcpKeepAlive(socket);")]
    public Task Tuned_keepalive_on_netstandard20(string configuration) =>
        VerifySocket(configuration.Replace("KeepAliveValues()", KeepAliveValuesBytes), TestTargetFramework.NetStandard20);

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);", TestTargetFramework.Net80)]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, 1);", TestTargetFramework.Net80)]
    [InlineData("socket.SetRawSocketOption(1, 9, BitConverter.GetBytes(1));", TestTargetFramework.Net80)]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);", TestTargetFramework.NetStandard20)]
    public Task Keepalive_with_OS_timings_is_left_to_KA0002(string configuration, TestTargetFramework framework) =>
        VerifySocket(configuration, framework);

    /// <summary>The Windows tcp_keepalive struct (on, 30 s idle, 5 s interval) as the byte[] IOControl takes.</summary>
    private const string KeepAliveValuesBytes = "new byte[] { 1, 0, 0, 0, 0x30, 0x75, 0, 0, 0x88, 0x13, 0, 0 }";

    /// <summary>A TcpClient kept in a field, configured through one of its aliases.</summary>
    internal const string ClientTemplate = """
        using System;
        using System.Net.Sockets;
        using KeepAlive;

        public sealed class PrinterLink
        {
            private readonly TcpClient _client = new();

            public void Open(string host)
            {
                _client.Connect(host, 9100);
                /*configure*/
            }

            public void Print(byte[] job) => _client.GetStream().Write(job, 0, job.Length);

            private static void Tune(Socket socket)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
            }
        }
        """;

    [Theory]
    [InlineData("_client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);")]
    [InlineData("var raw = _client.Client; raw.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);")]
    [InlineData("_client.GetStream().Socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(20_000));")]
    [InlineData("TcpKeepAlive.Configure(_client);")]
    [InlineData("TcpKeepAlive.Configure(_client.Client);")]
    [InlineData("_client.ConfigureTcpKeepAlive();")]
    [InlineData("_client.Client.ConfigureTcpKeepAlive();")]
    [InlineData("Tune(_client.Client);")]
    [InlineData("_client.Client?.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);")]
    [InlineData("_client.Client!.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);")]
    [InlineData("(_client.Client).SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 4);")]
    [InlineData("Tune(socket: _client.Client);")]
    [InlineData("var stream = _client.GetStream(); TcpKeepAlive.Configure(stream.Socket);")]
    [InlineData("if (_client.Client is { } socket) socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);")]
    [InlineData("if (_client.Client is Socket socket) TcpKeepAlive.Configure(socket);")]
    public Task Client_configured_through_an_alias(string configuration) =>
        Verify.VerifyAsync(ClientTemplate.Replace("/*configure*/", configuration), new() { ReferenceKeepAliveRuntime = true });

    private const string ConfiguredWhenTheUserAsks = """
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        namespace Amqp.Lite;

        public sealed class ConnectionOptions
        {
            public bool DetectDeadPeers { get; set; }
        }

        public sealed class AmqpConnection
        {
            private readonly ConnectionOptions _options;
            private TcpClient? _client;

            public AmqpConnection(ConnectionOptions options) => _options = options;

            public async Task OpenAsync(string host)
            {
                _client = new TcpClient();
                if (_options.DetectDeadPeers)
                {
                    TcpKeepAlive.Configure(_client);
                }

                await _client.ConnectAsync(host, 5672);
            }

            public Task<int> ReadFrameAsync(byte[] buffer) => _client!.GetStream().ReadAsync(buffer, 0, buffer.Length);
        }
        """;

    [Fact]
    public Task Configured_behind_a_user_option() =>
        Verify.VerifyAsync(ConfiguredWhenTheUserAsks, new() { ReferenceKeepAliveRuntime = true });

    private const string ConfiguredInFieldMethod = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class ReplicaLink
        {
            private Socket? _socket;

            public void Connect(IPEndPoint primary)
            {
                var socket = new Socket(primary.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(primary);
                _socket = socket;
                EnableDeadPeerDetection();
            }

            private void EnableDeadPeerDetection()
            {
                _socket!.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 15);
                _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
                _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3);
            }

            public int Pull(byte[] buffer) => _socket!.Receive(buffer);
        }
        """;

    [Fact]
    public Task Configured_through_the_field_in_another_method() => Verify.VerifyAsync(ConfiguredInFieldMethod);

    private const string TuningHelperClass = """
        using System;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        namespace Shared.Networking;

        public static class SocketTuning
        {
            public static void ApplyKeepAlive(Socket socket, TimeSpan idle)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null);
                }
                else
                {
                    socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (int)idle.TotalSeconds);
                }
            }
        }
        """;

    private const string ServerUsingTuningHelper = """
        using System;
        using System.Collections.Concurrent;
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using Shared.Networking;

        namespace Game.Server;

        public sealed class MatchServer
        {
            private readonly ConcurrentDictionary<int, Socket> _players = new();
            private int _nextId;

            public async Task AcceptAsync(Socket listener)
            {
                while (true)
                {
                    var player = await listener.AcceptAsync();
                    SocketTuning.ApplyKeepAlive(player, TimeSpan.FromSeconds(20));
                    _players[_nextId++] = player;
                }
            }
        }
        """;

    [Fact]
    public Task Configured_by_a_helper_class_in_another_file() =>
        Verify.VerifyAsync([ServerUsingTuningHelper, TuningHelperClass]);

    private const string HandlerConfiguresInConstructor = """
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;
        using KeepAlive;

        namespace Telnet;

        public sealed class TelnetServer
        {
            public async Task RunAsync(TcpListener listener, CancellationToken cancellationToken)
            {
                listener.Start();
                while (!cancellationToken.IsCancellationRequested)
                {
                    var client = await listener.AcceptTcpClientAsync(cancellationToken);
                    var session = new TelnetSession(client);
                    _ = session.RunAsync(cancellationToken);
                }
            }
        }

        public sealed class TelnetSession
        {
            private readonly TcpClient _client;

            public TelnetSession(TcpClient client)
            {
                TcpKeepAlive.Configure(client);
                _client = client;
            }

            public async Task RunAsync(CancellationToken cancellationToken)
            {
                var buffer = new byte[512];
                var stream = _client.GetStream();
                while (await stream.ReadAsync(buffer, cancellationToken) > 0) { }
            }
        }
        """;

    [Fact]
    public Task Session_constructor_configures_the_accepted_client() =>
        Verify.VerifyAsync(HandlerConfiguresInConstructor, new() { ReferenceKeepAliveRuntime = true });

    private const string SaeaServerConfiguringAcceptSocket = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class PushServer
        {
            private readonly Socket _listener = new(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            private readonly System.Collections.Generic.List<Socket> _subscribers = new();

            public void Start()
            {
                _listener.Bind(new IPEndPoint(IPAddress.IPv6Any, 8883));
                _listener.Listen(256);
                var args = new SocketAsyncEventArgs();
                args.Completed += (_, e) => OnAccepted(e);
                Accept(args);
            }

            private void Accept(SocketAsyncEventArgs args)
            {
                args.AcceptSocket = null;
                if (!_listener.AcceptAsync(args)) OnAccepted(args);
            }

            private void OnAccepted(SocketAsyncEventArgs e)
            {
                var accepted = e.AcceptSocket!;
                accepted.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                accepted.SetRawSocketOption(6, 18, System.BitConverter.GetBytes(45_000));
                lock (_subscribers) _subscribers.Add(accepted);
                Accept(e);
            }
        }
        """;

    [Fact]
    public Task SocketAsyncEventArgs_server_configuring_AcceptSocket() => Verify.VerifyAsync(SaeaServerConfiguringAcceptSocket);

    private const string ConfiguredTcpListener = """
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class BrokerFrontend
        {
            private readonly TcpListener _listener = new(IPAddress.Any, 1883);
            private readonly List<TcpClient> _clients = new();

            public async Task StartAsync()
            {
                /*listener*/
                _listener.Start();
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync();
                    lock (_clients) _clients.Add(client);
                    _ = Task.Run(() => Serve(client));
                }
            }

            private static async Task Serve(TcpClient client)
            {
                var buffer = new byte[1024];
                while (await client.GetStream().ReadAsync(buffer, 0, buffer.Length) > 0) { }
            }
        }
        """;

    [Theory]
    [InlineData("_listener.Server.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);")]
    [InlineData("_listener.Server.SetRawSocketOption(6, 18, System.BitConverter.GetBytes(60_000));")]
    [InlineData("KeepAlive.TcpKeepAlive.Configure(_listener.Server);")]
    [InlineData("_listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);")]
    public Task Clients_accepted_from_a_configured_TcpListener_inherit_it(string configuration) =>
        Verify.VerifyAsync(ConfiguredTcpListener.Replace("/*listener*/", configuration), new() { ReferenceKeepAliveRuntime = true });

    private const string ConfiguredListeningSocket = """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;

        public static class SensorIngest
        {
            public static void Run(int port, CancellationToken stop)
            {
                var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                listener.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 20);
                listener.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
                listener.Bind(new IPEndPoint(IPAddress.Any, port));
                listener.Listen(100);
                while (!stop.IsCancellationRequested)
                {
                    var sensor = listener.Accept();
                    ThreadPool.QueueUserWorkItem(_ =>
                    {
                        var buffer = new byte[64];
                        while (sensor.Receive(buffer) > 0) { }
                    });
                }
            }
        }
        """;

    [Fact]
    public Task Sockets_accepted_from_a_configured_listening_socket() => Verify.VerifyAsync(ConfiguredListeningSocket);

    private const string ReconnectingClientConfiguresEachConnection = """
        using System;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;
        using KeepAlive;

        namespace Stomp;

        public sealed class StompClient
        {
            private TcpClient? _client;

            public async Task RunAsync(string host, CancellationToken cancellationToken)
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    _client = await ConnectCoreAsync(host, cancellationToken);
                    var buffer = new byte[2048];
                    try
                    {
                        while (await _client.GetStream().ReadAsync(buffer, cancellationToken) > 0) { }
                    }
                    catch (System.IO.IOException)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                    }
                }
            }

            private static async Task<TcpClient> ConnectCoreAsync(string host, CancellationToken cancellationToken)
            {
                var client = new TcpClient();
                client.ConfigureTcpKeepAlive(new TcpKeepAliveOptions { Idle = TimeSpan.FromSeconds(30), UserTimeout = TimeSpan.FromSeconds(60) });
                await client.ConnectAsync(host, 61613, cancellationToken);
                return client;
            }
        }
        """;

    [Fact]
    public Task Reconnecting_client_configuring_each_new_connection() =>
        Verify.VerifyAsync(ReconnectingClientConfiguresEachConnection, new() { ReferenceKeepAliveRuntime = true });

    private const string PartialConnectPart = """
        using System.Net.Sockets;

        namespace Historian;

        public sealed partial class HistorianClient
        {
            private TcpClient? _client;

            public void Connect(string host)
            {
                _client = new TcpClient(host, 5450);
                Configure();
            }

            public int ReadSample() => _client!.GetStream().ReadByte();
        }
        """;

    private const string PartialConfigurePart = """
        using System.Net.Sockets;

        namespace Historian;

        public sealed partial class HistorianClient
        {
            private void Configure()
            {
                var socket = _client!.Client;
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 45);
            }
        }
        """;

    [Fact]
    public Task Partial_class_configuring_the_field_in_another_part() =>
        Verify.VerifyAsync([PartialConnectPart, PartialConfigurePart]);

    private const string GenericConnectionWithUserTimeout = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;

        namespace Cluster;

        public sealed class PeerTable<TNodeId> where TNodeId : notnull
        {
            private readonly Dictionary<TNodeId, Socket> _peers = new();

            public void Join(TNodeId id, IPEndPoint endPoint)
            {
                var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                if (OperatingSystem.IsLinux())
                {
                    socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(10_000));
                }
                else
                {
                    socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 10);
                }

                socket.Connect(endPoint);
                _peers.Add(id, socket);
            }
        }
        """;

    [Fact]
    public Task Generic_peer_table_with_a_user_timeout() => Verify.VerifyAsync(GenericConnectionWithUserTimeout);

    private const string RecordWrapperConfiguredFirst = """
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        namespace Jobs;

        public sealed record WorkerChannel(TcpClient Client)
        {
            public NetworkStream Stream => Client.GetStream();
        }

        public static class WorkerDialer
        {
            public static async Task<WorkerChannel> DialAsync(string host)
            {
                var client = new TcpClient();
                await client.ConnectAsync(host, 7300);
                TcpKeepAlive.Configure(client);
                return new WorkerChannel(client);
            }
        }
        """;

    [Fact]
    public Task Record_wrapping_a_connection_configured_before_it_is_returned() =>
        Verify.VerifyAsync(RecordWrapperConfiguredFirst, new() { ReferenceKeepAliveRuntime = true });

    private const string ApmAcceptConfigured = """
        using System;
        using System.Net.Sockets;

        public sealed class ApmServer
        {
            private readonly Socket _listener;

            public ApmServer(Socket listener) => _listener = listener;

            public void Start() => _listener.BeginAccept(OnAccept, null);

            private void OnAccept(IAsyncResult result)
            {
                var handler = _listener.EndAccept(result);
                handler.IOControl(IOControlCode.KeepAliveValues, new byte[] { 1, 0, 0, 0, 0x10, 0x27, 0, 0, 0xE8, 0x03, 0, 0 }, null);
                var buffer = new byte[1024];
                handler.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnReceive, Tuple.Create(handler, buffer));
                _listener.BeginAccept(OnAccept, null);
            }

            private static void OnReceive(IAsyncResult result)
            {
                var (handler, buffer) = (Tuple<Socket, byte[]>)result.AsyncState!;
                if (handler.EndReceive(result) > 0) handler.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnReceive, result.AsyncState);
            }
        }
        """;

    [Fact]
    public Task Apm_accept_configured_with_IOControl() => Verify.VerifyAsync(ApmAcceptConfigured);

    [Theory]
    [InlineData(TestTargetFramework.Net80)]
    [InlineData(TestTargetFramework.NetStandard20)]
    public Task Control_unconfigured_socket_template_is_reported(TestTargetFramework framework) =>
        Verify.VerifyAsync(
            SocketTemplate.Replace("new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)", "[|new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|]"),
            new() { TargetFramework = framework, ReferenceKeepAliveRuntime = true });

    [Fact]
    public Task Control_unconfigured_client_template_is_reported() =>
        Verify.VerifyAsync(ClientTemplate.Replace("_client = new();", "_client = [|new()|];"), new() { ReferenceKeepAliveRuntime = true });

    [Fact]
    public Task Control_unconfigured_listener_template_is_reported() =>
        Verify.VerifyAsync(ConfiguredTcpListener.Replace("await _listener.AcceptTcpClientAsync()", "await [|_listener.AcceptTcpClientAsync()|]"));
}
