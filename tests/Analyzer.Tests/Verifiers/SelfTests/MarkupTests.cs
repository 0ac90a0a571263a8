using System;
using System.Linq;
using KeepAliveAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Verifiers.SelfTests;

public class MarkupTests
{
    [Fact]
    public void Parse_removes_markup_and_records_ids_and_spans()
    {
        var parsed = Markup.Parse("a [|bc|] d {|KA0001:ef|} g");

        Assert.Equal("a bc d ef g", parsed.Code);
        Assert.Equal([new MarkedSpan(null, new TextSpan(2, 2)), new MarkedSpan("KA0001", new TextSpan(7, 2))], parsed.Spans.ToArray());
    }

    [Fact]
    public void Parse_accepts_nested_and_empty_spans()
    {
        var parsed = Markup.Parse("{|KA0001:x [|y|] {|KA0002:|}z|}");

        Assert.Equal("x y z", parsed.Code);
        Assert.Equal(
            [new MarkedSpan("KA0001", new TextSpan(0, 5)), new MarkedSpan(null, new TextSpan(2, 1)), new MarkedSpan("KA0002", new TextSpan(4, 0))],
            parsed.Spans.ToArray());
    }

    [Theory]
    [InlineData("[|unclosed")]
    [InlineData("closes nothing|]")]
    [InlineData("[|mismatched|}")]
    [InlineData("{|:no id|}")]
    [InlineData("{|KA0001 no colon|}")]
    public void Parse_rejects_malformed_markup(string markup) => Assert.Throws<FormatException>(() => Markup.Parse(markup));

    [Fact]
    public void Render_writes_nested_spans_that_parse_back()
    {
        const string markup = "{|KA0001:x {|KA0002:y|} {|KA0003:|}z|} w";
        var parsed = Markup.Parse(markup);

        var rendered = Markup.Render(parsed.Code, parsed.Spans.Select(s => (s.Id!, s.Span)));

        Assert.Equal(markup, rendered);
    }
}
