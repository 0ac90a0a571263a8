using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// The ways an accept loop hands a connection to whatever serves it. Each hand-off makes the connection long-lived:
/// reported when nothing configures it, quiet when the connection or its listener is configured first.
/// </summary>
public class KA0001NoDeadPeerDetectionHandOffTests
{
    private const string AcceptLoopTemplate = """
        using System;
        using System.Collections.Concurrent;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;
        using KeepAlive;

        namespace Dispatch;

        public sealed class Dispatcher
        {
            private readonly Channel<TcpClient> _queue = Channel.CreateUnbounded<TcpClient>();
            private readonly BlockingCollection<TcpClient> _work = new();
            private readonly Action<TcpClient> _onAccepted;

            public Dispatcher(Action<TcpClient> onAccepted) => _onAccepted = onAccepted;

            public event EventHandler<TcpClient>? Accepted;

            public async Task AcceptAsync(TcpListener listener)
            {
                /*listener*/
                listener.Start();
                while (true)
                {
                    var client = await listener.AcceptTcpClientAsync();
                    /*configure*/
                    /*handoff*/
                }
            }

            private static void Serve(object? state)
            {
                var client = (TcpClient)state!;
                var buffer = new byte[1024];
                while (client.GetStream().Read(buffer, 0, buffer.Length) > 0) { }
            }
        }
        """;

    private static string Fill(string handOff, string configure = "", string listener = "", bool mark = false) =>
        AcceptLoopTemplate
            .Replace("/*handoff*/", handOff)
            .Replace("/*configure*/", configure)
            .Replace("/*listener*/", listener)
            .Replace("await listener.AcceptTcpClientAsync()", mark ? "await [|listener.AcceptTcpClientAsync()|]" : "await listener.AcceptTcpClientAsync()");

    public static readonly TheoryData<string> HandOffs = new()
    {
        "_ = Task.Run(() => Serve(client));",
        "ThreadPool.QueueUserWorkItem(Serve, client);",
        "new Thread(Serve) { IsBackground = true }.Start(client);",
        "_ = Task.Factory.StartNew(Serve, client, TaskCreationOptions.LongRunning);",
        "await _queue.Writer.WriteAsync(client);",
        "_work.Add(client);",
    };

    [Theory]
    [MemberData(nameof(HandOffs))]
    public Task Unconfigured_connection_handed_off_is_reported(string handOff) =>
        Verify.VerifyAsync(Fill(handOff, mark: true), new() { ReferenceKeepAliveRuntime = true });

    [Theory]
    [MemberData(nameof(HandOffs))]
    public Task Connection_configured_before_the_hand_off(string handOff) =>
        Verify.VerifyAsync(Fill(handOff, configure: "TcpKeepAlive.Configure(client);"), new() { ReferenceKeepAliveRuntime = true });

    [Theory]
    [MemberData(nameof(HandOffs))]
    public Task Connection_from_a_configured_listener_handed_off(string handOff) =>
        Verify.VerifyAsync(
            Fill(handOff, listener: "listener.Server.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);"),
            new() { ReferenceKeepAliveRuntime = true });

    [Theory]
    [MemberData(nameof(HandOffs))]
    public Task Connection_with_keepalive_on_handed_off_is_left_to_KA0002(string handOff) =>
        Verify.VerifyAsync(
            Fill(handOff, configure: "client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);"),
            new() { ReferenceKeepAliveRuntime = true });

    [Theory]
    [InlineData("Accepted?.Invoke(this, client);")]
    [InlineData("_onAccepted(client);")]
    public Task Unconfigured_connection_raised_to_subscribers_is_reported(string handOff) =>
        Verify.VerifyAsync(Fill(handOff, mark: true), new() { ReferenceKeepAliveRuntime = true });
}
