using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0008UserTimeoutMismatch>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// KA0008: a user timeout compared with idle + interval × count on one socket variable. The cases are statements
/// placed in <see cref="Template"/>; <c>Keepalive(a, b, c)</c> stands for the three SetSocketOption calls.
/// </summary>
public class KA0008UserTimeoutMismatchTests
{
    internal const string Template = """
        using System;
        using System.Net.Sockets;

        public sealed class Connection
        {
            private Socket? _socket;

            public void Open(Socket socket, Socket other, TcpClient client, int seconds, byte[] raw, bool flag)
            {
                /*code*/
            }
        }
        """;

    private const string TwoOneThree = """
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 2);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 1);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3);
        """;

    private const string SixtyTenSix = """
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);
        """;

    private static Task VerifyCode(string code, params string[] messages) =>
        Verify.VerifyAsync(Template.Replace("/*code*/", code), new() { ExpectedMessages = messages.Length == 0 ? null : messages });

    // ---- diagnostics on one socket -----------------------------------------------------------------------------

    [Fact]
    public Task Linux_user_timeout_far_larger_than_the_keepalive_total() => VerifyCode(
        TwoOneThree + "\n        socket.SetRawSocketOption(6, 18, [|BitConverter.GetBytes(20000)|]);",
        "User timeout 20 s (TCP_USER_TIMEOUT 20000) is far larger than idle + interval × count = 2 s + 1 s × 3 = 5 s; on Linux it replaces the probe count, so a dead idle peer is found after about 20 s instead of 5 s; set it near 5 s");

    [Fact]
    public Task Linux_user_timeout_shorter_than_the_idle_time() => VerifyCode(
        SixtyTenSix + "\n        socket.SetRawSocketOption(6, 18, [|BitConverter.GetBytes(10_000)|]);",
        "User timeout 10 s (TCP_USER_TIMEOUT 10000) is shorter than the idle time 1 min; on Linux the first unanswered probe then drops the connection and the probe count no longer applies; use at least 1 min, ideally 2 min (idle + interval × count)");

    [Fact]
    public Task Shorter_than_the_idle_time_needs_only_the_idle_time() => VerifyCode("""
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300);
                var userTimeout = BitConverter.GetBytes(60_000);
                socket.SetRawSocketOption(6, 18, [|userTimeout|]);
        """,
        "User timeout 1 min (TCP_USER_TIMEOUT 60000) is shorter than the idle time 5 min; on Linux the first unanswered probe then drops the connection and the probe count no longer applies; use at least 5 min");

    [Fact]
    public Task Computed_constants_count() => VerifyCode(
        SixtyTenSix + "\n        socket.SetRawSocketOption(6, 18, [|BitConverter.GetBytes((int)TimeSpan.FromMinutes(10).TotalMilliseconds)|]);",
        "User timeout 10 min (TCP_USER_TIMEOUT 600000) is far larger than idle + interval × count = 1 min + 10 s × 6 = 2 min; on Linux it replaces the probe count, so a dead idle peer is found after about 10 min instead of 2 min; set it near 2 min");

    [Fact]
    public Task TcpClient_Client_is_the_same_socket() => VerifyCode("""
        client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 5);
                client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
                client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 2);
                client.Client.SetRawSocketOption(6, 18, [|BitConverter.GetBytes(60000)|]);
        """);

    [Fact]
    public Task Windows_max_retransmit_far_larger() => VerifyCode(
        SixtyTenSix + "\n        if (OperatingSystem.IsWindows()) socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)5, [|600|]);",
        "User timeout 10 min (TCP_MAXRT) is far larger than idle + interval × count = 1 min + 10 s × 6 = 2 min; a dead peer is found after 2 min when idle but only after 10 min while data is unacknowledged; set it near 2 min");

    [Fact]
    public Task Windows_max_retransmit_in_milliseconds() => VerifyCode(
        SixtyTenSix + "\n        socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)14, [|900_000|]);");

    [Fact]
    public Task Fields_are_compared_across_the_methods_of_their_type() => Verify.VerifyAsync("""
        using System;
        using System.Net.Sockets;

        public sealed class Feed
        {
            private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

            public void Connect(string host)
            {
                _socket.Connect(host, 443);
                EnableKeepAlive();
                _socket.SetRawSocketOption(6, 18, [|BitConverter.GetBytes(300_000)|]);
            }

            private void EnableKeepAlive()
            {
                _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                this._socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);
                _socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3);
            }
        }
        """);

    [Fact]
    public Task Fields_of_a_partial_type_are_compared_across_its_files() => Verify.VerifyAsync([
        """
        using System.Net.Sockets;

        public sealed partial class Feed
        {
            private Socket? _socket;

            private void EnableKeepAlive()
            {
                _socket!.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 120);
            }
        }
        """,
        """
        using System;

        public sealed partial class Feed
        {
            private void SetUserTimeout() => _socket!.SetRawSocketOption(6, 18, [|BitConverter.GetBytes(30_000)|]);
        }
        """]);

    [Fact]
    public Task NetStandard_casts() => Verify.VerifyAsync("""
        using System.Net.Sockets;

        static class KeepAlive
        {
            public static void Apply(Socket socket)
            {
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 10);
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)17, 5);
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)16, 4);
                socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)5, [|3600|]);
            }
        }
        """, new() { TargetFramework = TestTargetFramework.NetStandard20 });

    // ---- diagnostics on the runtime helper's options -----------------------------------------------------------

    private const string HelperTemplate = """
        using System;
        using System.Net.Sockets;
        using KeepAlive;

        static class Setup
        {
            public static void Apply(Socket socket, TimeSpan configured)
            {
                /*code*/
            }
        }
        """;

    private static Task VerifyHelper(string code, params string[] messages) =>
        Verify.VerifyAsync(HelperTemplate.Replace("/*code*/", code), new() { ReferenceKeepAliveRuntime = true, ExpectedMessages = messages.Length == 0 ? null : messages });

    [Theory]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { UserTimeout = [|TimeSpan.FromSeconds(30)|] });",
        "TcpKeepAliveOptions.UserTimeout 30 s is shorter than the idle time 1 min; TcpKeepAlive.Configure rejects it at run time; use at least 1 min, ideally 2 min (idle + interval × count), or leave it unset")]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { UserTimeout = [|TimeSpan.FromMinutes(10)|] });",
        "TcpKeepAliveOptions.UserTimeout 10 min is far larger than idle + interval × count = 1 min + 10 s × 6 = 2 min; on Linux it replaces the probe count, so a dead idle peer is found after about 10 min instead of 2 min; leave it unset to get 2 min")]
    [InlineData("var options = new TcpKeepAliveOptions { Idle = TimeSpan.FromSeconds(2), Interval = TimeSpan.FromSeconds(1), ProbeCount = 3, UserTimeout = [|TimeSpan.FromMilliseconds(20000)|] }; socket.ConfigureTcpKeepAlive(options);",
        "TcpKeepAliveOptions.UserTimeout 20 s is far larger than idle + interval × count = 2 s + 1 s × 3 = 5 s; on Linux it replaces the probe count, so a dead idle peer is found after about 20 s instead of 5 s; leave it unset to get 5 s")]
    [InlineData("socket.ConfigureTcpKeepAlive(new TcpKeepAliveOptions { Idle = new TimeSpan(0, 5, 0), UserTimeout = [|TimeSpan.FromMinutes(4)|] });",
        "TcpKeepAliveOptions.UserTimeout 4 min is shorter than the idle time 5 min; TcpKeepAlive.Configure rejects it at run time; use at least 5 min, ideally 6 min (idle + interval × count), or leave it unset")]
    public Task Helper_options(string code, string message) => VerifyHelper(code, message);

    // ---- valid: user timeouts that fit, or values the analysis cannot pin down ------------------------------------

    [Theory]
    [InlineData(TwoOneThree + "\n        socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(5000));")]
    [InlineData(TwoOneThree + "\n        socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(10000));")]
    [InlineData(TwoOneThree + "\n        socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(2000));")]
    [InlineData(SixtyTenSix + "\n        socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(120_000));")]
    [InlineData(SixtyTenSix + "\n        socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60_000));")]
    [InlineData(SixtyTenSix + "\n        socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(240_000));")]
    [InlineData(SixtyTenSix + "\n        socket.SetRawSocketOption(6, 18, BitConverter.GetBytes((int)TimeSpan.FromMinutes(2).TotalMilliseconds));")]
    [InlineData(SixtyTenSix + "\n        socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(0));")]
    [InlineData(SixtyTenSix + "\n        socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(seconds * 1000));")]
    [InlineData(SixtyTenSix + "\n        socket.SetRawSocketOption(6, 18, raw);")]
    [InlineData(SixtyTenSix + "\n        if (OperatingSystem.IsWindows()) socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(1));")]
    [InlineData(SixtyTenSix + "\n        socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)5, 120);")]
    [InlineData(SixtyTenSix + "\n        socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)5, 10);")]
    [InlineData(SixtyTenSix + "\n        socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)14, 120_000);")]
    [InlineData(SixtyTenSix + "\n        socket.SetRawSocketOption(6, 5, BitConverter.GetBytes(600));")]
    public Task Valid_user_timeouts_that_fit(string code) => VerifyCode(code);

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 2); socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 1); socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 2); socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3); socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 1); socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3); socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, seconds); socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 1); socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3); socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, flag ? 2 : 300); socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300); socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30); socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300); socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000)); socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(600000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300); other.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300); _socket!.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300); client.Client.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 0); socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300); var buffer = BitConverter.GetBytes(60000); if (flag) buffer = raw; socket.SetRawSocketOption(6, 18, buffer);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300); socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)5, 60);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300); socket.SetRawSocketOption(1, 18, BitConverter.GetBytes(60000));")]
    [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300); socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));")]
    public Task Valid_when_a_value_is_missing_ambiguous_or_on_another_socket(string code) => VerifyCode(code);

    [Fact]
    public Task Valid_locals_of_different_methods_are_different_sockets() => Verify.VerifyAsync("""
        using System;
        using System.Net.Sockets;

        static class Setup
        {
            static void Timings(Socket socket) => socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300);
            static void UserTimeout(Socket socket) => socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));
        }
        """);

    [Fact]
    public Task Valid_fields_of_different_types_are_different_sockets() => Verify.VerifyAsync("""
        using System;
        using System.Net.Sockets;

        class A
        {
            internal Socket Socket = new(SocketType.Stream, ProtocolType.Tcp);
            void Timings() => Socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300);
        }

        class B
        {
            internal Socket Socket = new(SocketType.Stream, ProtocolType.Tcp);
            void UserTimeout() => Socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));

            class Nested
            {
                void Other(B b) => b.Socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 300);
            }
        }
        """);

    [Fact]
    public Task Valid_same_names_on_other_types() => Verify.VerifyAsync("""
        using System;

        class FakeSocket
        {
            public void SetSocketOption(System.Net.Sockets.SocketOptionLevel level, System.Net.Sockets.SocketOptionName name, int value) { }
            public void SetRawSocketOption(int level, int name, byte[] value) { }
        }

        class User
        {
            void M(FakeSocket socket)
            {
                socket.SetSocketOption(System.Net.Sockets.SocketOptionLevel.Tcp, System.Net.Sockets.SocketOptionName.TcpKeepAliveTime, 300);
                socket.SetRawSocketOption(6, 18, BitConverter.GetBytes(60000));
            }
        }
        """);

    [Theory]
    [InlineData("TcpKeepAlive.Configure(socket);")]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions());")]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { Idle = TimeSpan.FromSeconds(30) });")]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { UserTimeout = null });")]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { UserTimeout = TimeSpan.FromMinutes(2) });")]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { UserTimeout = TimeSpan.FromMinutes(4) });")]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { UserTimeout = TimeSpan.FromSeconds(60) });")]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { UserTimeout = configured });")]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { Idle = configured, UserTimeout = TimeSpan.FromSeconds(30) });")]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { Idle = TimeSpan.FromSeconds(10), UserTimeout = TimeSpan.FromSeconds(30) });")]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { Idle = TimeSpan.FromSeconds(2), Interval = TimeSpan.FromSeconds(1), ProbeCount = 3, UserTimeout = TimeSpan.FromSeconds(5) });")]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { ProbeCount = 60, UserTimeout = TimeSpan.FromMinutes(10) });")]
    [InlineData("var options = new TcpKeepAliveOptions { UserTimeout = TimeSpan.FromSeconds(30) }; options.Idle = TimeSpan.FromSeconds(20); TcpKeepAlive.Configure(socket, options);")]
    [InlineData("var options = new TcpKeepAliveOptions { UserTimeout = TimeSpan.FromMinutes(10) }; options.ProbeCount = 60; socket.ConfigureTcpKeepAlive(options);")]
    [InlineData("TcpKeepAlive.Configure(socket, new TcpKeepAliveOptions { UserTimeout = TimeSpan.Zero });")]
    [InlineData("var options = new TcpKeepAliveOptions(); options.UserTimeout = TimeSpan.FromSeconds(30); TcpKeepAlive.Configure(socket, options);")]
    public Task Valid_helper_options(string code) => VerifyHelper(code);
}
