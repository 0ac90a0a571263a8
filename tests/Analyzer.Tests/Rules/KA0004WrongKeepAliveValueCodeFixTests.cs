using System.Threading.Tasks;
using KeepAliveAnalyzers.CodeFixes;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.CodeFixVerifier<
    KeepAliveAnalyzers.Rules.KA0004WrongKeepAliveValue,
    KeepAliveAnalyzers.CodeFixes.KA0004WrongKeepAliveValueCodeFix>;

namespace KeepAliveAnalyzers.Tests.Rules;

public class KA0004WrongKeepAliveValueCodeFixTests
{
    private const string Before = """
        using System.Net.Sockets;

        static class KeepAliveSetup
        {
            public static void Apply(Socket socket, bool flag)
            {
                /*code*/
            }
        }
        """;

    private static string Code(string code) => Before.Replace("/*code*/", code);

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|30000|]);", "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, [|10_000|]);", "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|60000|] /* ms */);", "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60 /* ms */);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, [|120000|]);", "socket.SetSocketOption(SocketOptionLevel.Tcp, (SocketOptionName)3, 120);")]
    public Task Milliseconds_literal_becomes_seconds(string code, string fixedCode) => Verify.VerifyFixAsync(Code(code), Code(fixedCode));

    [Theory]
    [InlineData("socket.SetSocketOption([|SocketOptionLevel.IP|], SocketOptionName.TcpKeepAliveTime, 30);", "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);")]
    [InlineData("socket.SetSocketOption([|SocketOptionLevel.Socket|], SocketOptionName.TcpKeepAliveRetryCount, 6);", "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);")]
    [InlineData("socket.SetSocketOption([|SocketOptionLevel.Tcp|], SocketOptionName.KeepAlive, true);", "socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);")]
    [InlineData("socket.SetSocketOption([|System.Net.Sockets.SocketOptionLevel.IP|], SocketOptionName.TcpKeepAliveInterval, 10);", "socket.SetSocketOption(System.Net.Sockets.SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);")]
    [InlineData("socket.SetSocketOption([|(SocketOptionLevel)0|], SocketOptionName.TcpKeepAliveTime, 30);", "socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);")]
    public Task Wrong_level_gets_the_right_one(string code, string fixedCode) => Verify.VerifyFixAsync(Code(code), Code(fixedCode));

    [Fact]
    public Task Level_without_a_using_is_written_in_full() => Verify.VerifyFixAsync("""
        static class KeepAliveSetup
        {
            public static void Apply(System.Net.Sockets.Socket socket) =>
                socket.SetSocketOption([|(System.Net.Sockets.SocketOptionLevel)0|], System.Net.Sockets.SocketOptionName.TcpKeepAliveTime, 30);
        }
        """, """
        static class KeepAliveSetup
        {
            public static void Apply(System.Net.Sockets.Socket socket) =>
                socket.SetSocketOption(System.Net.Sockets.SocketOptionLevel.Tcp, System.Net.Sockets.SocketOptionName.TcpKeepAliveTime, 30);
        }
        """);

    [Fact]
    public Task Fix_all_converts_every_literal() => Verify.VerifyFixAsync(Code("""
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|30000|]);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, [|5000|]);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);
        """), Code("""
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);
        """));

    [Fact]
    public Task Equivalence_key_applies_one_kind_only() => Verify.VerifyFixAsync(Code("""
        socket.SetSocketOption([|SocketOptionLevel.IP|], SocketOptionName.TcpKeepAliveTime, 30);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, [|5000|]);
                socket.SetSocketOption([|SocketOptionLevel.Tcp|], SocketOptionName.KeepAlive, true);
        """), Code("""
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
                socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, [|5000|]);
                socket.SetSocketOption([|SocketOptionLevel.Tcp|], SocketOptionName.KeepAlive, true);
        """), new() { EquivalenceKey = KA0004WrongKeepAliveValueCodeFix.TcpLevelKey });

    [Theory]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|true|]);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|flag|]);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, [|2500|]);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|40960|]);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|0|]);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, [|200|]);")]
    [InlineData("const int idleMs = 30000; socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|idleMs|]);")]
    [InlineData("socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, [|30 * 1000|]);")]
    [InlineData("socket.SetRawSocketOption(6, 18, [|System.BitConverter.GetBytes(30)|]);")]
    [InlineData("socket.IOControl(IOControlCode.KeepAliveValues, [|new byte[] { 1, 0, 0, 0, 30, 0, 0, 0, 5, 0, 0, 0 }|], null);")]
    public Task No_fix_where_the_intent_is_unclear(string code) => Verify.VerifyNoFixOfferedAsync(Code(code));
}
