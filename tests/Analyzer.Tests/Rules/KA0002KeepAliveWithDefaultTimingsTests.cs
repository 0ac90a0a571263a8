using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using static KeepAliveAnalyzers.Tests.Rules.KeepAliveRuleTemplates;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0002KeepAliveWithDefaultTimings>;

namespace KeepAliveAnalyzers.Tests.Rules;

public class KA0002KeepAliveWithDefaultTimingsTests
{
    private const string On = "socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);";

    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    [Theory]
    [InlineData(On)]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, _keepAlive);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, 1);")]
    [InlineData("socket.SetRawSocketOption(1, 9, BitConverter.GetBytes(1));")]
    // Arguments are read by parameter, so named arguments in any order are the same call.
    [InlineData("socket.SetSocketOption(optionName: SocketOptionName.KeepAlive, optionLevel: SocketOptionLevel.Socket, optionValue: true);")]
    [InlineData("socket.SetSocketOption(optionValue: true, optionName: SocketOptionName.KeepAlive, optionLevel: SocketOptionLevel.Socket);")]
    [InlineData("if (_keepAlive) { " + On + " }")]
    [InlineData(On + " if (OperatingSystem.IsWindows()) { socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null); }")]
    // Tuning that only Windows implements, with plain keepalive on the code's own other path: Linux keeps the defaults,
    // whatever the branch condition is (a setting, an in-source OS helper the analysis cannot read).
    [InlineData("if (_keepAlive) { socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null); } else { " + On + " }")]
    [InlineData("if (!_keepAlive) { " + On + " } else { socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null); }")]
    [InlineData("try { socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null); } catch (PlatformNotSupportedException) { " + On + " }")]
    [InlineData("if (_keepAlive) socket.IOControl(unchecked((int)0x98000004), new byte[12], null); else socket.SetRawSocketOption(1, 9, BitConverter.GetBytes(1));")]
    public Task Keepalive_with_os_timings_is_reported(string configure) =>
        Verify.VerifyAsync(With(FeedClient, configure, "KA0002"), WithRuntime);

    [Fact]
    public Task Accepted_connection_inheriting_plain_keepalive_from_the_listener_is_reported() =>
        Verify.VerifyAsync(With(AcceptLoop, string.Empty, "KA0002", listener: On.Replace("socket.", "listener.")));

    [Theory]
    [InlineData("")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, false);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, 0);")]
    [InlineData("socket.SetSocketOption(optionValue: false, optionName: SocketOptionName.KeepAlive, optionLevel: SocketOptionLevel.Socket);")]
    [InlineData(On + " socket.SetSocketOption(optionName: SocketOptionName.TcpKeepAliveTime, optionLevel: SocketOptionLevel.Tcp, optionValue: 60);")]
    [InlineData(On + " socket.SetRawSocketOption(optionValue: BitConverter.GetBytes(60), optionName: 4, optionLevel: 6);")]
    [InlineData(On + " socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);")]
    [InlineData(On + " socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);")]
    [InlineData(On + " socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);")]
    [InlineData(On + " socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData(On + " socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null);")]
    [InlineData("if (_keepAlive) { socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null); } else { " + On + " socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60); }")]
    [InlineData("if (_keepAlive) { socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null); } else { socket.NoDelay = true; }")]
    [InlineData("if (_keepAlive) { socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null); }")]
    [InlineData("try { socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null); } catch (PlatformNotSupportedException) { }")]
    [InlineData("try { socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null); } finally { " + On + " }")]
    [InlineData(On + " TcpKeepAlive.Configure(socket);")]
    [InlineData("socket.ConfigureTcpKeepAlive(new TcpKeepAliveOptions { Idle = TimeSpan.FromSeconds(30) });")]
    [InlineData("if (OperatingSystem.IsWindows()) { " + On + " }")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);")]
    [InlineData("socket.NoDelay = true;")]
    [InlineData(On + " socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60);")]
    [InlineData(On + " socket.SetRawSocketOption(6, 4, BitConverter.GetBytes(60));")]
    [InlineData(On + " socket.ConfigureTcpKeepAlive();")]
    [InlineData(On + " if (_keepAlive) { socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60); }")]
    [InlineData("if (OperatingSystem.IsWindows()) { socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null); }")]
    [InlineData("socket.ReceiveTimeout = 30_000;")]
    [InlineData("socket.LingerState = new LingerOption(true, 0);")]
    // Windows-only tuning whose other path tunes too: the reported if/else (here with an OS check), catch fallback and
    // raw-number shapes above, with a timing next to SO_KEEPALIVE.
    [InlineData("if (OperatingSystem.IsWindows()) { socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null); } else { " + On + " socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60); }")]
    [InlineData("try { socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null); } catch (PlatformNotSupportedException) { " + On + " socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60); }")]
    [InlineData("if (_keepAlive) socket.IOControl(unchecked((int)0x98000004), new byte[12], null); else { socket.SetRawSocketOption(1, 9, BitConverter.GetBytes(1)); socket.SetRawSocketOption(6, 4, BitConverter.GetBytes(60)); }")]
    // Order does not matter: the timing may be set before keepalive is switched on.
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60); " + On)]
    // Both calls as numeric casts (SOL_SOCKET 0xffff / SO_KEEPALIVE 8, TcpKeepAliveTime 3); the first alone is reported.
    [InlineData("socket.SetSocketOption((SocketOptionLevel)0xffff, (SocketOptionName)8, true); socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60);")]
    // The helper's pass-through form (what the code fix wraps creations in) configures the socket like Configure.
    [InlineData(On + " KeepAlive.TcpKeepAlive.Configured(socket);")]
    [InlineData("_ = KeepAlive.TcpKeepAlive.Configured(socket); " + On)]
    public Task Tuned_absent_or_other_options_are_not_this_rule(string configure) =>
        Verify.VerifyAsync(With(FeedClient, configure), WithRuntime);

    [Fact]
    public Task Timings_set_in_another_method_on_the_field_complete_the_configuration() =>
        Verify.VerifyAsync(
            With(FeedClient, On).Replace(
                "public void Dispose()",
                "public void Tune() => _socket!.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 45);\n\n    public void Dispose()"),
            WithRuntime);

    [Fact]
    public Task Timings_set_by_an_in_source_helper_that_receives_the_socket_complete_the_configuration() =>
        Verify.VerifyAsync(
            With(FeedClient, On + " Tune(socket);").Replace(
                "public void Dispose()",
                "private static void Tune(Socket s) => s.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 45);\n\n    public void Dispose()"),
            WithRuntime);

    [Fact]
    public Task Listener_with_tuned_keepalive_gives_accepted_connections_tuned_timings() =>
        Verify.VerifyAsync(With(AcceptLoop, string.Empty, listener:
            On.Replace("socket.", "listener.") + " listener.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);"));

    [Fact]
    public Task Accepted_connection_tuning_its_own_timings_is_quiet() =>
        Verify.VerifyAsync(With(AcceptLoop, "client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);", listener: On.Replace("socket.", "listener.")));

    [Fact]
    public Task Short_exchange_with_keepalive_is_quiet() =>
        Verify.VerifyAsync("""
            using System.Net.Sockets;

            public static class Whois
            {
                public static string Query(string server, string name)
                {
                    using var client = new TcpClient(server, 43);
                    client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                    using var stream = client.GetStream();
                    var request = System.Text.Encoding.ASCII.GetBytes(name + "\r\n");
                    stream.Write(request, 0, request.Length);
                    return new System.IO.StreamReader(stream).ReadToEnd();
                }
            }
            """);

    [Fact]
    public Task Listener_socket_itself_with_keepalive_is_not_a_connection() =>
        Verify.VerifyAsync("""
            using System.Net;
            using System.Net.Sockets;

            public sealed class Acceptor
            {
                private Socket? _listener;

                public void Start(int port)
                {
                    _listener = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                    _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                    _listener.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
                    _listener.Listen(64);
                }
            }
            """);

    [Fact]
    public Task Team_configuration_method_counts_as_tuned() =>
        Verify.VerifyAsync(
            With(FeedClient, On + " Ops.Net.Tune(socket);") + """

            namespace Ops
            {
                public static class Net
                {
                    public static void Tune(Socket socket) { }
                }
            }
            """,
            WithRuntime with { EditorConfig = "dotnet_code_quality.KA0001.configuration_methods = M:Ops.Net.Tune(System.Net.Sockets.Socket)" });
}
