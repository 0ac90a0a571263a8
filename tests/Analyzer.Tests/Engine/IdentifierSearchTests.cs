using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Code;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Engine;

/// <summary>The text search that decides which member bodies are bound: may say yes too often, never no wrongly.</summary>
public class IdentifierSearchTests
{
    [Theory]
    [InlineData("x = _socket;", "_socket")]
    [InlineData("_socket.Close();", "_socket")]
    [InlineData("Use(_socket)", "_socket")]
    [InlineData("@_socket.Close()", "_socket")]
    [InlineData("a._socket", "_socket")]
    [InlineData("_socketCount + _socket", "_socket")]
    [InlineData("// _socket in a comment", "_socket")]
    [InlineData("_s\\u006Fcket.Close()", "_socket")]
    [InlineData("Soc\\U0000006Bet.Close()", "_other")]
    public void Says_yes_to_every_spelling_and_to_escapes(string text, string name) =>
        Assert.True(IdentifierSearch.Mentions(text, new TextSpan(0, text.Length), name));

    [Theory]
    [InlineData("_socketCount = 1;", "_socket")]
    [InlineData("my_socket = 1;", "_socket")]
    [InlineData("socket2 = 1;", "socket")]
    [InlineData("\\n _sock", "_socket")]
    [InlineData("", "_socket")]
    public void Says_no_to_longer_words_and_absent_names(string text, string name) =>
        Assert.False(IdentifierSearch.Mentions(text, new TextSpan(0, text.Length), name));

    [Fact]
    public void Looks_only_inside_the_span_but_reads_its_edges()
    {
        const string text = "_socket; Body(); _socketX; x_socket";
        Assert.False(IdentifierSearch.Mentions(text, new TextSpan(9, 7), "_socket"));
        Assert.True(IdentifierSearch.Mentions(text, new TextSpan(0, 7), "_socket"));
        Assert.False(IdentifierSearch.Mentions(text, new TextSpan(17, 7), "_socket")); // "_socket" of "_socketX": X follows outside the span
        Assert.False(IdentifierSearch.Mentions(text, new TextSpan(text.Length - 7, 7), "_socket")); // "x" precedes outside the span
    }
}
