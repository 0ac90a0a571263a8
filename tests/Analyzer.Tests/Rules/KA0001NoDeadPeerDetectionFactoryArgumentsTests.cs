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
