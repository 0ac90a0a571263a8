using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>Every shipped analyzer and code fix survives KA0008's sources cut short and with tokens deleted.</summary>
public class KA0008NoCrashTests
{
    private const string Fields = """
        using System;
        using System.Net.Sockets;

        sealed class Feed
        {
            private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            private TcpClient Client { get; } = new();

            public void Connect(string host)
            {
                _socket.Connect(host, 443);
                _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 2);
                this._socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 1);
                _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3);
                Tune();
            }

            private void Tune()
            {
                _socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(20_000));
                Client.Client.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)5, 600);
            }

            sealed class Nested
            {
                void Other(Feed feed) => feed._socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1));
            }
        }
        """;

    private const string Helper = """
        using System;
        using System.Net.Sockets;
        using KeepAlive;

        static class Setup
        {
            static void Apply(Socket socket, TimeSpan configured)
            {
                TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { UserTimeout = TimeSpan.FromSeconds(30) });
                var options = new TcpKeepAliveOptions { Idle = new TimeSpan(0, 0, 2), Interval = TimeSpan.FromSeconds(1), ProbeCount = 3, UserTimeout = TimeSpan.FromMilliseconds(20000) };
                options.Idle = configured;
                socket.ConfigureTcpKeepAlive(options);
            }
        }
        """;

    [Fact]
    public Task Fields_broken() => NoCrashVerifier.VerifyAsync(Fields);

    [Fact]
    public Task Helper_options_broken() =>
        NoCrashVerifier.VerifyAsync(NoCrashVerifier.ProductAnalyzers(), NoCrashVerifier.ProductCodeFixes(), [Helper], new() { ReferenceKeepAliveRuntime = true });

    [Fact]
    public Task Helper_options_on_netstandard_broken() =>
        NoCrashVerifier.VerifyAsync(
            NoCrashVerifier.ProductAnalyzers(),
            NoCrashVerifier.ProductCodeFixes(),
            [Helper],
            new() { TargetFramework = TestTargetFramework.NetStandard20, ReferenceKeepAliveRuntime = true });
}
