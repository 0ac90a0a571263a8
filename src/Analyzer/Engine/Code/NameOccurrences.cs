using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>
/// Where a simple name is spelled in a set of syntax trees, found from the text first: each file's text is searched for
/// the name as a whole word and only the hits are looked up in the tree. Walking every node of every tree instead
/// creates a syntax node object for each (measured: 200–380 ms on a 960-file project, 700–840 ms on a 3,300-file one,
/// against the compiler's 0.9 s and 7 s); a text search allocates nothing and is vectorised. Syntax only: nothing is
/// bound here. Answers are kept per name and scope, so each is searched once per compilation.
/// </summary>
internal sealed class NameOccurrences
{
    private readonly Compilation _compilation;
    private readonly Func<SyntaxTree, CancellationToken, string> _sourceOf;
    private readonly ConcurrentDictionary<(string Name, INamedTypeSymbol? Within), IReadOnlyList<SimpleNameSyntax>> _found = new();

    public NameOccurrences(Compilation compilation, Func<SyntaxTree, CancellationToken, string> sourceOf)
    {
        _compilation = compilation;
        _sourceOf = sourceOf;
    }

    /// <summary>
    /// The simple names spelled <paramref name="name"/> (generic names too: <c>Helper&lt;T&gt;(x)</c> is a call of Helper)
    /// in the files of <paramref name="within"/> (a type and its partial parts), or in the whole compilation when null.
    /// </summary>
    public IReadOnlyList<SimpleNameSyntax> Of(string name, INamedTypeSymbol? within, CancellationToken cancellationToken)
    {
        if (_found.TryGetValue((name, within), out var known))
        {
            return known;
        }

        var found = new List<SimpleNameSyntax>();
        foreach (var tree in TreesOf(within))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Collect(tree, name, found, cancellationToken);
        }

        return _found.GetOrAdd((name, within), found);
    }

    private IEnumerable<SyntaxTree> TreesOf(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return _compilation.SyntaxTrees;
        }

        var trees = new HashSet<SyntaxTree>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            trees.Add(reference.SyntaxTree);
        }

        return trees;
    }

    private void Collect(SyntaxTree tree, string name, List<SimpleNameSyntax> found, CancellationToken cancellationToken)
    {
        var text = _sourceOf(tree, cancellationToken);
        var root = tree.GetRoot(cancellationToken);
        if (text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            // A Unicode escape can spell the name in a way no text search finds: read this file's syntax instead.
            foreach (var node in root.DescendantNodes())
            {
                if (node is SimpleNameSyntax simple && simple.Identifier.IsKind(SyntaxKind.IdentifierToken) && simple.Identifier.ValueText == name)
                {
                    found.Add(simple);
                }
            }

            return;
        }

        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            if (IsIdentifierPart(text, at - 1) || IsIdentifierPart(text, at + name.Length))
            {
                continue;
            }

            // A hit in a comment or a string finds a token that does not start there (@name starts one character before).
            var token = root.FindToken(at);
            if ((token.SpanStart == at || (token.SpanStart == at - 1 && text[at - 1] == '@')) &&
                token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name &&
                token.Parent is SimpleNameSyntax simple && simple.Identifier == token)
            {
                found.Add(simple);
            }
        }
    }

    private static bool IsIdentifierPart(string text, int index) =>
        index >= 0 && index < text.Length && (char.IsLetterOrDigit(text[index]) || text[index] == '_');
}
