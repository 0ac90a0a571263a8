using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using static KeepAliveAnalyzers.Tests.Rules.KeepAliveRuleTemplates;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0006TimingsWithoutKeepAlive>;

namespace KeepAliveAnalyzers.Tests.Rules;

public class KA0006TimingsWithoutKeepAliveTests
{
    private const string Timings =
        "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60); " +
        "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);";

    private const string Enable = "socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); ";

    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    [Theory]
    [InlineData(Timings)]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 5);")]
    [InlineData(Timings + " socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, false); " + Timings)]
    public Task Timings_without_keepalive_are_reported(string configure) =>
        Verify.VerifyAsync(With(FeedClient, configure, "KA0006"), WithRuntime);

    [Fact]
    public Task Numeric_casts_without_keepalive_are_reported_in_a_netstandard_build() =>
        Verify.VerifyAsync(
            With(FeedClient, "socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 60);", "KA0006").Replace("using KeepAlive;", string.Empty),
            new() { TargetFramework = TestTargetFramework.NetStandard20 });

    [Fact]
    public Task Accepted_connection_with_timings_only_is_reported() =>
        Verify.VerifyAsync(With(AcceptLoop, Timings.Replace("socket.", "client."), "KA0006"));

    [Theory]
    [InlineData(Enable + Timings)]
    [InlineData(Timings + " " + Enable)]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, _keepAlive); " + Timings)]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, 1); " + Timings)]
    [InlineData("socket.SetRawSocketOption(1, 9, BitConverter.GetBytes(1)); " + Timings)]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null);")]
    [InlineData("TcpKeepAlive.Configure(socket);")]
    [InlineData("TcpKeepAlive.Configure(socket); " + Timings)]
    [InlineData("")]
    [InlineData(Enable)]
    [InlineData("if (OperatingSystem.IsWindows()) { " + Timings + " }")]
    [InlineData("socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData("if (_keepAlive) { " + Enable + "} " + Timings)]
    [InlineData(Timings + " socket.ConfigureTcpKeepAlive();")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true); socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)16, 4);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);")]
    [InlineData("socket.NoDelay = true; socket.ReceiveTimeout = 5_000;")]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, new byte[12], null); " + Timings)]
    [InlineData("socket.SetRawSocketOption(1, 9, BitConverter.GetBytes(1)); socket.SetRawSocketOption(6, 4, BitConverter.GetBytes(60));")]
    public Task Enabled_keepalive_or_no_timings_is_quiet(string configure) =>
        Verify.VerifyAsync(With(FeedClient, configure), WithRuntime);

    [Fact]
    public Task Keepalive_enabled_in_another_method_on_the_field_is_seen() =>
        Verify.VerifyAsync(
            With(FeedClient, Timings).Replace(
                "public void Dispose()",
                "public void EnableProbes() => _socket!.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);\n\n    public void Dispose()"),
            WithRuntime);

    [Fact]
    public Task Keepalive_enabled_on_the_listener_is_inherited() =>
        Verify.VerifyAsync(With(AcceptLoop, Timings.Replace("socket.", "client."), listener: Enable.Replace("socket.", "listener.")));

    [Fact]
    public Task Connection_handed_to_code_the_analysis_cannot_read_is_quiet() =>
        Verify.VerifyAsync(
            With(FeedClient, Timings + " Registry.Current.Register(socket);") + """

            public interface IRegistry { void Register(Socket socket); }

            public static class Registry { public static IRegistry Current { get; set; } = null!; }
            """,
            WithRuntime);

    [Fact]
    public Task Helper_that_enables_keepalive_is_followed() =>
        Verify.VerifyAsync(
            With(FeedClient, Timings + " Sockets.TurnOn(socket);") + """

            internal static class Sockets
            {
                public static void TurnOn(Socket s) => s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            }
            """,
            WithRuntime);

    [Fact]
    public Task Short_exchange_with_timings_only_is_quiet() =>
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
}
