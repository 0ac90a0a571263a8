using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Every way of creating or accepting a TCP connection, in the same long-lived setting: reported on the creation or
/// accept expression when unconfigured, quiet when the connection (or its listener) is configured.
/// </summary>
public class KA0001NoDeadPeerDetectionSiteFormsTests
{
    private const string ClientFormsTemplate = """
        using System.Net;
        using System.Net.Sockets;
        using KeepAlive;

        namespace Forms;

        public sealed class Upstream
        {
            private readonly string _host = "upstream.internal";
            private readonly int _port = 4000;
            private TcpClient? _client;

            public void Open()
            {
                _client = /*create*/;
                /*connect*/
                /*configure*/
            }

            public int Read(byte[] buffer) => _client!.GetStream().Read(buffer, 0, buffer.Length);
        }
        """;

    private static string Client(string creation, bool connects, string configure = "", bool mark = false) =>
        ClientFormsTemplate
            .Replace("/*create*/", mark ? "[|" + creation + "|]" : creation)
            .Replace("/*connect*/", connects ? "_client.Connect(_host, _port);" : "")
            .Replace("/*configure*/", configure);

    public static readonly TheoryData<string, bool> ClientCreations = new()
    {
        { "new TcpClient()", true },
        { "new TcpClient(AddressFamily.InterNetworkV6)", true },
        { "new TcpClient(new IPEndPoint(IPAddress.Any, 0))", true },
        { "new TcpClient(_host, _port)", false },
        { "new(_host, _port)", false },
        { "new System.Net.Sockets.TcpClient(_host, _port)", false },
    };

    [Theory]
    [MemberData(nameof(ClientCreations))]
    public Task Unconfigured_client_form_is_reported(string creation, bool connects) =>
        Verify.VerifyAsync(Client(creation, connects, mark: true), new() { ReferenceKeepAliveRuntime = true });

    [Theory]
    [MemberData(nameof(ClientCreations))]
    public Task Configured_client_form_is_quiet(string creation, bool connects) =>
        Verify.VerifyAsync(Client(creation, connects, configure: "TcpKeepAlive.Configure(_client);"), new() { ReferenceKeepAliveRuntime = true });

    [Theory]
    [MemberData(nameof(ClientCreations))]
    public Task Client_form_with_keepalive_on_is_left_to_KA0002(string creation, bool connects) =>
        Verify.VerifyAsync(
            Client(creation, connects, configure: "_client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);"),
            new() { ReferenceKeepAliveRuntime = true });

    private const string ShortLivedClientTemplate = """
        using System.Net;
        using System.Net.Sockets;

        namespace Forms;

        public sealed class StatusQuery
        {
            private readonly string _host = "upstream.internal";
            private readonly int _port = 4000;

            public int Ask()
            {
                /*declare*/
                /*connect*/
                var stream = client.GetStream();
                stream.WriteByte(0x01);
                return stream.ReadByte();
            }
        }
        """;

    [Theory]
    [MemberData(nameof(ClientCreations))]
    public Task Short_lived_client_form_is_quiet(string creation, bool connects) =>
        Verify.VerifyAsync(ShortLivedClientTemplate
            .Replace("/*declare*/", $"using TcpClient client = {creation};")
            .Replace("/*connect*/", connects ? "client.Connect(_host, _port);" : ""));

    private const string AcceptFormsTemplate = """
        using System;
        using System.Collections.Generic;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Forms;

        public sealed class Acceptor
        {
            private readonly List<IDisposable> _connections = new();

            public async Task AcceptAsync(TcpListener tcpListener, Socket socketListener, CancellationToken cancellationToken)
            {
                /*listeners*/
                while (!cancellationToken.IsCancellationRequested)
                {
                    var connection = /*accept*/;
                    /*configure*/
                    _connections.Add(connection);
                }
            }

            private static void Harden(Socket socket) => socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);

            private static void Harden(TcpClient client) => Harden(client.Client);
        }
        """;

    private static string Accept(string accept, string configure = "", string listeners = "", bool mark = false)
    {
        var marked = accept;
        if (mark)
        {
            var start = accept.StartsWith("await ", System.StringComparison.Ordinal) ? "await ".Length : 0;
            var end = accept.EndsWith(".GetAwaiter().GetResult()", System.StringComparison.Ordinal) ? accept.Length - ".GetAwaiter().GetResult()".Length
                : accept.EndsWith(".Result", System.StringComparison.Ordinal) ? accept.Length - ".Result".Length
                : accept.Length;
            marked = accept[..start] + "[|" + accept[start..end] + "|]" + accept[end..];
        }

        return AcceptFormsTemplate.Replace("/*accept*/", marked).Replace("/*configure*/", configure).Replace("/*listeners*/", listeners);
    }

    public static readonly TheoryData<string> AcceptForms = new()
    {
        "tcpListener.AcceptTcpClient()",
        "tcpListener.AcceptSocket()",
        "await tcpListener.AcceptTcpClientAsync()",
        "await tcpListener.AcceptTcpClientAsync(cancellationToken)",
        "await tcpListener.AcceptSocketAsync()",
        "await tcpListener.AcceptSocketAsync(cancellationToken)",
        "socketListener.Accept()",
        "await socketListener.AcceptAsync()",
        "await socketListener.AcceptAsync(cancellationToken)",
        "tcpListener.AcceptTcpClientAsync().GetAwaiter().GetResult()",
        "socketListener.AcceptAsync().Result",
    };

    private const string ShortLivedAcceptTemplate = """
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Forms;

        public sealed class Greeter
        {
            private static readonly byte[] Greeting = { 0x48, 0x49, 0x0A };

            public async Task ServeAsync(TcpListener tcpListener, Socket socketListener, CancellationToken cancellationToken)
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    using var connection = /*accept*/;
                    Greet(connection);
                }
            }

            private static void Greet(Socket socket) => socket.Send(Greeting);

            private static void Greet(TcpClient client) => client.GetStream().Write(Greeting, 0, Greeting.Length);
        }
        """;

    [Theory]
    [MemberData(nameof(AcceptForms))]
    public Task Short_lived_accept_form_is_quiet(string accept) =>
        Verify.VerifyAsync(ShortLivedAcceptTemplate.Replace("/*accept*/", accept));

    [Theory]
    [MemberData(nameof(AcceptForms))]
    public Task Unconfigured_accept_form_is_reported(string accept) => Verify.VerifyAsync(Accept(accept, mark: true));

    [Theory]
    [MemberData(nameof(AcceptForms))]
    public Task Accept_form_configured_by_a_helper_is_quiet(string accept) => Verify.VerifyAsync(Accept(accept, configure: "Harden(connection);"));

    [Theory]
    [MemberData(nameof(AcceptForms))]
    public Task Accept_form_from_configured_listeners_is_quiet(string accept) =>
        Verify.VerifyAsync(Accept(accept, listeners: "Harden(tcpListener.Server); Harden(socketListener);"));

    private const string TaskAcceptIntoPeerList = """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class MeshNode
        {
            private readonly List<Socket> _peers = new();

            public async Task AcceptPeersAsync(Socket listener)
            {
                while (true)
                {
                    var peer = await [|listener.AcceptAsync()|];
                    lock (_peers) _peers.Add(peer);
                }
            }
        }
        """;

    [Theory]
    [InlineData(TestTargetFramework.Net80)]
    [InlineData(TestTargetFramework.NetStandard20)]
    public Task Task_based_socket_accept_on_each_target_framework(TestTargetFramework framework) =>
        Verify.VerifyAsync(TaskAcceptIntoPeerList, new() { TargetFramework = framework });

    private const string TaskReceiveLoopOnLocalSocket = """
        using System;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public static class TickerFeed
        {
            public static async Task PumpAsync(string host, int port, Action<ArraySegment<byte>> sink)
            {
                var socket = [|new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|];
                await socket.ConnectAsync(host, port);
                var buffer = new ArraySegment<byte>(new byte[4096]);
                while (true)
                {
                    var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
                    if (read == 0) break;
                    sink(new ArraySegment<byte>(buffer.Array!, 0, read));
                }

                socket.Dispose();
            }
        }
        """;

    [Theory]
    [InlineData(TestTargetFramework.Net80)]
    [InlineData(TestTargetFramework.NetStandard20)]
    public Task Task_based_receive_loop_on_each_target_framework(TestTargetFramework framework) =>
        Verify.VerifyAsync(TaskReceiveLoopOnLocalSocket, new() { TargetFramework = framework });
}
