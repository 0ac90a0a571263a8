using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace ChatServer;

/// <summary>The connected members; each line one of them sends is broadcast to all.</summary>
internal sealed class ChatRoom
{
    private readonly ConcurrentDictionary<string, StreamWriter> _members = new();

    public async Task ServeAsync(TcpClient client)
    {
        var name = client.Client.RemoteEndPoint?.ToString() ?? "unknown";
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
            _members[name] = writer;
            Broadcast($"* {name} joined");
            try
            {
                while (await reader.ReadLineAsync() is { } line)
                {
                    Broadcast($"{name}: {line}");
                }
            }
            catch (IOException)
            {
                // Reset by the peer.
            }
            finally
            {
                _members.TryRemove(name, out _);
                Broadcast($"* {name} left");
            }
        }
    }

    private void Broadcast(string message)
    {
        Console.WriteLine(message);
        foreach (var (name, writer) in _members)
        {
            try
            {
                lock (writer)
                {
                    writer.WriteLine(message);
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                _members.TryRemove(name, out _);
            }
        }
    }
}
