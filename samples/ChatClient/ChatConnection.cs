using System;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace ChatClient;

/// <summary>One connection to the chat server, kept open for the whole session.</summary>
internal sealed class ChatConnection : IDisposable
{
    private TcpClient? _client;
    private StreamReader? _reader;
    private StreamWriter? _writer;
    private volatile bool _closing;

    public async Task ConnectAsync(string host, int port)
    {
        // KA0001: if the server's machine dies or a NAT drops the idle flow, nothing tells this client: the receive
        // loop waits forever, and lines sent afterwards vanish without an error for 15-30 minutes.
        _client = new TcpClient();
        await _client.ConnectAsync(host, port);
        var stream = _client.GetStream();
        _reader = new StreamReader(stream);
        _writer = new StreamWriter(stream) { AutoFlush = true };
    }

    public async Task ReceiveAsync(Action<string> onLine)
    {
        try
        {
            while (await Reader.ReadLineAsync() is { } line)
            {
                onLine(line);
            }

            if (!_closing)
            {
                onLine("The server closed the connection.");
            }
        }
        catch (Exception e) when ((e is IOException or ObjectDisposedException) && !_closing)
        {
            onLine("The connection was lost.");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // We closed it ourselves.
        }
    }

    public Task SendAsync(string line) => Writer.WriteLineAsync(line);

    public void Dispose()
    {
        _closing = true;
        _client?.Dispose();
    }

    private StreamReader Reader => _reader ?? throw new InvalidOperationException("Not connected.");

    private StreamWriter Writer => _writer ?? throw new InvalidOperationException("Not connected.");
}
