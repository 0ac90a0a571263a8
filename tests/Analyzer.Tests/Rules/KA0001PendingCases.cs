// Tests on which the analyzer disagrees with the rule, filed in /tmp/team/ka0001-findings.md. Compiled out until the
// lead marks the finding FIXED; then the test moves into the class named in its comment.
#if KA0001_PENDING
using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetectionAnalyzer>;

namespace KeepAliveAnalyzers.Tests.Rules;

public class KA0001PendingCases
{
    // F4, belongs in KA0001NoDeadPeerDetectionAnalyzerDiagnosticTests
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

    // F5, belongs in KA0001NoDeadPeerDetectionAnalyzerDiagnosticTests
    private const string WindowsOnlySwitchCase = """
        using System;
        using System.Collections.Generic;
        using System.Net.Sockets;

        public sealed class BadgeReaders
        {
            private readonly List<Socket> _readers = new();

            public void Add(Socket listener)
            {
                var reader = [|listener.Accept()|];
                switch (Environment.OSVersion.Platform)
                {
                    case PlatformID.Win32NT:
                        reader.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                        break;
                }

                _readers.Add(reader);
            }
        }
        """;

    [Fact]
    public Task Keepalive_tuned_only_in_the_Win32NT_case_of_a_switch() => Verify.VerifyAsync(WindowsOnlySwitchCase);

    // F6, belongs in KA0001NoDeadPeerDetectionAnalyzerHandOffTests
    [Theory]
    [InlineData("Accepted?.Invoke(this, client);")]
    [InlineData("_onAccepted(client);")]
    public Task Unconfigured_connection_raised_to_subscribers_is_reported(string handOff) =>
        Verify.VerifyAsync(KA0001NoDeadPeerDetectionAnalyzerHandOffTests.Fill(handOff, mark: true), new() { ReferenceKeepAliveRuntime = true });

    // F7, belongs in KA0001NoDeadPeerDetectionAnalyzerConfiguredElsewhereTests
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

    // F8, belongs in KA0001NoDeadPeerDetectionAnalyzerSiteFormsTests (add [InlineData(TestTargetFramework.NetStandard20)] to both theories)
    [Fact]
    public Task Task_based_socket_accept_on_netstandard20() =>
        Verify.VerifyAsync(
            KA0001NoDeadPeerDetectionAnalyzerSiteFormsTests.TaskAcceptIntoPeerList,
            new() { TargetFramework = KeepAliveAnalyzers.Tests.Verifiers.TestTargetFramework.NetStandard20 });

    [Fact]
    public Task Task_based_receive_loop_on_netstandard20() =>
        Verify.VerifyAsync(
            KA0001NoDeadPeerDetectionAnalyzerSiteFormsTests.TaskReceiveLoopOnLocalSocket,
            new() { TargetFramework = KeepAliveAnalyzers.Tests.Verifiers.TestTargetFramework.NetStandard20 });

    // F9, belongs in KA0001NoDeadPeerDetectionAnalyzerConfiguredTests (as InlineData of Client_configured_through_an_alias)
    [Theory]
    [InlineData("if (_client.Client is { } socket) socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);")]
    [InlineData("if (_client.Client is Socket socket) TcpKeepAlive.Configure(socket);")]
    public Task Client_configured_through_a_pattern_variable(string configuration) =>
        Verify.VerifyAsync(
            KA0001NoDeadPeerDetectionAnalyzerConfiguredTests.ClientTemplate.Replace("/*configure*/", configuration),
            new() { ReferenceKeepAliveRuntime = true });

    // F10, belongs in KA0001NoDeadPeerDetectionAnalyzerDiagnosticTests
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
#endif
