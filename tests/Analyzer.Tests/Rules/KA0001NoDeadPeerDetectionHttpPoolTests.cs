using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// A connection returned from a <c>SocketsHttpHandler.ConnectCallback</c> belongs to the HTTP pool, which closes idle
/// connections (PooledConnectionIdleTimeout, 1 minute by default) and bounds each request by its timeout: not reported.
/// The same creation returned from any other lambda, or kept by the callback as well, still is.
/// </summary>
public class KA0001NoDeadPeerDetectionHttpPoolTests
{
    private const string StreamFromConnectCallback = """
        using System.Net.Http;
        using System.Net.Sockets;

        static class Http
        {
            public static HttpClient Create()
            {
                var handler = new SocketsHttpHandler();
                handler.ConnectCallback = async (context, token) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        await socket.ConnectAsync(context.DnsEndPoint, token);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                };
                return new HttpClient(handler);
            }
        }
        """;

    [Fact]
    public Task Socket_returned_as_a_stream_from_a_connect_callback() => Verify.VerifyAsync(StreamFromConnectCallback);

    [Fact]
    public Task Connect_callback_in_an_object_initializer() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Sockets;

        static class Http
        {
            public static HttpClient Create() => new(new SocketsHttpHandler
            {
                ConnectCallback = async (context, token) =>
                {
                    var client = new TcpClient();
                    await client.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, token);
                    return client.GetStream();
                },
            });
        }
        """);

    [Fact]
    public Task Connect_callback_returning_the_socket_it_binds_to_a_local_address() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Net.Sockets;

        static class Http
        {
            public static SocketsHttpHandler Bound(IPAddress local)
            {
                var handler = new SocketsHttpHandler();
                handler.ConnectCallback = async (context, token) =>
                {
                    var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, true);
                };
                return handler;
            }
        }
        """);

    [Fact]
    public Task Socket_returned_from_another_lambda_is_still_reported() => Verify.VerifyAsync("""
        using System;
        using System.Net.Sockets;

        static class Dialer
        {
            public static Func<string, int, NetworkStream> Open = (host, port) =>
            {
                var socket = {|KA0001:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                socket.Connect(host, port);
                return new NetworkStream(socket, true);
            };
        }
        """);

    private const string CallbackThatAlsoKeepsTheSocket = """
        using System.Collections.Concurrent;
        using System.Net.Http;
        using System.Net.Sockets;

        static class Http
        {
            private static readonly ConcurrentBag<Socket> s_all = new();

            public static SocketsHttpHandler Tracked()
            {
                var handler = new SocketsHttpHandler();
                handler.ConnectCallback = async (context, token) =>
                {
                    var socket = {|KA0001:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                    s_all.Add(socket);
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, true);
                };
                return handler;
            }
        }
        """;

    [Fact]
    public Task Connect_callback_that_also_keeps_the_socket_is_still_reported() => Verify.VerifyAsync(CallbackThatAlsoKeepsTheSocket);

    [Fact]
    public Task Connect_callback_returning_the_stream_through_a_local() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net.Http;
        using System.Net.Sockets;

        static class Http
        {
            public static SocketsHttpHandler Create()
            {
                var handler = new SocketsHttpHandler();
                handler.ConnectCallback = async (context, token) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    await socket.ConnectAsync(context.DnsEndPoint, token).ConfigureAwait(false);
                    Stream stream = new NetworkStream(socket, ownsSocket: true);
                    return stream;
                };
                return handler;
            }
        }
        """);

    [Fact]
    public Task Static_connect_callback_on_a_handler_field() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Sockets;

        sealed class Api
        {
            private readonly SocketsHttpHandler _handler = new();

            public Api()
            {
                _handler.ConnectCallback = static async (context, token) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, true);
                };
            }
        }
        """);

    [Fact]
    public Task Connect_callback_with_an_expression_body_helper() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Sockets;
        using System.Threading;
        using System.Threading.Tasks;

        static class Http
        {
            public static SocketsHttpHandler Create() => new()
            {
                ConnectCallback = async (context, token) =>
                {
                    var client = new TcpClient { NoDelay = true };
                    await client.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, token);
                    return client.GetStream();
                },
                PooledConnectionIdleTimeout = System.TimeSpan.FromSeconds(30),
            };
        }
        """);
}
