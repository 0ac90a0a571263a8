using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.CodeFixVerifier<
    KeepAliveAnalyzers.Rules.KA0006TimingsWithoutKeepAlive,
    KeepAliveAnalyzers.CodeFixes.KA0006TimingsWithoutKeepAliveCodeFix>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Shapes where the KA0006 code fix is not offered: the first timing call is not a plain statement of a block or a
/// switch section in the reported document. docs/rules/KA0006.md, "Where the code fix is not offered", names each.
/// </summary>
public class KA0006TimingsWithoutKeepAliveCodeFixNotOfferedTests
{
    [Fact]
    public Task No_fix_when_the_timing_call_is_the_body_of_an_if() => Verify.VerifyNoFixOfferedAsync("""
        using System.Collections.Generic;
        using System.Net.Sockets;

        public sealed class Hub
        {
            private readonly List<Socket> _peers = new();
            private readonly bool _tune;

            public Hub(bool tune) => _tune = tune;

            public void Accept(Socket listener)
            {
                var peer = [|listener.Accept()|];
                if (_tune)
                    peer.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
                _peers.Add(peer);
            }
        }
        """);

    [Fact]
    public Task No_fix_when_the_timing_call_is_an_expression_body() => Verify.VerifyNoFixOfferedAsync("""
        using System.Collections.Generic;
        using System.Net.Sockets;

        public sealed class Hub
        {
            private readonly List<Socket> _peers = new();

            public void Accept(Socket listener)
            {
                var peer = [|listener.Accept()|];
                Tune(peer);
                _peers.Add(peer);
            }

            private static void Tune(Socket socket) =>
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
        }
        """);

    [Fact]
    public Task No_fix_when_the_timing_call_is_null_conditional() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;

        public sealed class Link
        {
            private TcpClient? _client;

            public void Open(string host)
            {
                _client = [|new TcpClient(host, 502)|];
                _client.Client?.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 4);
            }
        }
        """);

    [Fact]
    public Task No_fix_when_the_timing_call_is_a_top_level_statement() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;

        var client = [|new TcpClient("feed.example", 5000)|];
        client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
        var stream = client.GetStream();
        while (stream.ReadByte() >= 0)
        {
        }
        """, new() { AllowCompilerErrors = true, SkipGeneratedCodeCheck = true });

    [Fact]
    public Task No_fix_when_the_timing_call_is_in_another_document() => Verify.VerifyNoFixOfferedAsync(
        [
            """
            using System.Collections.Generic;
            using System.Net.Sockets;

            public sealed class Hub
            {
                private readonly List<Socket> _peers = new();

                public void Accept(Socket listener)
                {
                    var peer = [|listener.Accept()|];
                    SocketTuning.Tune(peer);
                    _peers.Add(peer);
                }
            }
            """,
            """
            using System.Net.Sockets;

            internal static class SocketTuning
            {
                public static void Tune(Socket socket)
                {
                    socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
                }
            }
            """,
        ]);
}
