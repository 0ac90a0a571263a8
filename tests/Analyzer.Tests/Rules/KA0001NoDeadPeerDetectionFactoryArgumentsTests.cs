using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// <c>new Socket(socketType, protocolType)</c> in a factory: it makes TCP sockets when every call of the factory in
/// source asks for Stream/Tcp (the arguments are read at the calls), and stays unknown (never reported) otherwise.
/// </summary>
public class KA0001NoDeadPeerDetectionFactoryArgumentsTests
{
    private const string Session = """
        using System.Net;
        using System.Net.Sockets;

        namespace Sessions;

        internal static class SocketMaker
        {
            public static Socket Create(SocketType socketType, ProtocolType protocolType) => /*create*/;
        }

        public sealed class Session
        {
            private Socket? _socket;

            public void Open(EndPoint server)
            {
                _socket = /*call*/;
                _socket.Connect(server);
            }

            public int Read(byte[] buffer) => _socket!.Receive(buffer);
        }

        public sealed class Probe
        {
            public void Ping(EndPoint server)
            {
                /*other*/
            }
        }
        """;

    private const string Factory = "new Socket(socketType, protocolType)";
    private const string Marked = "[|new Socket(socketType, protocolType)|]";

    private static string With(string create, string call, string other = "") =>
        Session.Replace("/*create*/", create).Replace("/*call*/", call).Replace("/*other*/", other);

    [Theory]
    [InlineData("SocketMaker.Create(SocketType.Stream, ProtocolType.Tcp)", "")]
    [InlineData("SocketMaker.Create(protocolType: ProtocolType.Tcp, socketType: SocketType.Stream)", "")]
    [InlineData("SocketMaker.Create(SocketType.Stream, ProtocolType.Tcp)", "using var s = SocketMaker.Create(SocketType.Stream, ProtocolType.Tcp); s.Connect(server);")]
    public Task Factory_whose_every_call_asks_for_tcp_is_a_site(string call, string other) =>
        Verify.VerifyAsync(With(Marked, call, other));

    [Theory]
    [InlineData("SocketMaker.Create(SocketType.Dgram, ProtocolType.Udp)", "")]
    [InlineData("SocketMaker.Create(SocketType.Stream, ProtocolType.Tcp)", "using var s = SocketMaker.Create(SocketType.Dgram, ProtocolType.Udp); s.Connect(server);")]
    [InlineData("SocketMaker.Create(SocketType.Stream, (ProtocolType)System.Environment.ProcessorCount)", "")]
    [InlineData("SocketMaker.Create(SocketType.Stream, ProtocolType.Tcp)", "System.Func<SocketType, ProtocolType, Socket> make = SocketMaker.Create; using var s = make(SocketType.Dgram, ProtocolType.Udp);")]
    public Task Factory_called_for_other_kinds_or_from_unknown_code_is_not(string call, string other) =>
        Verify.VerifyAsync(With(Factory, call, other));

    /// <summary>The factory makes Unix-domain stream sockets (a Docker or systemd socket client): Stream is not TCP there.</summary>
    [Fact]
    public Task Factory_for_a_unix_domain_family_is_not() =>
        Verify.VerifyAsync(With("new Socket(AddressFamily.Unix, socketType, protocolType)", "SocketMaker.Create(SocketType.Stream, ProtocolType.Unspecified)"));

    /// <summary>The only call leaves out both arguments and the defaults ask for UDP (a metrics client).</summary>
    [Fact]
    public Task Factory_whose_defaults_ask_for_udp_is_not() =>
        Verify.VerifyAsync(With(Factory, "SocketMaker.Create()").Replace(
            "Create(SocketType socketType, ProtocolType protocolType)",
            "Create(SocketType socketType = SocketType.Dgram, ProtocolType protocolType = ProtocolType.Udp)"));

    // The transport is chosen at run time: by a constructor flag, by fields that a public method overwrites, or by a
    // public overload's parameters (no call in source). The same members with only Stream/Tcp in source are reported.
    [Theory]
    [InlineData(
        "private readonly bool _useTcp;\n\n    public Session(bool useTcp) => _useTcp = useTcp;",
        "SocketMaker.Create(_useTcp ? SocketType.Stream : SocketType.Dgram, _useTcp ? ProtocolType.Tcp : ProtocolType.Udp)")]
    [InlineData(
        "private SocketType _socketType = SocketType.Stream;\n    private ProtocolType _protocolType = ProtocolType.Tcp;\n\n    public void Use(SocketType socketType, ProtocolType protocolType)\n    {\n        _socketType = socketType;\n        _protocolType = protocolType;\n    }",
        "SocketMaker.Create(_socketType, _protocolType)")]
    [InlineData(
        "public void Open(EndPoint server, SocketType socketType, ProtocolType protocolType)\n    {\n        _socket = SocketMaker.Create(socketType, protocolType);\n        _socket.Connect(server);\n    }",
        "SocketMaker.Create(SocketType.Stream, ProtocolType.Tcp)")]
    public Task Factory_whose_callers_choose_the_kind_at_run_time_is_not(string members, string call) =>
        Verify.VerifyAsync(With(Factory, call).Replace("private Socket? _socket;", "private Socket? _socket;\n    " + members));

    private const string OwnFactory = """
        using System.Net;
        using System.Net.Sockets;

        namespace Sessions;

        public sealed class Session
        {
            private static Socket Create(SocketType socketType, ProtocolType protocolType) => new Socket(socketType, protocolType);

            /*members*/
        }
        """;

    // A private factory's callers in its own type are followed: a TCP socket there is judged by what they do with it.
    // The same factory whose caller connects, stores and reads the socket without configuring it is reported.
    [Theory]
    [InlineData("private Socket? _socket;\n\n    public void Open(EndPoint server)\n    {\n        _socket = Create(SocketType.Stream, ProtocolType.Tcp);\n        _socket.Connect(server);\n        KeepAlive.TcpKeepAlive.Configure(_socket);\n    }\n\n    public int Read(byte[] buffer) => _socket!.Receive(buffer);")]
    [InlineData("private Socket? _listener;\n\n    public void Listen(EndPoint local)\n    {\n        _listener = Create(SocketType.Stream, ProtocolType.Tcp);\n        _listener.Bind(local);\n        _listener.Listen(100);\n    }\n\n    public void Stop() => _listener?.Close();")]
    [InlineData("public static bool Ping(EndPoint server)\n    {\n        using var probe = Create(SocketType.Stream, ProtocolType.Tcp);\n        probe.Connect(server);\n        return probe.Send(new byte[] { 0 }) == 1;\n    }")]
    public Task Own_factory_whose_caller_configures_listens_or_closes_is_not(string members) =>
        Verify.VerifyAsync(OwnFactory.Replace("/*members*/", members), new() { ReferenceKeepAliveRuntime = true });

    private const string ThroughInterface = """
        using System.Net;
        using System.Net.Sockets;

        namespace Sessions;

        /*visibility*/ interface ISocketMaker
        {
            Socket Create(SocketType socketType, ProtocolType protocolType);
        }

        internal sealed class SocketMaker : ISocketMaker
        {
            public Socket Create(SocketType socketType, ProtocolType protocolType) => /*create*/;
        }

        public sealed class Session
        {
            private readonly ISocketMaker _maker = new SocketMaker();
            private Socket? _socket;

            public void Open(EndPoint server)
            {
                _socket = _maker.Create(SocketType.Stream, ProtocolType.Tcp);
                _socket.Connect(server);
            }

            public int Read(byte[] buffer) => _socket!.Receive(buffer);
        }
        """;

    [Fact]
    public Task Factory_called_through_an_internal_interface_is_read_at_those_calls() =>
        Verify.VerifyAsync(ThroughInterface.Replace("/*visibility*/", "internal").Replace("/*create*/", Marked));

    [Fact]
    public Task Factory_behind_a_public_interface_can_be_called_from_outside_and_is_not() =>
        Verify.VerifyAsync(ThroughInterface.Replace("/*visibility*/", "public").Replace("/*create*/", Factory));

    [Fact]
    public Task Public_factory_with_no_call_in_source_is_not() =>
        Verify.VerifyAsync(Session.Replace("/*create*/", Factory).Replace("_socket = /*call*/;\n        _socket.Connect(server);", "").Replace("/*other*/", ""));
}
