using System.Threading.Tasks;
using Xunit;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// Connection types spelled through a <c>using</c> alias: the only spelling of a site that names neither Socket,
/// TcpClient nor Accept, which the text filter that skips socket-free types must still let through.
/// </summary>
public class KA0001NoDeadPeerDetectionAliasTests
{
    private const string Uplink = """
        namespace Telemetry;

        public sealed class Uplink
        {
            private Link? _link;

            public void Open(string host, int port)
            {
                _link = /*create*/;
                _link.Connect(host, port);
                /*configure*/
            }

            public int Read(byte[] buffer) => _link!.GetStream().Read(buffer, 0, buffer.Length);
        }
        """;

    private static string Code(string usings, bool mark, string configure = "") =>
        usings + "\n" + Uplink.Replace("/*create*/", mark ? "[|new Link()|]" : "new Link()").Replace("/*configure*/", configure);

    [Theory]
    [InlineData("using Link = System.Net.Sockets.TcpClient;")]
    [InlineData("using Link = global::System.Net.Sockets.TcpClient;")]
    public Task File_alias_is_reported(string usings) => Verify.VerifyAsync(Code(usings, mark: true));

    [Fact]
    public Task Global_alias_in_another_file_is_reported() => Verify.VerifyAsync(
        [Code("", mark: true), "global using Link = System.Net.Sockets.TcpClient;"]);

    [Fact]
    public Task Namespace_alias_is_reported() => Verify.VerifyAsync(
        "namespace Outer { using Link = System.Net.Sockets.TcpClient; " + Uplink.Replace("namespace Telemetry;", "").Replace("/*create*/", "[|new Link()|]").Replace("/*configure*/", "") + " }");

    [Theory]
    [InlineData("using Link = System.Net.Sockets.TcpClient;")]
    [InlineData("global using Link = System.Net.Sockets.TcpClient;")]
    public Task Configured_alias_is_quiet(string usings) => Verify.VerifyAsync(
        Code(usings, mark: false, configure: "_link.Client.SetSocketOption(System.Net.Sockets.SocketOptionLevel.Socket, System.Net.Sockets.SocketOptionName.KeepAlive, true); " +
            "_link.Client.SetSocketOption(System.Net.Sockets.SocketOptionLevel.Tcp, System.Net.Sockets.SocketOptionName.TcpKeepAliveTime, 60); " +
            "_link.Client.SetSocketOption(System.Net.Sockets.SocketOptionLevel.Tcp, System.Net.Sockets.SocketOptionName.TcpKeepAliveInterval, 10); " +
            "_link.Client.SetSocketOption(System.Net.Sockets.SocketOptionLevel.Tcp, System.Net.Sockets.SocketOptionName.TcpKeepAliveRetryCount, 6);"));

    [Theory]
    [InlineData("using Link = System.IO.MemoryStream;")]
    [InlineData("using Link = System.Text.StringBuilder;")]
    public Task Aliases_of_other_types_are_quiet(string usings) => Verify.VerifyAsync(usings + """

        public sealed class Holder
        {
            private readonly Link _link = new Link();
            public override string ToString() => _link.ToString()!;
        }
        """);

    [Fact]
    public Task Types_without_sockets_next_to_a_connection_are_quiet() => Verify.VerifyAsync(
        [Code("using Link = System.Net.Sockets.TcpClient;", mark: true), "public sealed class Plain { public int Value { get; set; } }"]);
}
