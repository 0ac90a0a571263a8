using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>
/// Every simple name in the compilation's trees, by spelling: built with one pass over the syntax the first time a
/// caller search needs it, so finding the calls of N methods reads the code once instead of N times (the difference
/// between linear and quadratic cost in a 5,000-file project). Syntax only: nothing is bound here.
/// </summary>
internal sealed class NameOccurrences
{
    private static readonly IReadOnlyList<SimpleNameSyntax> None = Array.Empty<SimpleNameSyntax>();

    private readonly Dictionary<string, List<SimpleNameSyntax>> _byName = new(StringComparer.Ordinal);

    private NameOccurrences()
    {
    }

    public IReadOnlyList<SimpleNameSyntax> Of(string name) => _byName.TryGetValue(name, out var list) ? list : None;

    public static NameOccurrences Build(Compilation compilation, CancellationToken cancellationToken)
    {
        var index = new NameOccurrences();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                // Generic names too: Helper<T>(x) is a call of Helper.
                if (node is SimpleNameSyntax name && name.Identifier.IsKind(SyntaxKind.IdentifierToken))
                {
                    index.Add(name);
                }
            }
        }

        return index;
    }

    private void Add(SimpleNameSyntax name)
    {
        var text = name.Identifier.ValueText;
        if (!_byName.TryGetValue(text, out var list))
        {
            _byName[text] = list = new List<SimpleNameSyntax>();
        }

        list.Add(name);
    }
}
