using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using static KeepAliveAnalyzers.Tests.Rules.KeepAliveRuleTemplates;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0003NoUserTimeout>;

namespace KeepAliveAnalyzers.Tests.Rules;

public class KA0003NoUserTimeoutTests
{
    private const string Tuned =
        "socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); " +
        "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60); " +
        "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10); " +
        "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);";

    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    [Theory]
    [InlineData(Tuned)]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);")]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null);")]
    public Task Tuned_keepalive_without_user_timeout_is_reported(string configure) =>
        Verify.VerifyAsync(With(FeedClient, configure, "KA0003"), WithRuntime);

    [Fact]
    public Task Numeric_casts_in_a_netstandard_build_are_reported() =>
        Verify.VerifyAsync(
            With(FeedClient, "socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60);", "KA0003")
                .Replace("using KeepAlive;", string.Empty),
            new() { TargetFramework = TestTargetFramework.NetStandard20 });

    [Fact]
    public Task Accepted_connection_inheriting_tuned_listener_options_is_reported() =>
        Verify.VerifyAsync(With(AcceptLoop, string.Empty, "KA0003", listener: Tuned.Replace("socket.", "listener.")));

    [Theory]
    [InlineData("TcpKeepAlive.Configure(socket);")]
    [InlineData(Tuned + " socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData(Tuned + " socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)5, 120);")]
    [InlineData(Tuned + " socket.SetRawSocketOption(6, 0x80, BitConverter.GetBytes(120));")]
    [InlineData(Tuned + " socket.SetRawSocketOption(6, 68, BitConverter.GetBytes(120));")]
    [InlineData(Tuned + " if (OperatingSystem.IsLinux()) socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, _keepAlive);")]
    [InlineData("")]
    [InlineData("if (OperatingSystem.IsWindows()) { " + Tuned + " }")]
    [InlineData("socket.ConfigureTcpKeepAlive();")]
    public Task Connections_with_a_user_timeout_or_another_rules_problem_are_quiet(string configure) =>
        Verify.VerifyAsync(With(FeedClient, configure), WithRuntime);

    [Fact]
    public Task Helper_method_setting_timings_and_user_timeout_is_followed() =>
        Verify.VerifyAsync(
            With(FeedClient, "SocketTuning.Apply(socket);") + """

            internal static class SocketTuning
            {
                public static void Apply(Socket socket)
                {
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                    socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                    socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60_000));
                }
            }
            """,
            WithRuntime);

    [Theory]
    [InlineData("dotnet_code_quality.KA0001.configuration_methods = M:Net.Setup.Apply(System.Net.Sockets.Socket)", false)]
    [InlineData("dotnet_code_quality.KA0001.configuration_methods = Net.Setup.Apply", false)]
    [InlineData("dotnet_code_quality.KA0001.configuration_methods = M:Net.Setup.Other(System.Net.Sockets.Socket)", true)]
    public Task Configuration_method_from_editorconfig_counts_as_full_configuration(string editorConfig, bool reported) =>
        Verify.VerifyAsync(
            With(FeedClient, "Net.Setup.Apply(socket);", reported ? "KA0003" : null) + """

            namespace Net
            {
                public static class Setup
                {
                    // Tuned keepalive but no user timeout: KA0003 unless the team says Apply is its full setup.
                    public static void Apply(Socket socket) => socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);

                    public static void Other(Socket socket) { }
                }
            }
            """,
            WithRuntime with { EditorConfig = editorConfig });

    [Fact]
    public Task User_timeout_on_the_listener_is_inherited_by_accepted_connections() =>
        Verify.VerifyAsync(With(AcceptLoop, string.Empty, listener: Tuned.Replace("socket.", "listener.") + " listener.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));"));

    [Fact]
    public Task Short_exchange_with_tuned_keepalive_is_quiet() =>
        Verify.VerifyAsync("""
            using System.Net.Sockets;

            public static class Probe
            {
                public static int Ping(string host)
                {
                    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
                    socket.Connect(host, 7);
                    socket.Send(new byte[] { 1 });
                    return socket.Receive(new byte[1]);
                }
            }
            """);

    [Fact]
    public Task Tuned_listener_itself_is_never_reported() =>
        Verify.VerifyAsync("""
            using System.Net;
            using System.Net.Sockets;

            public sealed class Acceptor
            {
                private readonly Socket _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                public void Start(int port)
                {
                    _listener.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
                    _listener.Bind(new IPEndPoint(IPAddress.Any, port));
                    _listener.Listen(10);
                }
            }
            """);

    [Fact]
    public Task Udp_socket_with_timings_is_not_a_connection() =>
        Verify.VerifyAsync("""
            using System.Net.Sockets;

            public sealed class Telemetry
            {
                private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

                public void Open() => _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
            }
            """);
}
