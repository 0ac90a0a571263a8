using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.Engine;

/// <summary>
/// A text test that lets the connection rules skip, at no binding cost, the types that cannot contain a site: every
/// site spells <c>Socket</c> or <c>TcpClient</c> (<c>new Socket(...)</c>, <c>Socket s = new(...)</c>, <c>SocketType</c>
/// in the arguments) or <c>Accept</c> (every accept method). A <c>using</c> alias for one of the types is the one
/// spelling without them, so alias names are searched too. Registering per-type actions costs the driver more than
/// the rest of the rules together on a code base with few sockets; this is what keeps a socket-free type free.
/// </summary>
internal sealed class SiteTextFilter
{
    private static readonly string[] SiteWords = { "Socket", "TcpClient", "Accept" };

    private readonly string[] _words;

    private SiteTextFilter(string[] words) => _words = words;

    public static SiteTextFilter Create(Compilation compilation, CancellationToken cancellationToken)
    {
        var aliases = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var directive in UsingDirectives(tree.GetRoot(cancellationToken)))
            {
                if (directive.Alias is { } alias && SiteWords.Any(word => directive.Name.ToString().IndexOf(word, StringComparison.Ordinal) >= 0))
                {
                    aliases.Add(alias.Name.Identifier.ValueText);
                }
            }
        }

        return new SiteTextFilter(SiteWords.Concat(aliases).Distinct().ToArray());
    }

    /// <summary>False only when no declaration of <paramref name="type"/> spells any site word: then it has no site.</summary>
    public bool MayHoldSites(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var text = reference.SyntaxTree.GetText(cancellationToken).ToString(reference.Span);
            foreach (var word in _words)
            {
                if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        // Implicit types (a top-level program's Program) have no declaration to read: never skipped.
        return type.DeclaringSyntaxReferences.IsEmpty;
    }

    /// <summary>The usings of the file and of its namespaces (aliases can only be declared there).</summary>
    private static IEnumerable<UsingDirectiveSyntax> UsingDirectives(SyntaxNode root)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            var (usings, members) = node switch
            {
                CompilationUnitSyntax unit => (unit.Usings, unit.Members),
                BaseNamespaceDeclarationSyntax ns => (ns.Usings, ns.Members),
                _ => (default(SyntaxList<UsingDirectiveSyntax>), default(SyntaxList<MemberDeclarationSyntax>)),
            };
            foreach (var directive in usings)
            {
                yield return directive;
            }

            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax)
                {
                    pending.Push(member);
                }
            }
        }
    }
}
