using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.CodeFixVerifier<
    KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection,
    KeepAliveAnalyzers.CodeFixes.KA0001NoDeadPeerDetectionCodeFix>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Shapes where the KA0001 code fix is not offered and no test in <see cref="KA0001NoDeadPeerDetectionCodeFixTests"/>
/// showed it yet; docs/rules/KA0001.md, "Where the code fix is not offered", names each of them.
/// </summary>
public class KA0001NoDeadPeerDetectionCodeFixNotOfferedTests
{
    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    [Fact]
    public Task No_fix_when_the_accept_fills_SocketAsyncEventArgs() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net;
        using System.Net.Sockets;

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
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_the_accept_is_a_method_group() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public static class TaskAccept
        {
            public static Task<Socket> AcceptNextAsync(Socket listener) =>
                Task.Factory.FromAsync(listener.BeginAccept, [|listener.EndAccept|], null);
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_the_accept_task_is_returned_unawaited() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class ClientSource
        {
            private readonly TcpListener _listener;

            public ClientSource(TcpListener listener) => _listener = listener;

            public Task<TcpClient> NextAsync()
            {
                return [|_listener.AcceptTcpClientAsync()|];
            }
        }
        """, WithRuntime);
}
