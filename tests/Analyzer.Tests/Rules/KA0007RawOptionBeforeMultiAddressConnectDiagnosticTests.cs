using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verifier = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0007RawOptionBeforeMultiAddressConnect>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// KA0007 reports a raw option or a handle read followed, in the same body, by a connect that can try several
/// addresses on the same socket (host name, DnsEndPoint, IPAddress[]), on Socket or TcpClient, sync, async or Begin*.
/// </summary>
public class KA0007RawOptionBeforeMultiAddressConnectDiagnosticTests
{
    /// <summary>A connector; <c>/*body*/</c> is replaced per case.</summary>
    internal const string Template = """
        using System;
        using System.Net;
        using System.Net.Sockets;
        using System.Runtime.InteropServices;
        using System.Threading.Tasks;

        public sealed class Connector
        {
            private static readonly byte[] UserTimeout = BitConverter.GetBytes(120_000);
            private Socket _socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            private readonly TcpClient _client = new TcpClient();

            public async Task OpenAsync(string host, int port, IPAddress[] addresses, IPEndPoint endPoint)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                var client = new TcpClient();
                /*body*/
                await Task.CompletedTask;
            }

            [DllImport("libc", SetLastError = true)]
            private static extern int setsockopt(IntPtr fd, int level, int name, ref int value, uint length);
        }
        """;

    private static Task Verify(string body, TestTargetFramework framework = TestTargetFramework.Net80) =>
        Verifier.VerifyAsync(Template.Replace("/*body*/", body), new() { TargetFramework = framework });

    [Theory]
    [InlineData("[|socket.SetRawSocketOption(6, 18, UserTimeout)|]; socket.Connect(host, port);")]
    [InlineData("[|socket.SetRawSocketOption(6, 18, UserTimeout)|]; await socket.ConnectAsync(host, port);")]
    [InlineData("[|socket.SetRawSocketOption(6, 18, UserTimeout)|]; await socket.ConnectAsync(new DnsEndPoint(host, port));")]
    [InlineData("[|socket.SetRawSocketOption(6, 18, UserTimeout)|]; EndPoint remote = new DnsEndPoint(host, port); socket.Connect(remote);")]
    [InlineData("[|socket.SetRawSocketOption(6, 18, UserTimeout)|]; socket.Connect(addresses, port);")]
    [InlineData("[|socket.SetRawSocketOption(6, 18, UserTimeout)|]; await socket.ConnectAsync(Dns.GetHostAddresses(host), port);")]
    [InlineData("[|socket.SetRawSocketOption(6, 18, UserTimeout)|]; socket.Connect(new[] { IPAddress.IPv6Loopback, IPAddress.Loopback }, port);")]
    [InlineData("[|socket.SetRawSocketOption(6, 18, UserTimeout)|]; socket.EndConnect(socket.BeginConnect(host, port, null, null));")]
    [InlineData("[|socket.SetRawSocketOption(6, 18, UserTimeout)|]; socket.Connect(\"localhost\", port);")]
    [InlineData("[|socket.SetRawSocketOption(6, 18, UserTimeout)|]; socket.NoDelay = true; socket.Connect(host, port);")]
    [InlineData("var fd = [|socket.Handle|]; int ms = 120_000; setsockopt(fd, 6, 18, ref ms, 4); socket.Connect(host, port);")]
    [InlineData("Console.WriteLine([|socket.SafeHandle|].IsInvalid); await socket.ConnectAsync(host, port);")]
    [InlineData("[|_socket.SetRawSocketOption(6, 18, UserTimeout)|]; _socket.Connect(host, port);")]
    [InlineData("[|this._socket.SetRawSocketOption(6, 18, UserTimeout)|]; await _socket.ConnectAsync(host, port);")]
    // A store into another object's field is not a new socket in this one's.
    [InlineData("[|_socket.SetRawSocketOption(6, 18, UserTimeout)|]; var other = new Connector(); other._socket = new Socket(SocketType.Stream, ProtocolType.Tcp); _socket.Connect(host, port);")]
    [InlineData("[|client.Client.SetRawSocketOption(6, 18, UserTimeout)|]; client.Connect(host, port);")]
    [InlineData("[|client.Client.SetRawSocketOption(6, 18, UserTimeout)|]; await client.ConnectAsync(host, port);")]
    [InlineData("var raw = client.Client; [|raw.SetRawSocketOption(6, 18, UserTimeout)|]; await client.ConnectAsync(addresses, port);")]
    [InlineData("[|_client.Client.SetRawSocketOption(6, 18, UserTimeout)|]; _client.Connect(host, port);")]
    [InlineData("[|client.Client.SetRawSocketOption(6, 18, UserTimeout)|]; client.Client.Connect(host, port);")]
    [InlineData("_ = [|client.Client.Handle|]; client.EndConnect(client.BeginConnect(host, port, null, null));")]
    [InlineData("if (OperatingSystem.IsLinux()) [|socket.SetRawSocketOption(6, 18, UserTimeout)|]; socket.Connect(host, port);")]
    [InlineData("Func<Task> open = async () => { [|socket.SetRawSocketOption(6, 18, UserTimeout)|]; await socket.ConnectAsync(host, port); }; await open();")]
    public Task Untracked_configuration_before_a_multi_address_connect(string body) => Verify(body);

    [Theory]
    [InlineData("var fd = [|socket.Handle|]; int ms = 120_000; setsockopt(fd, 6, 18, ref ms, 4); socket.Connect(host, port);")]
    [InlineData("var fd = [|client.Client.Handle|]; int ms = 120_000; setsockopt(fd, 6, 18, ref ms, 4); client.Connect(host, port);")]
    [InlineData("var fd = [|socket.Handle|]; int ms = 120_000; setsockopt(fd, 6, 18, ref ms, 4); socket.Connect(new DnsEndPoint(host, port));")]
    public Task Handle_for_a_native_setsockopt_on_netstandard(string body) => Verify(body, TestTargetFramework.NetStandard20);

    [Fact]
    public Task Message_names_the_call_the_connect_and_its_target() =>
        Verifier.VerifyAsync(
            Template.Replace("/*body*/", """
                [|socket.SetRawSocketOption(6, 18, UserTimeout)|];
                await socket.ConnectAsync(host, port);
                """),
            new()
            {
                ExpectedMessages =
                [
                    "'SetRawSocketOption' comes before ConnectAsync (line 18) with a host name on the same socket: on Linux and macOS a refused first address then fails the whole connect instead of trying the next one; set raw options after connecting (TcpKeepAlive.Configure does)",
                ],
            });
}
