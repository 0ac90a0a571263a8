// Tests on which the analyzer disagrees with the rule, filed in /tmp/team/ka0001-findings.md. Compiled out until the
// lead marks the finding FIXED; then the test moves into the class named in its comment.
#if KA0001_PENDING
using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetectionAnalyzer>;

namespace KeepAliveAnalyzers.Tests.Rules;

public class KA0001PendingCases
{
    // F1, belongs in KA0001NoDeadPeerDetectionAnalyzerConfiguredElsewhereTests
    private const string ListenerConfiguredByCaller = """
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class RelayServer
        {
            private readonly List<TcpClient> _peers = new();

            public Task StartAsync(int port)
            {
                var listener = new TcpListener(IPAddress.Any, port);
                listener.Server.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                listener.Server.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
                listener.Start();
                return AcceptLoopAsync(listener);
            }

            private async Task AcceptLoopAsync(TcpListener listener)
            {
                while (true)
                {
                    var peer = await listener.AcceptTcpClientAsync();
                    lock (_peers) _peers.Add(peer);
                }
            }
        }
        """;

    [Fact]
    public Task Listener_configured_by_the_method_that_starts_the_accept_loop() => Verify.VerifyAsync(ListenerConfiguredByCaller);

    // F2, belongs in KA0001NoDeadPeerDetectionAnalyzerDiagnosticTests
    private const string WindowsHelperWithEarlyReturn = """
        using System;
        using System.Collections.Generic;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        public sealed class KioskConnections
        {
            private readonly List<Socket> _kiosks = new();

            public void Accept(Socket listener)
            {
                var kiosk = [|listener.Accept()|];
                ApplyWindowsKeepAlive(kiosk);
                _kiosks.Add(kiosk);
            }

            private static void ApplyWindowsKeepAlive(Socket socket)
            {
                if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    return;
                }

                socket.IOControl(IOControlCode.KeepAliveValues, new byte[] { 1, 0, 0, 0, 0x30, 0x75, 0, 0, 0xE8, 0x03, 0, 0 }, null);
            }
        }
        """;

    [Fact]
    public Task Keepalive_tuned_after_a_not_Windows_early_return() => Verify.VerifyAsync(WindowsHelperWithEarlyReturn);

    // F3, belongs in KA0001NoDeadPeerDetectionAnalyzerShortLivedTests
    private const string CancellationClosesTheClient = """
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public static class LegacyConnect
        {
            public static async Task<byte[]> FetchAsync(string host, int port, CancellationToken cancellationToken)
            {
                using var client = new TcpClient();
                using (cancellationToken.Register(() => client.Close()))
                {
                    await client.ConnectAsync(host, port);
                    var stream = client.GetStream();
                    await stream.WriteAsync(new byte[] { 0x01 }, 0, 1);
                    var reply = new byte[32];
                    var read = await stream.ReadAsync(reply, 0, reply.Length);
                    return reply[..read];
                }
            }
        }
        """;

    [Fact]
    public Task Cancellation_registration_closing_the_client() => Verify.VerifyAsync(CancellationClosesTheClient);

    // F4, belongs in KA0001NoDeadPeerDetectionAnalyzerDiagnosticTests
    private const string WindowsCheckKeptInALocal = """
        using System.Collections.Generic;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;

        public sealed class PosTerminals
        {
            private readonly Dictionary<string, TcpClient> _terminals = new();

            public void Connect(string id, string host)
            {
                var terminal = [|new TcpClient(host, 8583)|];
                var isWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
                if (isWindows)
                {
                    terminal.Client.IOControl(IOControlCode.KeepAliveValues, new byte[] { 1, 0, 0, 0, 0x30, 0x75, 0, 0, 0xE8, 0x03, 0, 0 }, null);
                }

                _terminals[id] = terminal;
            }
        }
        """;

    [Fact]
    public Task Keepalive_tuned_behind_a_Windows_check_kept_in_a_local() => Verify.VerifyAsync(WindowsCheckKeptInALocal);

    // F5, belongs in KA0001NoDeadPeerDetectionAnalyzerDiagnosticTests
    private const string WindowsOnlySwitchCase = """
        using System;
        using System.Collections.Generic;
        using System.Net.Sockets;

        public sealed class BadgeReaders
        {
            private readonly List<Socket> _readers = new();

            public void Add(Socket listener)
            {
                var reader = [|listener.Accept()|];
                switch (Environment.OSVersion.Platform)
                {
                    case PlatformID.Win32NT:
                        reader.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                        break;
                }

                _readers.Add(reader);
            }
        }
        """;

    [Fact]
    public Task Keepalive_tuned_only_in_the_Win32NT_case_of_a_switch() => Verify.VerifyAsync(WindowsOnlySwitchCase);
}
#endif
