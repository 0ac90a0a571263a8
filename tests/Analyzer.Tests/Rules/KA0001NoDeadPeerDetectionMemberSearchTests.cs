using System.Threading.Tasks;
using KeepAliveAnalyzers.Tests.Verifiers;
using Xunit;
using static KeepAliveAnalyzers.Tests.Rules.KeepAliveRuleTemplates;
using Verify = KeepAliveAnalyzers.Tests.Verifiers.AnalyzerVerifier<KeepAliveAnalyzers.Rules.KA0001NoDeadPeerDetection>;

namespace KeepAliveAnalyzers.Tests.Rules;

/// <summary>
/// The connection held in a field is followed into the type's other members, found by the text of their bodies
/// before anything is bound: every spelling of the field's name must be found (escaped, verbatim, in any member kind).
/// </summary>
public class KA0001NoDeadPeerDetectionMemberSearchTests
{
    /// <summary>A pump whose field is configured in another method under an escaped spelling of its name.</summary>
    internal const string EscapedField = """
        using System.Net.Sockets;
        using System.Threading.Tasks;
        using KeepAlive;

        public sealed class Pump
        {
            private TcpClient? _client;

            public async Task RunAsync(string host, int port)
            {
                _client = new TcpClient();
                await _client.ConnectAsync(host, port);
                Tune();
                var buffer = new byte[512];
                while (await _client.GetStream().ReadAsync(buffer, 0, buffer.Length) > 0)
                {
                }
            }

            private void Tune() => TcpKeepAlive.Configure(_cl\u0069ent!.Client);
        }
        """;

    private static readonly TestOptions WithRuntime = new() { ReferenceKeepAliveRuntime = true };

    /// <summary>FeedClient with an extra member that configures the field; the site stays unconfigured in Open.</summary>
    private static Task VerifyWithMember(string member, string? id = null) =>
        Verify.VerifyAsync(With(FeedClient, string.Empty, id).Replace("public void Dispose()", member + "\n\n    public void Dispose()"), WithRuntime);

    [Theory]
    [InlineData("public void Tune() => TcpKeepAlive.Configure(_socket!);")]
    [InlineData("public void Tune() => TcpKeepAlive.Configure(_s\\u006Fcket!);")]
    [InlineData("public void Tune() => TcpKeepAlive.Configure(_s\\U0000006Fcket!);")]
    [InlineData("public void Tune() => TcpKeepAlive.Configure(@_socket!);")]
    [InlineData("public void Tune() => TcpKeepAlive.Configure(this._socket!);")]
    [InlineData("public void Tune() { var s = _socket; TcpKeepAlive.Configure(s!); }")]
    [InlineData("public bool Tuned { set { if (value) TcpKeepAlive.Configure(_socket!); } }")]
    [InlineData("public int this[int i] { get { TcpKeepAlive.Configure(_socket!); return i; } }")]
    [InlineData("public static FeedClient operator +(FeedClient c, int _) { TcpKeepAlive.Configure(c._socket!); return c; }")]
    [InlineData("~FeedClient() { TcpKeepAlive.Configure(_socket!); }")]
    public Task Configuration_in_another_member_is_found_however_the_field_is_spelled(string member) => VerifyWithMember(member);

    [Fact]
    public Task Escaped_field_name_in_a_called_method_is_found() => Verify.VerifyAsync(EscapedField, WithRuntime);

    [Theory]
    [InlineData("public void Tune() => TcpKeepAlive.Configure(_socketBackup!); private Socket? _socketBackup;")]
    [InlineData("public void Tune() { /* TcpKeepAlive.Configure(_socket!); */ }")]
    [InlineData("public void Tune() => System.Console.WriteLine(\"TcpKeepAlive.Configure(_socket)\");")]
    public Task Names_that_only_look_like_the_field_do_not_configure_it(string member) => VerifyWithMember(member, "KA0001");
}
