using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// A class derived from Socket (a proxy or instrumented socket) is a socket: its creation is judged like
/// <c>new Socket(…)</c>, from the socket type and protocol its constructor takes, whatever the parameters are named.
/// </summary>
public class KA0001NoDeadPeerDetectionDerivedSocketTests
{
    private const string ProxySocketType = """
        using System.Net.Sockets;

        public class ProxySocket : Socket
        {
            public ProxySocket(AddressFamily family, SocketType kind, ProtocolType protocol)
                : base(family, kind, protocol)
            {
            }
        }
        """;

    private const string KeptDerivedSocket = """
        using System.Net;
        using System.Net.Sockets;

        public sealed class Upstream
        {
            private ProxySocket? _socket;

            public void Open(IPEndPoint server)
            {
                _socket = {|KA0001:new ProxySocket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|};
                _socket.Connect(server);
            }
        }
        """;

    [Fact]
    public Task Kept_derived_stream_socket_is_reported() => Verify.VerifyAsync([ProxySocketType, KeptDerivedSocket]);

    [Fact]
    public Task Derived_datagram_socket_is_not_a_connection() => Verify.VerifyAsync([ProxySocketType, """
        using System.Net;
        using System.Net.Sockets;

        public sealed class Beacon
        {
            private ProxySocket? _socket;

            public void Open(IPEndPoint peer)
            {
                _socket = new ProxySocket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                _socket.Connect(peer);
            }
        }
        """]);

    [Fact]
    public Task Derived_socket_configured_through_its_inherited_options() => Verify.VerifyAsync([ProxySocketType, """
        using System.Net;
        using System.Net.Sockets;

        public sealed class Upstream
        {
            private ProxySocket? _socket;

            public void Open(IPEndPoint server)
            {
                _socket = new ProxySocket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _socket.Connect(server);
                _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
                _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);
                _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);
            }
        }
        """]);

    [Fact]
    public Task Derived_socket_used_for_one_exchange() => Verify.VerifyAsync([ProxySocketType, """
        using System.Net;
        using System.Net.Sockets;

        public static class Probe
        {
            public static bool IsOpen(IPEndPoint server)
            {
                using var socket = new ProxySocket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(server);
                return socket.Connected;
            }
        }
        """]);

    [Fact]
    public Task Derived_socket_whose_constructor_takes_no_socket_type() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Sockets;

        public class FixedSocket : Socket
        {
            public FixedSocket() : base(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            {
            }
        }

        public sealed class Local
        {
            private FixedSocket? _socket;

            public void Open(EndPoint path)
            {
                _socket = new FixedSocket();
                _socket.Connect(path);
            }
        }
        """);
}
