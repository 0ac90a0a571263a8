using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.CodeFixVerifier<
    KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetectionAnalyzer,
    KeepAliveAnalyzers.CodeFixes.KA0001NoDeadPeerDetectionCodeFix>;

namespace KeepAliveAnalyzers.Tests.Rules;

public class KA0001NoDeadPeerDetectionCodeFixTests
{
    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    [Fact]
    public Task Local_connected_with_Connect() => Verify.VerifyFixAsync("""
        using System.Net.Sockets;

        class Client
        {
            public void Run(string host, int port)
            {
                var client = [|new TcpClient()|];
                client.Connect(host, port);
                var stream = client.GetStream();
                while (stream.ReadByte() >= 0)
                {
                }
            }
        }
        """, """
        using System.Net.Sockets;
        using KeepAlive;

        class Client
        {
            public void Run(string host, int port)
            {
                var client = new TcpClient();
                client.Connect(host, port);
                TcpKeepAlive.Configure(client);
                var stream = client.GetStream();
                while (stream.ReadByte() >= 0)
                {
                }
            }
        }
        """, WithRuntime);
}
