using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.CodeFixVerifier<
    KeepAliveAnalyzers.Rules.KA0002KeepAliveWithDefaultTimings,
    KeepAliveAnalyzers.CodeFixes.KA0002KeepAliveWithDefaultTimingsCodeFix>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Shapes where the KA0002 code fix (the KA0001 fix's placement, shared) is not offered; docs/rules/KA0002.md,
/// "Where the code fix is not offered", names each of them. The runtime-missing case is in
/// <see cref="KA0002KeepAliveWithDefaultTimingsCodeFixTests"/>.
/// </summary>
public class KA0002KeepAliveWithDefaultTimingsCodeFixNotOfferedTests
{
    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    [Fact]
    public Task No_fix_when_the_connection_is_passed_straight_into_a_call() => Verify.VerifyNoFixOfferedAsync("""
        using System.Collections.Generic;
        using System.Net.Sockets;

        public sealed class Hub
        {
            private readonly List<Socket> _peers = new();

            public void Serve(Socket listener)
            {
                listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                while (true)
                {
                    _peers.Add([|listener.Accept()|]);
                }
            }
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_in_a_field_initializer() => Verify.VerifyNoFixOfferedAsync("""
        using System.Net.Sockets;

        public sealed class Link
        {
            private readonly TcpClient _client = [|new TcpClient("example.org", 7)|];

            public Link()
            {
                _client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            }
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_the_connect_is_inside_a_condition() => Verify.VerifyNoFixOfferedAsync("""
        using System;
        using System.Net.Sockets;

        public sealed class Link
        {
            private TcpClient? _client;

            public void Open(string host, int port)
            {
                var client = [|new TcpClient()|];
                client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                if (!client.ConnectAsync(host, port).Wait(TimeSpan.FromSeconds(5)))
                {
                    throw new TimeoutException();
                }

                _client = client;
            }
        }
        """, WithRuntime);

    [Fact]
    public Task No_fix_when_ConnectAsync_is_not_awaited_in_its_statement() => Verify.VerifyNoFixOfferedAsync("""
        using System;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        public sealed class Link
        {
            private TcpClient? _client;

            public async Task OpenAsync(string host, int port)
            {
                var client = [|new TcpClient()|];
                client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                var connecting = client.ConnectAsync(host, port);
                await Task.WhenAny(connecting, Task.Delay(TimeSpan.FromSeconds(5)));
                _client = client;
            }
        }
        """, WithRuntime);
}
