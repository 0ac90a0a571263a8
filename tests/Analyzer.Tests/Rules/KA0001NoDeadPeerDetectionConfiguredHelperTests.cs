using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>Client connections configured away from the creation: in helpers, extension and local functions, factories and aliases.</summary>
public class KA0001NoDeadPeerDetectionConfiguredHelperTests
{
    private const string SourceExtensionMethod = """
        using System.Collections.Generic;
        using System.Net.Sockets;

        namespace Relay.Net
        {
            internal static class SocketExtensions
            {
                public static Socket WithDeadPeerDetection(this Socket socket, int idleSeconds = 30)
                {
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                    socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, idleSeconds);
                    socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
                    return socket;
                }
            }

            public sealed class Tunnel
            {
                private readonly List<Socket> _legs = new();

                public void Open(string host, int port)
                {
                    var leg = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    leg.WithDeadPeerDetection();
                    leg.Connect(host, port);
                    _legs.Add(leg);
                }
            }
        }
        """;

    [Fact]
    public Task Extension_method_in_source_configures() => Verify.VerifyAsync(SourceExtensionMethod);

    private const string HelperTakingTheClient = """
        using System.Net.Sockets;

        namespace Scada;

        internal static class ClientTuning
        {
            public static void Apply(TcpClient client, int idleSeconds)
            {
                client.NoDelay = true;
                client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, idleSeconds);
            }
        }

        public sealed class RtuLink
        {
            private readonly TcpClient _client;

            public RtuLink(string host)
            {
                _client = new TcpClient(host, 20000);
                ClientTuning.Apply(_client, idleSeconds: 20);
            }

            public int Read(byte[] frame) => _client.GetStream().Read(frame, 0, frame.Length);
        }
        """;

    [Fact]
    public Task Helper_taking_the_TcpClient_configures_its_socket() => Verify.VerifyAsync(HelperTakingTheClient);

    private const string LocalFunctionConfigures = """
        using System;
        using System.Collections.Generic;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class Subscriptions
        {
            private readonly Dictionary<string, Socket> _byTopic = new();

            public async Task SubscribeAsync(string topic, string host, int port)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                Harden(socket);
                await socket.ConnectAsync(host, port);
                _byTopic[topic] = socket;

                static void Harden(Socket s)
                {
                    s.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 10);
                    s.SetRawSocketOption(6, 18, BitConverter.GetBytes(15_000));
                }
            }
        }
        """;

    [Fact]
    public Task Local_function_configures() => Verify.VerifyAsync(LocalFunctionConfigures);

    private const string OptionsDrivenTimings = """
        using System;
        using System.Net.Sockets;

        namespace Worker;

        public sealed class KeepAliveSettings
        {
            public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(60);
            public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);
            public int Probes { get; init; } = 5;
        }

        public sealed class CoordinatorConnection
        {
            private readonly Socket _socket;

            public CoordinatorConnection(string host, KeepAliveSettings settings)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (int)settings.Idle.TotalSeconds);
                _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, (int)settings.Interval.TotalSeconds);
                _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, settings.Probes);
                _socket.Connect(host, 7077);
            }

            public int Receive(Span<byte> buffer) => _socket.Receive(buffer);
        }
        """;

    [Fact]
    public Task Timings_read_from_settings() => Verify.VerifyAsync(OptionsDrivenTimings);

    private const string KeepAliveOnWithWindowsOnlyTuning = """
        using System;
        using System.Collections.Generic;
        using System.Net.Sockets;

        public sealed class ScannerLink
        {
            private readonly List<TcpClient> _scanners = new();

            public void Add(string host)
            {
                var scanner = new TcpClient(host, 9004);
                scanner.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                if (OperatingSystem.IsWindows())
                {
                    scanner.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                }

                _scanners.Add(scanner);
            }
        }
        """;

    [Fact]
    public Task Keepalive_on_everywhere_tuned_on_Windows_is_left_to_KA0002() => Verify.VerifyAsync(KeepAliveOnWithWindowsOnlyTuning);

    private const string FluentFactoryConfiguring = """
        using System.Net;
        using System.Net.Sockets;

        namespace Db.Wire;

        internal static class Sockets
        {
            public static Socket Tuned(Socket socket)
            {
                socket.NoDelay = true;
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                return socket;
            }
        }

        public sealed class WireConnection
        {
            private readonly Socket _socket;

            public WireConnection(IPEndPoint server)
            {
                _socket = Sockets.Tuned(new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
                _socket.Connect(server);
            }

            public int Read(byte[] buffer) => _socket.Receive(buffer);
        }
        """;

    [Fact]
    public Task Fluent_helper_configures_and_returns_the_socket() => Verify.VerifyAsync(FluentFactoryConfiguring);

    private const string CrossPlatformNumericHelper = """
        using System;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        namespace Portable.Net
        {
            // A netstandard2.0 library: the TcpKeepAlive* enum members do not exist there.
            public static class KeepAliveSetter
            {
                private const SocketOptionName TcpKeepAliveTime = (SocketOptionName)3;
                private const SocketOptionName TcpKeepAliveInterval = (SocketOptionName)17;

                public static void Enable(Socket socket, int idleSeconds, int intervalSeconds)
                {
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                    if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                    {
                        var values = new byte[12];
                        BitConverter.GetBytes(1).CopyTo(values, 0);
                        BitConverter.GetBytes(idleSeconds * 1000).CopyTo(values, 4);
                        BitConverter.GetBytes(intervalSeconds * 1000).CopyTo(values, 8);
                        socket.IOControl(IOControlCode.KeepAliveValues, values, null);
                    }
                    else
                    {
                        socket.SetSocketOption(SocketOptionLevel.Tcp, TcpKeepAliveTime, idleSeconds);
                        socket.SetSocketOption(SocketOptionLevel.Tcp, TcpKeepAliveInterval, intervalSeconds);
                    }
                }
            }

            public sealed class LogShipper
            {
                private readonly TcpClient _client = new TcpClient();

                public void Connect(string host)
                {
                    _client.Connect(host, 5044);
                    KeepAliveSetter.Enable(_client.Client, 30, 5);
                }

                public void Ship(byte[] batch) => _client.GetStream().Write(batch, 0, batch.Length);
            }
        }
        """;

    [Theory]
    [InlineData(Verifiers.TestTargetFramework.Net80)]
    [InlineData(Verifiers.TestTargetFramework.NetStandard20)]
    public Task Portable_helper_with_numeric_option_names(Verifiers.TestTargetFramework framework) =>
        Verify.VerifyAsync(CrossPlatformNumericHelper, new() { TargetFramework = framework });

    private const string ConfiguredBeforeWrappingInStreamField = """
        using System.IO;
        using System.Net;
        using System.Net.Sockets;
        using KeepAlive;

        public sealed class JournalReplicator
        {
            private readonly Stream _stream;

            public JournalReplicator(IPEndPoint follower)
            {
                var socket = new Socket(follower.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(follower);
                TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { UserTimeout = System.TimeSpan.FromSeconds(30) });
                _stream = new BufferedStream(new NetworkStream(socket, ownsSocket: true));
            }

            public void Append(byte[] entry) => _stream.Write(entry, 0, entry.Length);
        }
        """;

    [Fact]
    public Task Configured_before_being_wrapped_in_a_stream_field() =>
        Verify.VerifyAsync(ConfiguredBeforeWrappingInStreamField, new() { ReferenceKeepAliveRuntime = true });

    private const string SwitchOnPlatformConfiguringEverywhere = """
        using System;
        using System.Collections.Generic;
        using System.Net.Sockets;

        public sealed class Turnstiles
        {
            private readonly List<Socket> _gates = new();

            public void Add(Socket listener)
            {
                var gate = listener.Accept();
                switch (Environment.OSVersion.Platform)
                {
                    case PlatformID.Win32NT:
                        gate.IOControl(IOControlCode.KeepAliveValues, new byte[] { 1, 0, 0, 0, 0x30, 0x75, 0, 0, 0xE8, 0x03, 0, 0 }, null);
                        break;
                    default:
                        gate.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                        break;
                }

                _gates.Add(gate);
            }
        }
        """;

    [Fact]
    public Task Switch_on_the_platform_configuring_every_case() => Verify.VerifyAsync(SwitchOnPlatformConfiguringEverywhere);

    private const string PrivateFactoryConfiguresForGenericRegistry = """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using KeepAlive;

        namespace Iot.Gateway;

        public sealed class DeviceConnections<TDeviceId> where TDeviceId : notnull
        {
            private readonly Dictionary<TDeviceId, TcpClient> _connections = new();

            public void Ensure(TDeviceId id, string host, int port)
            {
                if (!_connections.ContainsKey(id))
                {
                    _connections[id] = Open(host, port);
                }
            }

            private static TcpClient Open(string host, int port)
            {
                var client = new TcpClient(host, port);
                TcpKeepAlive.Configure(client);
                return client;
            }
        }
        """;

    [Fact]
    public Task Private_factory_configures_for_a_generic_registry() =>
        Verify.VerifyAsync(PrivateFactoryConfiguresForGenericRegistry, new() { ReferenceKeepAliveRuntime = true });

    private const string ExtensionWithEarlyReturnOnDefault = """
        using System.Net.Sockets;

        namespace Db.Driver
        {
            internal static class SocketKeepAliveExtensions
            {
                public static void SetKeepAlive(this Socket socket, uint keepAliveSeconds)
                {
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                    if (keepAliveSeconds == 0)
                    {
                        return;
                    }

                    socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 1);
                    socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (int)keepAliveSeconds);
                }
            }

            public sealed class ServerSession
            {
                private TcpClient? _tcpClient;
                private Socket? _socket;

                public void Open(string host, int port, uint keepAlive)
                {
                    TcpClient? tcpClient = null;
                    try
                    {
                        tcpClient = new(AddressFamily.InterNetwork);
                        tcpClient.Connect(host, port);
                    }
                    catch (SocketException)
                    {
                        tcpClient?.Dispose();
                        throw;
                    }

                    _tcpClient = tcpClient;
                    _socket = _tcpClient.Client;
                    _socket.SetKeepAlive(keepAlive);
                }

                public int Receive(byte[] buffer) => _socket!.Receive(buffer);
            }
        }
        """;

    [Fact]
    public Task Extension_tuning_after_an_early_return_on_the_default_value() => Verify.VerifyAsync(ExtensionWithEarlyReturnOnDefault);

    private const string VirtualFactoryCallerConfiguresProperty = """
        using System.Net;
        using System.Net.Sockets;

        namespace Net.Core;

        public class TcpChannel
        {
            private readonly IPEndPoint _endpoint;

            public TcpChannel(IPEndPoint endpoint) => _endpoint = endpoint;

            public int KeepAliveTime { get; set; } = 60;

            public Socket? Socket { get; private set; }

            protected virtual Socket CreateSocket() => new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);

            public void Connect()
            {
                Socket = CreateSocket();
                Socket.Connect(_endpoint);
                Socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                Socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, KeepAliveTime);
            }

            public int Receive(byte[] buffer) => Socket!.Receive(buffer);
        }
        """;

    [Fact]
    public Task Virtual_factory_whose_caller_configures_the_property() => Verify.VerifyAsync(VirtualFactoryCallerConfiguresProperty);

    private const string ConditionalCreationConfiguredByParameterlessHelper = """
        using System.Net;
        using System.Net.Sockets;

        namespace Simple.Tcp;

        public sealed class SimpleClient
        {
            private readonly IPEndPoint? _local;
            private readonly bool _keepalives;
            private TcpClient _client = null!;

            public SimpleClient(IPEndPoint? local, bool keepalives) => (_local, _keepalives) = (local, keepalives);

            private void InitializeClient(AddressFamily family) =>
                _client = _local is null ? new TcpClient(family) : new TcpClient(_local);

            public void Connect(string host, int port)
            {
                InitializeClient(AddressFamily.InterNetwork);
                _client.Connect(host, port);
                if (_keepalives) EnableKeepalives();
            }

            private void EnableKeepalives()
            {
                _client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                _client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 5);
                _client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
            }

            public int Read(byte[] buffer) => _client.GetStream().Read(buffer, 0, buffer.Length);
        }
        """;

    [Fact]
    public Task Conditional_creation_configured_by_a_parameterless_helper() => Verify.VerifyAsync(ConditionalCreationConfiguredByParameterlessHelper);
}
