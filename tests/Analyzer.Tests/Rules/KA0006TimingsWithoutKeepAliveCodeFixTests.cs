using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.CodeFixVerifier<
    KeepAliveAnalyzers.Rules.KA0006TimingsWithoutKeepAlive,
    KeepAliveAnalyzers.CodeFixes.KA0006TimingsWithoutKeepAliveCodeFix>;

namespace KeepAliveAnalyzers.Tests.Rules;

public class KA0006TimingsWithoutKeepAliveCodeFixTests
{
    [Fact]
    public Task Inserts_keepalive_before_the_first_timing_call_and_its_comment() =>
        Verify.VerifyFixAsync("""
            using System.Collections.Generic;
            using System.Net.Sockets;

            public sealed class Hub
            {
                private readonly List<Socket> _peers = new();

                public void Accept(Socket listener)
                {
                    var peer = [|listener.Accept()|];

                    // Probe after a minute of silence.
                    peer.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
                    peer.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);
                    _peers.Add(peer);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Net.Sockets;

            public sealed class Hub
            {
                private readonly List<Socket> _peers = new();

                public void Accept(Socket listener)
                {
                    var peer = listener.Accept();
                    peer.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);

                    // Probe after a minute of silence.
                    peer.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
                    peer.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);
                    _peers.Add(peer);
                }
            }
            """);

    [Fact]
    public Task Uses_the_same_receiver_for_a_tcp_client() =>
        Verify.VerifyFixAsync("""
            using System.Net.Sockets;

            public sealed class Link
            {
                private TcpClient? _client;

                public void Open(string host)
                {
                    _client = [|new TcpClient(host, 502)|];
                    _client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 4);
                }
            }
            """, """
            using System.Net.Sockets;

            public sealed class Link
            {
                private TcpClient? _client;

                public void Open(string host)
                {
                    _client = new TcpClient(host, 502);
                    _client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                    _client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 4);
                }
            }
            """);
}
