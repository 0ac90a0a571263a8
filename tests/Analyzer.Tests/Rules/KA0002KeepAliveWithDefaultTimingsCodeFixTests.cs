using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.CodeFixVerifier<
    KeepAliveAnalyzers.Rules.KA0002KeepAliveWithDefaultTimings,
    KeepAliveAnalyzers.CodeFixes.KA0002KeepAliveWithDefaultTimingsCodeFix>;

namespace KeepAliveAnalyzers.Tests.Rules;

public class KA0002KeepAliveWithDefaultTimingsCodeFixTests
{
    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    [Fact]
    public Task Inserts_the_helper_after_the_connect() =>
        Verify.VerifyFixAsync("""
            using System.Net.Sockets;
            using System.Threading.Tasks;

            public sealed class Link
            {
                private TcpClient? _client;

                public async Task OpenAsync(string host)
                {
                    var client = [|new TcpClient()|];
                    client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                    await client.ConnectAsync(host, 502);
                    _client = client;
                }
            }
            """, """
            using System.Net.Sockets;
            using System.Threading.Tasks;
            using KeepAlive;

            public sealed class Link
            {
                private TcpClient? _client;

                public async Task OpenAsync(string host)
                {
                    var client = new TcpClient();
                    client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                    await client.ConnectAsync(host, 502);
                    TcpKeepAlive.Configure(client);
                    _client = client;
                }
            }
            """, WithRuntime);

    [Fact]
    public Task No_fix_without_the_runtime_helper() =>
        Verify.VerifyNoFixOfferedAsync("""
            using System.Collections.Generic;
            using System.Net.Sockets;

            public sealed class Hub
            {
                private readonly List<Socket> _peers = new();

                public void Accept(Socket listener)
                {
                    var peer = [|listener.Accept()|];
                    peer.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                    _peers.Add(peer);
                }
            }
            """);
}
