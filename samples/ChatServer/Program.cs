using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using ChatServer;

// A line-based chat server: every line a member sends goes to everyone in the room.
// Usage: dotnet run --project samples/ChatServer [port]   (default 5000)
var port = args.Length > 0 ? int.Parse(args[0]) : 5000;
var room = new ChatRoom();
var listener = new TcpListener(IPAddress.Any, port);
listener.Start();
Console.WriteLine($"Chat server listening on port {port}");

while (true)
{
    // KA0001: a member whose machine loses power, or whose NAT drops the flow, never sends a FIN. Nothing here
    // notices, so the member stays in the room (and its socket open) forever.
    var client = await listener.AcceptTcpClientAsync();
    _ = Task.Run(() => room.ServeAsync(client));
}
