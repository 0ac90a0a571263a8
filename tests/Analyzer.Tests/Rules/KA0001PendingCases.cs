// Tests on which the analyzer disagrees with the rule, filed in /tmp/team/ka0001-findings.md. Compiled out until the
// lead marks the finding FIXED; then the test moves into the class named in its comment.
#if KA0001_PENDING
using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetectionAnalyzer>;

namespace KeepAliveAnalyzers.Tests.Rules;

public class KA0001PendingCases
{
    // F10, belongs in KA0001NoDeadPeerDetectionAnalyzerDiagnosticClientTests
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
