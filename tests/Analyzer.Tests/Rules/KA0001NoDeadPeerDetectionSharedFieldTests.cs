using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// One socket field that serves two roles on different paths: a listener in one method (replaced by the socket it
/// accepts) and a dialled connection in another. The dialled socket is a connection because its own creating method
/// connects it, directly or through a method of the same type it calls after the creation; the field's Listen on the
/// other path does not make it a listener. Anything else that touches the field keeps its former verdict.
/// </summary>
public class KA0001NoDeadPeerDetectionSharedFieldTests
{
    /// <summary>
    /// <c>/*dial*/</c> is the dialling method's creation and <c>/*accept*/</c> the accept (each with or without the
    /// markup), <c>/*configure*/</c> what the dialling path sets before it connects, <c>/*listen*/</c> what the
    /// listening path sets.
    /// </summary>
    internal const string PeerStreamTemplate = """
        using System;
        using System.IO;
        using System.Net;
        using System.Net.Sockets;
        using KeepAlive;

        namespace Transport;

        /// <summary>A duplex stream to one peer: either it waits for the peer or it dials it.</summary>
        public sealed class PeerStream : Stream
        {
            private Socket? _socket;

            public void WaitForPeer(int port)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _socket.Bind(new IPEndPoint(IPAddress.Any, port));
                _socket.Listen(1);
                /*listen*/
                _socket = /*accept*/;
            }

            public void Dial(string host, int port)
            {
                _socket = /*dial*/;
                /*configure*/
                ConnectToHost(host, port);
            }

            private void ConnectToHost(string host, int port)
            {
                foreach (var address in Dns.GetHostAddresses(host))
                {
                    try
                    {
                        _socket!.Connect(address, port);
                        return;
                    }
                    catch (SocketException)
                    {
                    }
                }

                throw new IOException($"cannot reach {host}:{port}");
            }

            public void CopyTo(Action<byte[], int> sink)
            {
                var buffer = new byte[8192];
                int read;
                while ((read = Read(buffer, 0, buffer.Length)) > 0)
                {
                    sink(buffer, read);
                }
            }

            public override int Read(byte[] buffer, int offset, int count) => _socket!.Receive(buffer, offset, count, SocketFlags.None);

            public override void Write(byte[] buffer, int offset, int count) => _socket!.Send(buffer, offset, count, SocketFlags.None);

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    _socket?.Dispose();
                }

                base.Dispose(disposing);
            }
        }
        """;

    private const string NewSocket = "new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)";

    private static string PeerStream(bool markDial, bool markAccept, string configure = "", string listen = "") =>
        PeerStreamTemplate
            .Replace("/*dial*/", markDial ? "[|" + NewSocket + "|]" : NewSocket)
            .Replace("/*accept*/", markAccept ? "[|_socket.Accept()|]" : "_socket.Accept()")
            .Replace("/*configure*/", configure)
            .Replace("/*listen*/", listen);

    // The accepted socket replaces the listener in the field and nothing configures it: reported, as before this rule.
    [Fact]
    public Task Socket_dialled_through_a_connect_helper_of_the_same_type() =>
        Verify.VerifyAsync(PeerStream(markDial: true, markAccept: true), new() { ReferenceKeepAliveRuntime = true });

    private const string ForLoopOverAddresses = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class RelayLink : IDisposable
        {
            private Socket? _socket;

            public event Action<byte[], int>? Received;

            public void Serve(int port)
            {
                _socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                _socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
                _socket.Listen(1);
                _socket = [|_socket.Accept()|];
            }

            public async Task OpenAsync(string host, int port)
            {
                _socket = [|new Socket(SocketType.Stream, ProtocolType.Tcp)|];
                _socket.NoDelay = true;
                await this.ConnectAnyAsync(host, port);
                _ = Task.Run(Pump);
            }

            private async Task ConnectAnyAsync(string host, int port)
            {
                var addresses = await Dns.GetHostAddressesAsync(host);
                for (var i = 0; i < addresses.Length; i++)
                {
                    try
                    {
                        await _socket!.ConnectAsync(addresses[i], port);
                        break;
                    }
                    catch (SocketException) when (i < addresses.Length - 1)
                    {
                        continue;
                    }
                }
            }

            private void Pump()
            {
                var buffer = new byte[4096];
                int read;
                while ((read = _socket!.Receive(buffer)) > 0)
                {
                    Received?.Invoke(buffer, read);
                }
            }

            public void Dispose() => _socket?.Dispose();
        }
        """;

    [Fact]
    public Task Socket_dialled_through_a_for_loop_over_addresses_with_try_catch_continue() => Verify.VerifyAsync(ForLoopOverAddresses);

    private const string ConnectedInTheCreatingMethod = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public sealed class ConsoleLink : IDisposable
        {
            private Socket? _socket;

            public void Listen(int port)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                _socket.Listen(1);
                _socket = [|_socket.Accept()|];
            }

            public void Connect(string host, int port)
            {
                _socket = [|new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|];
                _socket.Connect(host, port);
            }

            public int Read(byte[] buffer) => _socket!.Receive(buffer);

            public void Dispose() => _socket?.Dispose();
        }
        """;

    [Fact]
    public Task Socket_connected_directly_in_its_creating_method() => Verify.VerifyAsync(ConnectedInTheCreatingMethod);

    /// <summary>
    /// The helper stores a socket of its own before it connects: that one is the connection (reported in the helper),
    /// the caller's creation is not connected by it and stays unjudged, as before.
    /// </summary>
    private const string HelperReplacesTheFieldBeforeConnecting = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public sealed class Channel : IDisposable
        {
            private Socket? _socket;

            public void Passive(int port)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _socket.Bind(new IPEndPoint(IPAddress.Any, port));
                _socket.Listen(1);
                using var peer = _socket.Accept();
                peer.Send(new byte[] { 1 });
            }

            public void Active(string host, int port)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                Redial(host, port);
            }

            private void Redial(string host, int port)
            {
                _socket?.Dispose();
                _socket = [|new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|];
                _socket.Connect(host, port);
            }

            public int Read(byte[] buffer) => _socket!.Receive(buffer);

            public void Dispose() => _socket?.Dispose();
        }
        """;

    [Fact]
    public Task A_helper_that_replaces_the_field_before_connecting() => Verify.VerifyAsync(HelperReplacesTheFieldBeforeConnecting);

    // ---- valid ----

    [Theory]
    [InlineData("TcpKeepAlive.Configure(_socket);")]
    [InlineData("_socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); " +
                "_socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60); " +
                "_socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10); " +
                "_socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);")]
    [InlineData("_socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(30_000));")] // TCP_USER_TIMEOUT: a user timeout is enough for KA0001
    public Task Dialled_socket_with_tuned_keepalive_or_a_user_timeout(string configure) =>
        Verify.VerifyAsync(PeerStream(markDial: false, markAccept: false, configure), new() { ReferenceKeepAliveRuntime = true });

    // SO_KEEPALIVE with the OS timings is KA0002's finding, not KA0001's.
    [Fact]
    public Task Dialled_socket_with_keepalive_on_the_OS_timings() =>
        Verify.VerifyAsync(
            PeerStream(markDial: false, markAccept: false, "_socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);"),
            new() { ReferenceKeepAliveRuntime = true });

    // The listener's options reach the socket it accepts (Linux copies them); the field's configuration counts for
    // every socket kept in it, the dialled one too (the flow follows the field, not the path).
    [Fact]
    public Task Accepted_socket_of_a_configured_listener() =>
        Verify.VerifyAsync(PeerStream(markDial: false, markAccept: false, listen: "TcpKeepAlive.Configure(_socket);"), new() { ReferenceKeepAliveRuntime = true });

    /// <summary>The listening side alone: the class can redial with its connect helper, but the creation only listens.</summary>
    private const string ListeningCreationWithAConnectHelper = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Text;

        public sealed class BannerPort : IDisposable
        {
            private Socket? _socket;

            public void Open(int port)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _socket.Bind(new IPEndPoint(IPAddress.Any, port));
                _socket.Listen(16);
                while (true)
                {
                    using var peer = _socket.Accept();
                    peer.Send(Encoding.ASCII.GetBytes("ready\r\n"));
                }
            }

            public void Redial(string host, int port) => ConnectToHost(host, port);

            private void ConnectToHost(string host, int port) => _socket!.Connect(host, port);

            public void Dispose() => _socket?.Dispose();
        }
        """;

    [Fact]
    public Task The_listening_creation_is_not_a_connection() => Verify.VerifyAsync(ListeningCreationWithAConnectHelper);

    /// <summary>The creating method calls a helper of its type after the creation; the helper's text says Connect only in a comment.</summary>
    private const string OnlyEverListenedOn = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Text;

        public sealed class StatusPort : IDisposable
        {
            private Socket? _listener;

            public void Start(int port)
            {
                _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                Prepare(port);
                while (true)
                {
                    using var peer = _listener.Accept();
                    peer.Send(Encoding.ASCII.GetBytes("ok\r\n"));
                }
            }

            private void Prepare(int port)
            {
                _listener!.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                _listener.Bind(new IPEndPoint(IPAddress.Any, port));
                _listener.Listen(100); // Connect requests queue up to 100 deep
            }

            public void Dispose() => _listener?.Dispose();
        }
        """;

    [Fact]
    public Task A_field_only_ever_listened_on() => Verify.VerifyAsync(OnlyEverListenedOn);

    /// <summary>The helper connects another field (handed in, not created here): the creation stays unjudged, as before.</summary>
    private const string HelperConnectsAnotherField = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public sealed class DataChannel : IDisposable
        {
            private readonly Socket _control;
            private Socket? _socket;

            public DataChannel(Socket control) => _control = control;

            public void Passive(int port)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _socket.Bind(new IPEndPoint(IPAddress.Any, port));
                _socket.Listen(1);
                using var peer = _socket.Accept();
                peer.Send(new byte[] { 1 });
            }

            public void Active(string host, int port)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                ConnectControl(host, port);
            }

            private void ConnectControl(string host, int port) => _control.Connect(host, port);

            public void Dispose() => _socket?.Dispose();
        }
        """;

    [Fact]
    public Task A_helper_that_connects_a_different_field() => Verify.VerifyAsync(HelperConnectsAnotherField);

    /// <summary>The helper runs before the creation: it connected the socket the creation replaces.</summary>
    private const string HelperCalledBeforeTheCreation = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public sealed class Probe : IDisposable
        {
            private Socket? _socket;

            public void Passive(int port)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _socket.Bind(new IPEndPoint(IPAddress.Any, port));
                _socket.Listen(1);
                using var peer = _socket.Accept();
                peer.Send(new byte[] { 1 });
            }

            public void Reset(string host, int port)
            {
                ConnectToHost(host, port);
                _socket?.Dispose();
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            }

            private void ConnectToHost(string host, int port) => _socket!.Connect(host, port);

            public void Dispose() => _socket?.Dispose();
        }
        """;

    [Fact]
    public Task A_helper_called_before_the_creation() => Verify.VerifyAsync(HelperCalledBeforeTheCreation);

    /// <summary>The helper is called on another branch than the creation: it does not connect what the creation made.</summary>
    private const string HelperOnAnotherBranch = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public sealed class Endpoint : IDisposable
        {
            private Socket? _socket;

            public void Passive(int port)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _socket.Bind(new IPEndPoint(IPAddress.Any, port));
                _socket.Listen(1);
                using var peer = _socket.Accept();
                peer.Send(new byte[] { 1 });
            }

            public void Prepare(string host, int port, bool reuse)
            {
                if (reuse)
                {
                    ConnectToHost(host, port);
                }
                else
                {
                    _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                }
            }

            private void ConnectToHost(string host, int port) => _socket!.Connect(host, port);

            public void Dispose() => _socket?.Dispose();
        }
        """;

    [Fact]
    public Task A_helper_called_on_another_branch() => Verify.VerifyAsync(HelperOnAnotherBranch);

    /// <summary>
    /// The connect helper is another type's (the socket is handed to it): unchanged, the creation stays unjudged,
    /// because only methods of the creating type are looked into and the field's Listen still makes it a listener.
    /// </summary>
    private const string HelperInAnotherType = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public static class Dialer
        {
            public static void ConnectAny(Socket socket, string host, int port)
            {
                foreach (var address in Dns.GetHostAddresses(host))
                {
                    try
                    {
                        socket.Connect(address, port);
                        return;
                    }
                    catch (SocketException)
                    {
                        continue;
                    }
                }
            }
        }

        public sealed class Pipe : IDisposable
        {
            private Socket? _socket;

            public void Passive(int port)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _socket.Bind(new IPEndPoint(IPAddress.Any, port));
                _socket.Listen(1);
                using var peer = _socket.Accept();
                peer.Send(new byte[] { 1 });
            }

            public void Active(string host, int port)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                Dialer.ConnectAny(_socket, host, port);
            }

            public int Read(byte[] buffer) => _socket!.Receive(buffer);

            public void Dispose() => _socket?.Dispose();
        }
        """;

    [Fact]
    public Task A_connect_helper_in_another_type() => Verify.VerifyAsync(HelperInAnotherType);

    /// <summary>The helper connects a parameter spelled like the field: another socket, so the creation stays unjudged.</summary>
    private const string HelperConnectsAParameterOfTheSameName = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public sealed class Bridge : IDisposable
        {
            private Socket? _socket;

            public void Passive(int port)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _socket.Bind(new IPEndPoint(IPAddress.Any, port));
                _socket.Listen(1);
                using var peer = _socket.Accept();
                peer.Send(new byte[] { 1 });
            }

            public void Active(string host, int port)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                Touch(probe, host, port);
            }

            private static void Touch(Socket _socket, string host, int port) => _socket.Connect(host, port);

            public void Dispose() => _socket?.Dispose();
        }
        """;

    [Fact]
    public Task A_helper_that_connects_a_parameter_spelled_like_the_field() => Verify.VerifyAsync(HelperConnectsAParameterOfTheSameName);
}
