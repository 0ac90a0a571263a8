using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace KeepAliveAnalyzers.Tests.Infrastructure;

/// <summary>A marked span: <c>{|ID:text|}</c> gives an id, <c>[|text|]</c> leaves it null.</summary>
public sealed record MarkedSpan(string? Id, TextSpan Span);

/// <summary>Source code with its markup removed, and the spans the markup marked (ordered by start, then end).</summary>
public sealed record MarkedCode(string Code, ImmutableArray<MarkedSpan> Spans);

/// <summary>Parses and renders <c>[|…|]</c> / <c>{|ID:…|}</c> markup. Spans may nest; they must close in order.</summary>
public static class Markup
{
    public static MarkedCode Parse(string markup)
    {
        var code = new StringBuilder(markup.Length);
        var open = new Stack<(string? Id, int Start, string Closer, int Offset)>();
        var spans = new List<MarkedSpan>();
        for (var i = 0; i < markup.Length;)
        {
            if (IsAt(markup, i, "[|"))
            {
                open.Push((null, code.Length, "|]", i));
                i += 2;
            }
            else if (IsAt(markup, i, "{|"))
            {
                var idEnd = i + 2;
                while (idEnd < markup.Length && (char.IsLetterOrDigit(markup[idEnd]) || markup[idEnd] == '_'))
                    idEnd++;
                if (idEnd == i + 2 || idEnd == markup.Length || markup[idEnd] != ':')
                    throw new FormatException($"Markup '{{|' at offset {i} must be followed by a diagnostic id and ':', as in {{|KA0001:code|}}.");
                open.Push((markup.Substring(i + 2, idEnd - i - 2), code.Length, "|}", i));
                i = idEnd + 1;
            }
            else if (IsAt(markup, i, "|]") || IsAt(markup, i, "|}"))
            {
                var closer = markup.Substring(i, 2);
                if (open.Count == 0 || open.Peek().Closer != closer)
                    throw new FormatException($"Markup '{closer}' at offset {i} closes nothing that is open.");
                var (id, start, _, _) = open.Pop();
                spans.Add(new MarkedSpan(id, TextSpan.FromBounds(start, code.Length)));
                i += 2;
            }
            else
            {
                code.Append(markup[i++]);
            }
        }

        if (open.Count > 0)
            throw new FormatException($"Markup opened at offset {open.Peek().Offset} is never closed.");
        return new MarkedCode(code.ToString(), spans.OrderBy(s => s.Span.Start).ThenBy(s => s.Span.End).ToImmutableArray());
    }

    /// <summary>Writes <paramref name="spans"/> into <paramref name="code"/> as <c>{|ID:…|}</c> markup.</summary>
    public static string Render(string code, IEnumerable<(string Id, TextSpan Span)> spans)
    {
        var list = spans.ToList();
        var text = new StringBuilder(code.Length + list.Count * 12);
        for (var position = 0; position <= code.Length; position++)
        {
            // Close inner spans before outer ones, then open outer spans before inner ones.
            foreach (var (_, span) in list.Where(s => s.Span.End == position && !s.Span.IsEmpty).OrderByDescending(s => s.Span.Start))
                text.Append("|}");
            foreach (var (id, span) in list.Where(s => s.Span.Start == position).OrderByDescending(s => s.Span.End))
                text.Append("{|").Append(id).Append(':').Append(span.IsEmpty ? "|}" : "");
            if (position < code.Length)
                text.Append(code[position]);
        }

        return text.ToString();
    }

    private static bool IsAt(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
