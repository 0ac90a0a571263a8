using System;
using Microsoft.CodeAnalysis.Text;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>
/// Whether a stretch of source text spells an identifier, read from the text instead of the syntax tree: walking a
/// body's tokens creates a syntax node object for every node of it, a text search allocates nothing and is
/// vectorised. Errs only towards "yes" (a name in a comment or string), which costs a bind, never a finding.
/// </summary>
internal static class IdentifierSearch
{
    /// <summary>
    /// True when <paramref name="name"/> occurs in <paramref name="span"/> of <paramref name="text"/> as a whole word, or
    /// when the span holds a Unicode escape (<c>\u0053ocket</c> is an identifier <c>Socket</c> that no text search finds).
    /// </summary>
    public static bool Mentions(string text, TextSpan span, string name)
    {
        var end = Math.Min(span.End, text.Length);
        for (var at = span.Start; at < end; at++)
        {
            at = text.IndexOf(name, at, end - at, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            if (!IsIdentifierPart(text, at - 1) && !IsIdentifierPart(text, at + name.Length))
            {
                return true;
            }
        }

        return HasUnicodeEscape(text, span.Start, end);
    }

    private static bool IsIdentifierPart(string text, int index) =>
        index >= 0 && index < text.Length && (char.IsLetterOrDigit(text[index]) || text[index] == '_');

    private static bool HasUnicodeEscape(string text, int start, int end)
    {
        for (var at = start; at < end - 1; at++)
        {
            at = text.IndexOf('\\', at, end - at);
            if (at < 0 || at >= end - 1)
            {
                return false;
            }

            if (text[at + 1] is 'u' or 'U')
            {
                return true;
            }
        }

        return false;
    }
}
