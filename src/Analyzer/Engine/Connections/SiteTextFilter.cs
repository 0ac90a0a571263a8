using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.Engine.Connections;

/// <summary>
/// A text test that lets the connection rules skip, at no binding cost, the files that cannot contain a site: every
/// site spells <c>Socket</c> or <c>TcpClient</c> (<c>new Socket(...)</c>, <c>Socket s = new(...)</c>, <c>SocketType</c>
/// in the arguments) or <c>Accept</c> (every accept method). A <c>using</c> alias for one of the types is the one
/// spelling without them, so alias names are searched too. Registering per-type actions costs the driver more than
/// the rest of the rules together on a code base with few sockets; this is what keeps a socket-free type free.
/// </summary>
internal sealed class SiteTextFilter
{
    private static readonly string[] SiteWords = { "Socket", "TcpClient", "Accept" };

    private readonly HashSet<SyntaxTree> _treesWithSiteWords;

    private SiteTextFilter(HashSet<SyntaxTree> treesWithSiteWords) => _treesWithSiteWords = treesWithSiteWords;

    /// <summary>One read of every file's text, done once per compilation (the text is already in memory).</summary>
    public static SiteTextFilter Create(Compilation compilation, CancellationToken cancellationToken)
    {
        var matching = new HashSet<SyntaxTree>();
        var rest = new List<(SyntaxTree Tree, string Text)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = tree.GetText(cancellationToken).ToString();
            if (ContainsAny(text, SiteWords))
            {
                matching.Add(tree);
            }
            else
            {
                rest.Add((tree, text));
            }
        }

        // An alias to a connection type spells a site word in its own directive, so only matching files can declare one.
        var aliases = matching.SelectMany(tree => AliasNames(tree.GetRoot(cancellationToken))).Distinct().ToArray();
        foreach (var (tree, text) in rest)
        {
            if (aliases.Length > 0 && ContainsAny(text, aliases))
            {
                matching.Add(tree);
            }
        }

        return new SiteTextFilter(matching);
    }

    /// <summary>False only when no file declaring <paramref name="type"/> spells a site word: then it has no site.</summary>
    public bool MayHoldSites(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (_treesWithSiteWords.Contains(reference.SyntaxTree))
            {
                return true;
            }
        }

        // Implicit types (a top-level program's Program) have no declaration to read: never skipped.
        return type.DeclaringSyntaxReferences.IsEmpty;
    }

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Aliases of connection types among the usings of the file and its namespaces (the only places they can be declared).</summary>
    private static IEnumerable<string> AliasNames(SyntaxNode node)
    {
        var (usings, members) = node switch
        {
            CompilationUnitSyntax unit => (unit.Usings, unit.Members),
            BaseNamespaceDeclarationSyntax ns => (ns.Usings, ns.Members),
            _ => (default(SyntaxList<UsingDirectiveSyntax>), default(SyntaxList<MemberDeclarationSyntax>)),
        };
        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias && ContainsAny(directive.Name.ToString(), SiteWords))
            {
                yield return alias.Name.Identifier.ValueText;
            }
        }

        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax)
            {
                foreach (var name in AliasNames(member))
                {
                    yield return name;
                }
            }
        }
    }
}
