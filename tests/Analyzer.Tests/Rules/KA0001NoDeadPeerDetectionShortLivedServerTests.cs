using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>Accept, answer and close inside one method: the accepted connection never sits idle, so nothing is reported.</summary>
public class KA0001NoDeadPeerDetectionShortLivedServerTests
{
    private const string AcceptRespondClose = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class DaytimeServer
        {
            public async Task ServeAsync(CancellationToken cancellationToken)
            {
                var listener = new TcpListener(IPAddress.Any, 13);
                listener.Start();
                while (!cancellationToken.IsCancellationRequested)
                {
                    using var client = await listener.AcceptTcpClientAsync(cancellationToken);
                    var now = Encoding.ASCII.GetBytes(DateTimeOffset.UtcNow.ToString("R") + "\r\n");
                    await client.GetStream().WriteAsync(now, cancellationToken);
                }
            }
        }
        """;

    [Fact]
    public Task Accept_loop_answering_once_and_closing() => Verify.VerifyAsync(AcceptRespondClose);

    private const string SyncAcceptSendShutdown = """
        using System.Net;
        using System.Net.Sockets;

        static class QuoteOfTheDay
        {
            public static void Serve(string quote)
            {
                using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                listener.Bind(new IPEndPoint(IPAddress.Any, 17));
                listener.Listen(10);
                var payload = System.Text.Encoding.ASCII.GetBytes(quote);
                while (true)
                {
                    using Socket connection = listener.Accept();
                    connection.Send(payload);
                    connection.Shutdown(SocketShutdown.Both);
                }
            }
        }
        """;

    [Fact]
    public Task Sync_accept_send_and_shutdown() => Verify.VerifyAsync(SyncAcceptSendShutdown);

    private const string AcceptedAndLoggedOnly = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class KnockListener
        {
            public async Task WaitForKnockAsync(int port)
            {
                using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
                listener.Listen(1);
                using var knock = await listener.AcceptAsync();
                Console.WriteLine($"knocked by {knock.RemoteEndPoint}");
            }
        }
        """;

    [Fact]
    public Task Accepted_connection_only_logged_then_closed() => Verify.VerifyAsync(AcceptedAndLoggedOnly);

    private const string AcceptedClientLoggedThroughFramework = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public static class IdentServer
        {
            public static void ServeOne(TcpListener listener)
            {
                using TcpClient client = listener.AcceptTcpClient();
                ArgumentNullException.ThrowIfNull(client);
                Console.WriteLine($"ident query from {client.Client.RemoteEndPoint}");
                var reply = System.Text.Encoding.ASCII.GetBytes("0, 0 : ERROR : HIDDEN-USER\r\n");
                client.GetStream().Write(reply, 0, reply.Length);
            }
        }
        """;

    [Fact]
    public Task Accepted_client_passed_to_framework_calls_that_keep_nothing() => Verify.VerifyAsync(AcceptedClientLoggedThroughFramework);

    private const string TcpListenerCreateOneShot = """
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public static class CallbackReceiver
        {
            public static async Task<string> WaitForCallbackAsync(int port)
            {
                var listener = TcpListener.Create(port);
                listener.Start();
                try
                {
                    using var callback = await listener.AcceptTcpClientAsync();
                    using var reader = new System.IO.StreamReader(callback.GetStream());
                    return await reader.ReadLineAsync() ?? "";
                }
                finally
                {
                    listener.Stop();
                }
            }
        }
        """;

    [Fact]
    public Task TcpListener_Create_accepting_a_single_callback() => Verify.VerifyAsync(TcpListenerCreateOneShot);

    private const string AcceptedClientAwaitedThroughOneShotHandler = """
        using System.Net.Sockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class HealthEndpoint
        {
            public async Task ServeAsync(TcpListener listener, CancellationToken cancellationToken)
            {
                listener.Start();
                while (!cancellationToken.IsCancellationRequested)
                {
                    using var client = await listener.AcceptTcpClientAsync(cancellationToken);
                    await RespondAsync(client, cancellationToken);
                }
            }

            private static async Task RespondAsync(TcpClient client, CancellationToken cancellationToken)
            {
                var body = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK");
                await client.GetStream().WriteAsync(body, cancellationToken);
            }
        }
        """;

    [Fact]
    public Task Accepted_client_awaited_through_a_one_shot_handler() => Verify.VerifyAsync(AcceptedClientAwaitedThroughOneShotHandler);
}
