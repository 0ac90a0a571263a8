using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>Long-lived accepted connections with no dead-peer detection: reported on the accept expression.</summary>
public class KA0001NoDeadPeerDetectionDiagnosticServerTests
{
    private const string AcceptLoopHandingClientsToTaskRun = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class EchoServer
        {
            private readonly TcpListener _listener = new(IPAddress.Any, 7000);

            public async Task RunAsync(CancellationToken cancellationToken)
            {
                _listener.Start();
                while (!cancellationToken.IsCancellationRequested)
                {
                    var client = await [|_listener.AcceptTcpClientAsync(cancellationToken)|];
                    _ = Task.Run(() => EchoAsync(client, cancellationToken), cancellationToken);
                }
            }

            private static async Task EchoAsync(TcpClient client, CancellationToken cancellationToken)
            {
                using (client)
                {
                    var stream = client.GetStream();
                    var buffer = new byte[4096];
                    int read;
                    while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }
                }
            }
        }
        """;

    [Fact]
    public Task Accept_loop_handing_each_client_to_Task_Run() =>
        Verify.VerifyAsync(AcceptLoopHandingClientsToTaskRun, new() { ExpectedMessages = ["TCP connection 'client' is long-lived but has no dead-peer detection; configure keepalive and a user timeout (TcpKeepAlive.Configure)"] });

    private const string AcceptedSocketOwnedByHandlerClass = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading;

        namespace Chat.Server;

        public sealed class ChatServer
        {
            private readonly List<ClientSession> _sessions = new();
            private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

            public void Run(int port)
            {
                _listener.Bind(new IPEndPoint(IPAddress.Any, port));
                _listener.Listen(backlog: 64);
                while (true)
                {
                    Socket socket = [|_listener.Accept()|];
                    var session = new ClientSession(socket, this);
                    lock (_sessions) _sessions.Add(session);
                    session.Start();
                }
            }

            internal void Broadcast(byte[] message)
            {
                lock (_sessions)
                {
                    foreach (var session in _sessions) session.Send(message);
                }
            }
        }

        public sealed class ClientSession
        {
            private readonly Socket _socket;
            private readonly ChatServer _server;

            public ClientSession(Socket socket, ChatServer server)
            {
                _socket = socket;
                _server = server;
            }

            public void Start() => new Thread(ReceiveLoop) { IsBackground = true }.Start();

            public void Send(byte[] message) => _socket.Send(message);

            private void ReceiveLoop()
            {
                var buffer = new byte[1024];
                int read;
                while ((read = _socket.Receive(buffer)) > 0)
                {
                    _server.Broadcast(buffer.AsSpan(0, read).ToArray());
                }
            }
        }
        """;

    [Fact]
    public Task Accepted_socket_owned_by_a_session_class() => Verify.VerifyAsync(AcceptedSocketOwnedByHandlerClass);

    private const string SessionDictionary = """
        using System;
        using System.Collections.Concurrent;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class GameLobby
        {
            private readonly ConcurrentDictionary<Guid, TcpClient> _players = new();
            private readonly TcpListener _listener;

            public GameLobby(TcpListener listener) => _listener = listener;

            public async Task AcceptPlayersAsync()
            {
                _listener.Start();
                for (;;)
                {
                    TcpClient player = await [|_listener.AcceptTcpClientAsync()|].ConfigureAwait(false);
                    _players[Guid.NewGuid()] = player;
                }
            }

            public async Task BroadcastAsync(byte[] state)
            {
                foreach (var player in _players.Values)
                {
                    await player.GetStream().WriteAsync(state, 0, state.Length).ConfigureAwait(false);
                }
            }
        }
        """;

    [Fact]
    public Task Accepted_client_kept_in_a_session_dictionary() => Verify.VerifyAsync(SessionDictionary);

    private const string ApmTcpClientServer = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public sealed class LegacyServer
        {
            private readonly TcpListener _listener = new(IPAddress.Any, 9000);

            public void Start()
            {
                _listener.Start();
                _listener.BeginAcceptTcpClient(OnAccept, null);
            }

            private void OnAccept(IAsyncResult result)
            {
                TcpClient client = [|_listener.EndAcceptTcpClient(result)|];
                _listener.BeginAcceptTcpClient(OnAccept, null);
                var state = new ReadState(client);
                state.Stream.BeginRead(state.Buffer, 0, state.Buffer.Length, OnRead, state);
            }

            private static void OnRead(IAsyncResult result)
            {
                var state = (ReadState)result.AsyncState!;
                if (state.Stream.EndRead(result) == 0) { state.Client.Close(); return; }
                state.Stream.BeginRead(state.Buffer, 0, state.Buffer.Length, OnRead, state);
            }

            private sealed class ReadState
            {
                public ReadState(TcpClient client) { Client = client; Stream = client.GetStream(); }
                public TcpClient Client { get; }
                public NetworkStream Stream { get; }
                public byte[] Buffer { get; } = new byte[2048];
            }
        }
        """;

    [Fact]
    public Task Apm_server_with_EndAcceptTcpClient() => Verify.VerifyAsync(ApmTcpClientServer);

    private const string ApmSocketServerWithStateObject = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Text;

        public class StateObject
        {
            public const int BufferSize = 1024;
            public byte[] Buffer = new byte[BufferSize];
            public StringBuilder Text = new();
            public Socket? WorkSocket;
        }

        public static class AsynchronousSocketListener
        {
            public static void StartListening(Socket listener)
            {
                listener.BeginAccept(AcceptCallback, listener);
            }

            private static void AcceptCallback(IAsyncResult ar)
            {
                var listener = (Socket)ar.AsyncState!;
                Socket handler = [|listener.EndAccept(ar)|];
                listener.BeginAccept(AcceptCallback, listener);
                var state = new StateObject { WorkSocket = handler };
                handler.BeginReceive(state.Buffer, 0, StateObject.BufferSize, SocketFlags.None, ReadCallback, state);
            }

            private static void ReadCallback(IAsyncResult ar)
            {
                var state = (StateObject)ar.AsyncState!;
                var read = state.WorkSocket!.EndReceive(ar);
                if (read > 0)
                {
                    state.Text.Append(Encoding.ASCII.GetString(state.Buffer, 0, read));
                    state.WorkSocket.BeginReceive(state.Buffer, 0, StateObject.BufferSize, SocketFlags.None, ReadCallback, state);
                }
            }
        }
        """;

    [Fact]
    public Task Apm_server_with_EndAccept_and_a_state_object() => Verify.VerifyAsync(ApmSocketServerWithStateObject);

    private const string EndAcceptSocketIntoConnectionList = """
        using System;
        using System.Collections.Generic;
        using System.Net.Sockets;

        public sealed class TerminalHub
        {
            private readonly List<Socket> _terminals = new();
            private readonly TcpListener _listener;

            public TerminalHub(TcpListener listener) => _listener = listener;

            public void Listen()
            {
                _listener.Start();
                _listener.BeginAcceptSocket(Accepted, null);
            }

            private void Accepted(IAsyncResult result)
            {
                _terminals.Add([|_listener.EndAcceptSocket(result)|]);
                _listener.BeginAcceptSocket(Accepted, null);
            }
        }
        """;

    [Fact]
    public Task EndAcceptSocket_added_to_a_connection_list() => Verify.VerifyAsync(EndAcceptSocketIntoConnectionList);

    private const string SocketAsyncEventArgsServer = """
        using System.Net;
        using System.Net.Sockets;

        namespace Fast.Server;

        public sealed class UserToken
        {
            public UserToken(Socket socket) => Socket = socket;
            public Socket Socket { get; }
            public byte[] Buffer { get; } = new byte[4096];
        }

        public sealed class SaeaServer
        {
            private readonly Socket _listenSocket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

            public void Start(IPEndPoint endPoint)
            {
                _listenSocket.Bind(endPoint);
                _listenSocket.Listen(512);
                var acceptArgs = new SocketAsyncEventArgs();
                acceptArgs.Completed += (_, e) => ProcessAccept(e);
                StartAccept(acceptArgs);
            }

            private void StartAccept(SocketAsyncEventArgs e)
            {
                e.AcceptSocket = null;
                if (![|_listenSocket.AcceptAsync(e)|])
                {
                    ProcessAccept(e);
                }
            }

            private void ProcessAccept(SocketAsyncEventArgs e)
            {
                var token = new UserToken(e.AcceptSocket!);
                var receiveArgs = new SocketAsyncEventArgs { UserToken = token };
                receiveArgs.SetBuffer(token.Buffer, 0, token.Buffer.Length);
                receiveArgs.Completed += (_, args) => ProcessReceive(args);
                if (!token.Socket.ReceiveAsync(receiveArgs)) ProcessReceive(receiveArgs);
                StartAccept(e);
            }

            private void ProcessReceive(SocketAsyncEventArgs e)
            {
                var token = (UserToken)e.UserToken!;
                if (e.BytesTransferred > 0 && !token.Socket.ReceiveAsync(e)) ProcessReceive(e);
            }
        }
        """;

    [Fact]
    public Task SocketAsyncEventArgs_server_keeping_AcceptSocket_in_a_user_token() => Verify.VerifyAsync(SocketAsyncEventArgsServer);

    private const string AcceptSocketAsyncWithInlineReceiveLoop = """
        using System;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        static class LogCollector
        {
            public static async Task CollectAsync(TcpListener listener, Action<ArraySegment<byte>> sink, CancellationToken cancellationToken)
            {
                listener.Start();
                using var socket = await [|listener.AcceptSocketAsync(cancellationToken)|];
                var buffer = new byte[16 * 1024];
                while (true)
                {
                    int read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                    if (read == 0) return;
                    sink(new ArraySegment<byte>(buffer, 0, read));
                }
            }
        }
        """;

    [Fact]
    public Task AcceptSocketAsync_read_in_a_loop() => Verify.VerifyAsync(AcceptSocketAsyncWithInlineReceiveLoop);

    private const string AcceptMethodGroupForFromAsync = """
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public static class TaskAccept
        {
            public static Task<Socket> AcceptNextAsync(Socket listener) =>
                Task.Factory.FromAsync(listener.BeginAccept, [|listener.EndAccept|], null);
        }
        """;

    [Fact]
    public Task EndAccept_method_group_handed_to_FromAsync() => Verify.VerifyAsync(AcceptMethodGroupForFromAsync);

    private const string ListenerConfiguredOnlyOnWindows = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Sockets;

        public sealed class ControlPlane
        {
            private readonly List<TcpClient> _agents = new();

            public void Serve()
            {
                var listener = new TcpListener(IPAddress.Any, 6200);
                if (OperatingSystem.IsWindows())
                {
                    listener.Server.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
                }

                listener.Start();
                while (true)
                {
                    _agents.Add([|listener.AcceptTcpClient()|]);
                }
            }
        }
        """;

    [Fact]
    public Task Accepted_from_a_listener_tuned_only_on_Windows() => Verify.VerifyAsync(ListenerConfiguredOnlyOnWindows);

    private const string RegistryInAnotherClass = """
        using System.Collections.Generic;
        using System.Net.Sockets;

        namespace Devices;

        public static class DeviceRegistry
        {
            private static readonly Dictionary<string, TcpClient> Devices = new();

            public static void Register(string serial, TcpClient connection)
            {
                lock (Devices) Devices[serial] = connection;
            }
        }

        public sealed class DeviceGateway
        {
            public void Accept(TcpListener listener)
            {
                var connection = [|listener.AcceptTcpClient()|];
                var serial = ReadSerial(connection.GetStream());
                DeviceRegistry.Register(serial, connection);
            }

            private static string ReadSerial(NetworkStream stream)
            {
                var buffer = new byte[16];
                var read = stream.Read(buffer, 0, buffer.Length);
                return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
            }
        }
        """;

    [Fact]
    public Task Helper_in_another_class_keeps_the_connection() => Verify.VerifyAsync(RegistryInAnotherClass);

    private const string FireAndForgetHandlerWithUsing = """
        using System.IO;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class LineServer
        {
            public async Task AcceptAsync(TcpListener listener)
            {
                listener.Start();
                while (true)
                {
                    var client = await [|listener.AcceptTcpClientAsync()|];
                    _ = HandleAsync(client);
                }
            }

            private static async Task HandleAsync(TcpClient client)
            {
                using (client)
                using (var reader = new StreamReader(client.GetStream()))
                {
                    string? line;
                    while ((line = await reader.ReadLineAsync()) != null)
                    {
                        System.Console.WriteLine(line);
                    }
                }
            }
        }
        """;

    [Fact]
    public Task Fire_and_forget_handler_reading_lines_until_the_peer_closes() => Verify.VerifyAsync(FireAndForgetHandlerWithUsing);

    private const string UsingScopedSessionLoopingOverField = """
        using System;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class ConsoleSession
        {
            private readonly Socket _socket;

            public ConsoleSession(Socket socket) => _socket = socket;

            public async Task RunAsync(CancellationToken cancellationToken)
            {
                var buffer = new byte[256];
                while (!cancellationToken.IsCancellationRequested)
                {
                    var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                    if (read == 0) return;
                    await _socket.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
                }
            }
        }

        public static class ConsoleServer
        {
            public static async Task ServeOneAsync(Socket listener, CancellationToken cancellationToken)
            {
                using var socket = await [|listener.AcceptAsync(cancellationToken)|];
                await new ConsoleSession(socket).RunAsync(cancellationToken);
            }
        }
        """;

    [Fact]
    public Task Using_scoped_connection_run_by_a_session_that_loops() =>
        Verify.VerifyAsync(UsingScopedSessionLoopingOverField);

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
