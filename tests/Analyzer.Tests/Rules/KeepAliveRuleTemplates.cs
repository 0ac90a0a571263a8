namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>Realistic long-lived connections shared by the configuration rules' tests; <c>/*configure*/</c> is replaced per case.</summary>
internal static class KeepAliveRuleTemplates
{
    /// <summary>A client socket kept in a field and read on a background thread.</summary>
    public const string FeedClient = """
        using System;
        using System.Net.Sockets;
        using System.Threading;
        using KeepAlive;

        public sealed class FeedClient : IDisposable
        {
            private Socket? _socket;
            private readonly bool _keepAlive = true;

            public void Open(string host, int port)
            {
                var socket = [|new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|];
                socket.Connect(host, port);
                /*configure*/
                _socket = socket;
                new Thread(Pump) { IsBackground = true }.Start();
            }

            private void Pump()
            {
                var buffer = new byte[4096];
                while (_socket!.Receive(buffer) > 0)
                {
                }
            }

            public void Dispose() => _socket?.Dispose();
        }
        """;

    /// <summary>An accept loop handing each connection to a background task; <c>/*listener*/</c> configures the listener.</summary>
    public const string AcceptLoop = """
        using System;
        using System.Collections.Concurrent;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class Server
        {
            private readonly ConcurrentDictionary<EndPoint, Socket> _clients = new();

            public async Task RunAsync(int port)
            {
                var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                /*listener*/
                listener.Bind(new IPEndPoint(IPAddress.Any, port));
                listener.Listen(100);
                while (true)
                {
                    var client = await [|listener.AcceptAsync()|];
                    /*configure*/
                    _clients[client.RemoteEndPoint!] = client;
                    _ = Task.Run(() => ServeAsync(client));
                }
            }

            private static async Task ServeAsync(Socket client)
            {
                var buffer = new byte[1024];
                while (await client.ReceiveAsync(buffer, SocketFlags.None) > 0)
                {
                }
            }
        }
        """;

    /// <summary>The template with its site marked for <paramref name="id"/> (or unmarked for a valid case) and the configuration filled in.</summary>
    public static string With(string template, string configure, string? id = null, string listener = "") =>
        template
            .Replace("[|", id is null ? string.Empty : "{|" + id + ":")
            .Replace("|]", id is null ? string.Empty : "|}")
            .Replace("/*configure*/", configure)
            .Replace("/*listener*/", listener);
}
