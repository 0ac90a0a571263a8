using System;
using ChatClient;

// Connects to the chat server, prints what the room says and sends each line typed; an empty line quits.
// Usage: dotnet run --project samples/ChatClient [host] [port]   (default 127.0.0.1 5000)
var host = args.Length > 0 ? args[0] : "127.0.0.1";
var port = args.Length > 1 ? int.Parse(args[1]) : 5000;

using var connection = new ChatConnection();
await connection.ConnectAsync(host, port);
Console.WriteLine($"Connected to {host}:{port}. Type a line to send it; an empty line quits.");
_ = connection.ReceiveAsync(Console.WriteLine);

while (Console.ReadLine() is { Length: > 0 } input)
{
    await connection.SendAsync(input);
}
