using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Verifiers;

/// <summary>Every shipped analyzer and code fix survives empty and broken socket code (see <see cref="NoCrashVerifier"/>).</summary>
public class ProductNoCrashTests
{
    private const string ClientCode = """
        using System;
        using System.IO;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class Client : IDisposable
        {
            private readonly TcpClient _client = new TcpClient();
            private NetworkStream? _stream;

            public async Task ConnectAsync(string host, int port)
            {
                await _client.ConnectAsync(host, port);
                _client.ReceiveTimeout = 30_000;
                _stream = _client.GetStream();
            }

            public static Socket Raw(string host)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                socket.Connect(host, 443);
                return socket;
            }

            public Stream Stream => _stream ?? throw new InvalidOperationException();

            public void Dispose() => _client.Dispose();
        }
        """;

    private const string ServerCode = """
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        class Server
        {
            async Task RunAsync(CancellationToken cancellationToken)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                while (!cancellationToken.IsCancellationRequested)
                {
                    using TcpClient client = await listener.AcceptTcpClientAsync();
                    Socket accepted = client.Client;
                    _ = Task.Run(() => Serve(accepted, static s => s.NoDelay = true));
                }
            }

            static void Serve(Socket socket, System.Action<Socket> configure)
            {
                configure(socket);
                void Local() => socket.Send(new byte[1]);
                Local();
            }
        }
        """;

    [Fact]
    public void Discovers_the_shipped_analyzers() =>
        Assert.Contains(NoCrashVerifier.ProductAnalyzers(), a => a.SupportedDiagnostics.Any(d => d.Id == "KA0001"));

    [Fact]
    public Task Client_code() => NoCrashVerifier.VerifyAsync(ClientCode);

    [Fact]
    public Task Server_code() => NoCrashVerifier.VerifyAsync(ServerCode);

    [Fact]
    public Task Client_code_on_netstandard_with_the_runtime_helper() =>
        NoCrashVerifier.VerifyAsync(
            NoCrashVerifier.ProductAnalyzers(),
            NoCrashVerifier.ProductCodeFixes(),
            [ClientCode],
            new() { TargetFramework = TestTargetFramework.NetStandard20, ReferenceKeepAliveRuntime = true });
}
