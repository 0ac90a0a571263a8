// Why this file (with KeepAliveImport, ImportedNames, LookupLevels, ConfigureCallNaming) and not Roslyn's own
// import/simplification (global::KeepAlive.TcpKeepAlive annotated with Simplifier.Annotation and
// Simplifier.AddImportsAnnotation, left to CodeAction's default clean-up): measured 2026-12-02 on the 2-core VM,
// `codefix --runs 5`, paired runs of the same tree with only the code fix swapped (06:16-06:20 UTC, load 3-10):
// one fix in a 2,001-line file 4.7 / 6.3 ms hand-written against 695.5 / 686.6 ms Roslyn's way (target 50 ms;
// Simplifier.ReduceAsync alone 225-313 ms, the whole clean-up 700-900 ms: it binds in a forked compilation), and
// Fix All over 1,000 diagnostics 2,143 / 2,303 ms against 6,927 / 7,289 ms (target 5 s). Roslyn's import adder
// (4.5.0) also rebinds an alias declared outside the namespace whose usings receive the import
// (Alias_a_namespace_using_would_override_gets_the_qualified_name); where a file mentions another name the
// namespace exports it only declines the import (KeepAlive.TcpKeepAlive) where this code adds it safely.
// See docs/performance.md, "Code fix (KA0001)".
using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>
/// Adds <c>using KeepAlive;</c> the way the file already writes its usings: inside the namespace when its usings are
/// there, at the sorted position when they are sorted (System first or not), after the last one when they are not.
/// </summary>
internal static class UsingDirectiveAdder
{
    /// <summary>The root with the directive added wherever <paramref name="users"/> need it; null when none does.</summary>
    public static SyntaxNode? AddFor(SyntaxNode root, IReadOnlyList<SyntaxNode> users)
    {
        var containers = users.Where(user => !IsImported(user)).Select(ContainerFor).Distinct().ToList();
        if (containers.Count == 0)
        {
            return null;
        }

        // Replacing a node walks all of it, so the compilation unit (the root) is never replaced, only given its new
        // usings: in a 2,000-line file the walk cost more than the rest of the naming.
        var namespaces = containers.OfType<BaseNamespaceDeclarationSyntax>().ToList();
        var withNamespaces = namespaces.Count == 0
            ? root
            : root.ReplaceNodes(namespaces, (_, current) => current.WithUsings(AddTo(current.Usings)));
        return containers.Any(c => c is CompilationUnitSyntax) && withNamespaces is CompilationUnitSyntax unit
            ? unit.Usings.Count == 0 ? AddFirst(unit) : unit.WithUsings(AddTo(unit.Usings))
            : withNamespaces;
    }

    /// <summary>A <c>using KeepAlive;</c> is already written around <paramref name="user"/>.</summary>
    public static bool IsImported(SyntaxNode user) =>
        user.Ancestors().Any(container => UsingsOf(container).Any(IsKeepAliveImport));

    /// <summary>The innermost namespace that has usings of its own, else the compilation unit.</summary>
    public static SyntaxNode ContainerFor(SyntaxNode user) =>
        user.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault(n => n.Usings.Count > 0) ??
        (SyntaxNode)user.Ancestors().OfType<CompilationUnitSyntax>().First();

    private static SyntaxList<UsingDirectiveSyntax> UsingsOf(SyntaxNode container) => container switch
    {
        CompilationUnitSyntax unit => unit.Usings,
        BaseNamespaceDeclarationSyntax @namespace => @namespace.Usings,
        _ => default,
    };

    private static bool IsKeepAliveImport(UsingDirectiveSyntax directive) =>
        directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && NameOf(directive) == TcpKeepAliveApi.Namespace;

    private static string NameOf(UsingDirectiveSyntax directive) =>
        directive.Name is AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global" } global ? global.Name.ToString() : directive.Name.ToString();

    private static bool IsPlain(UsingDirectiveSyntax directive) =>
        directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.GlobalKeyword.IsKind(SyntaxKind.None);

    private static SyntaxList<UsingDirectiveSyntax> AddTo(SyntaxList<UsingDirectiveSyntax> usings)
    {
        var plain = Enumerable.Range(0, usings.Count).Where(i => IsPlain(usings[i])).ToList();
        if (plain.Count == 0)
        {
            // Only global, static or alias directives: plain ones go after the global ones, before the rest.
            var firstNonGlobal = FirstIndex(Enumerable.Range(0, usings.Count), i => usings[i].GlobalKeyword.IsKind(SyntaxKind.None));
            return firstNonGlobal >= 0 ? InsertBefore(usings, firstNonGlobal) : InsertAfter(usings, usings.Count - 1);
        }

        var names = plain.Select(i => NameOf(usings[i])).ToList();
        Func<string, string, int>? order =
            IsSorted(names, SystemFirst) ? SystemFirst : IsSorted(names, NamespaceOrder) ? NamespaceOrder : null;
        var before = order is null ? -1 : FirstIndex(plain, i => order(NameOf(usings[i]), TcpKeepAliveApi.Namespace) > 0);
        return before >= 0 ? InsertBefore(usings, before) : InsertAfter(usings, plain[plain.Count - 1]);
    }

    private static int FirstIndex(IEnumerable<int> indices, Func<int, bool> predicate)
    {
        foreach (var index in indices)
        {
            if (predicate(index))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>Before <paramref name="index"/>: the new directive takes over its leading blank line, comment or file header.</summary>
    private static SyntaxList<UsingDirectiveSyntax> InsertBefore(SyntaxList<UsingDirectiveSyntax> usings, int index)
    {
        var next = usings[index];
        var leading = next.GetLeadingTrivia();
        var indentation = TrailingWhitespace(leading);
        if (leading.Any(t => t.IsKind(SyntaxKind.IfDirectiveTrivia) || t.IsKind(SyntaxKind.ElifDirectiveTrivia) ||
                             t.IsKind(SyntaxKind.ElseDirectiveTrivia) || t.IsKind(SyntaxKind.EndIfDirectiveTrivia)))
        {
            // Moving conditional directives would put the new directive under their condition.
            return usings.Insert(index, NewDirective(indentation, EndOfLineOf(next)));
        }

        return usings.Replace(next, next.WithLeadingTrivia(indentation)).Insert(index, NewDirective(leading, EndOfLineOf(next)));
    }

    private static SyntaxList<UsingDirectiveSyntax> InsertAfter(SyntaxList<UsingDirectiveSyntax> usings, int index) =>
        usings.Insert(index + 1, NewDirective(TrailingWhitespace(usings[index].GetLeadingTrivia()), EndOfLineOf(usings[index])));

    /// <summary>The file has no usings: the directive goes after the file header (the comments up to the first blank line) and before a blank line.</summary>
    private static CompilationUnitSyntax AddFirst(CompilationUnitSyntax unit)
    {
        var endOfLine = unit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found ? found : CarriageReturnLineFeed;
        if (unit.Externs.Count > 0)
        {
            return unit.WithUsings(SingletonList(NewDirective(default, endOfLine)));
        }

        var first = unit.GetFirstToken(includeZeroWidth: true);
        var leading = first.LeadingTrivia;
        var headerLength = HeaderLength(leading);
        var header = TriviaList(leading.Take(headerLength));
        var rest = TriviaList(new[] { endOfLine }.Concat(leading.Skip(headerLength)));
        var directive = NewDirective(header, endOfLine);
        return unit.ReplaceToken(first, first.WithLeadingTrivia(rest)).WithUsings(SingletonList(directive));
    }

    /// <summary>How many leading trivia form the file header: everything up to the last blank line, unless a conditional directive is among them.</summary>
    private static int HeaderLength(SyntaxTriviaList leading)
    {
        var length = 0;
        var lineHasContent = false;
        for (var i = 0; i < leading.Count; i++)
        {
            var trivia = leading[i];
            if (trivia.IsKind(SyntaxKind.IfDirectiveTrivia) || trivia.IsKind(SyntaxKind.ElifDirectiveTrivia) ||
                trivia.IsKind(SyntaxKind.ElseDirectiveTrivia) || trivia.IsKind(SyntaxKind.EndIfDirectiveTrivia))
            {
                return 0;
            }

            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                if (!lineHasContent && i > 0)
                {
                    length = i + 1; // a blank line ends the header
                }

                lineHasContent = false;
            }
            else if (trivia.HasStructure)
            {
                lineHasContent = false; // directives and doc comments end with their own line break
            }
            else if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                lineHasContent = true;
            }
        }

        return length;
    }

    private static UsingDirectiveSyntax NewDirective(SyntaxTriviaList leading, SyntaxTrivia endOfLine) =>
        UsingDirective(IdentifierName(TcpKeepAliveApi.Namespace))
            .WithUsingKeyword(Token(leading, SyntaxKind.UsingKeyword, TriviaList(Space)))
            .WithSemicolonToken(Token(default, SyntaxKind.SemicolonToken, TriviaList(endOfLine)));

    private static SyntaxTrivia EndOfLineOf(UsingDirectiveSyntax directive) =>
        directive.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } endOfLine ? endOfLine : CarriageReturnLineFeed;

    /// <summary>The indentation: the whitespace after the last line break.</summary>
    private static SyntaxTriviaList TrailingWhitespace(SyntaxTriviaList trivia)
    {
        var start = trivia.Count;
        while (start > 0 && trivia[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            start--;
        }

        return TriviaList(trivia.Skip(start));
    }

    private static bool IsSorted(List<string> names, Func<string, string, int> order)
    {
        for (var i = 1; i < names.Count; i++)
        {
            if (order(names[i - 1], names[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int SystemFirst(string x, string y)
    {
        var bySystem = IsSystem(y).CompareTo(IsSystem(x));
        return bySystem != 0 ? bySystem : NamespaceOrder(x, y);
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);

    /// <summary>Segment by segment, ignoring case first (<c>System.IO</c> before <c>System.Linq</c>, <c>Foo</c> before <c>Foo.Bar</c>).</summary>
    private static int NamespaceOrder(string x, string y)
    {
        var xs = x.Split('.');
        var ys = y.Split('.');
        for (var i = 0; i < Math.Min(xs.Length, ys.Length); i++)
        {
            var byName = StringComparer.OrdinalIgnoreCase.Compare(xs[i], ys[i]);
            if (byName == 0)
            {
                byName = StringComparer.Ordinal.Compare(xs[i], ys[i]);
            }

            if (byName != 0)
            {
                return byName;
            }
        }

        return xs.Length.CompareTo(ys.Length);
    }
}
