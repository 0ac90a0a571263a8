using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>
/// Decides, on the semantic model of the unedited document, whether <c>using KeepAlive;</c> can be added to a
/// container (the compilation unit or a namespace declaration) without changing what the file's code means: the
/// directive must name the global KeepAlive namespace, and every name the file mentions that the namespace also
/// holds must keep its meaning. Looking the few mentioned names up where they stand replaces compiling the edited
/// file and comparing its errors, which cost a new compilation per document. Where the answer is not certain, the
/// answer is no, and the fix spells the type out instead.
/// </summary>
internal sealed class KeepAliveImport
{
    private const string NamespaceName = TcpKeepAliveApi.Namespace;

    private readonly SemanticModel _model;
    private readonly ImportedNames _names;
    private readonly CancellationToken _cancellationToken;

    private KeepAliveImport(SemanticModel model, ImportedNames names, CancellationToken cancellationToken)
    {
        _model = model;
        _names = names;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Null when the global namespace holds no KeepAlive namespace, or more than one symbol of that name.</summary>
    public static KeepAliveImport? Create(SemanticModel model, CancellationToken cancellationToken) =>
        model.Compilation.GlobalNamespace.GetMembers(NamespaceName).ToList() is { Count: 1 } members && members[0] is INamespaceSymbol keepAlive
            ? new KeepAliveImport(model, ImportedNames.Of(keepAlive), cancellationToken)
            : null;

    public bool CanAddTo(SyntaxNode container) => NamesGlobalNamespace(container) && MentionsKeepTheirMeaning(container);

    /// <summary>
    /// A using directive binds its name as if its own level had no usings: inside <c>namespace A.B</c> that is A.B,
    /// A, the usings of enclosing declarations, then the global namespace. None of them may hold another KeepAlive.
    /// </summary>
    private bool NamesGlobalNamespace(SyntaxNode container)
    {
        if (container is not BaseNamespaceDeclarationSyntax declaration)
        {
            return true;
        }

        if (declaration.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Any(outer => outer.Usings.Count > 0 || outer.Externs.Count > 0))
        {
            return false;
        }

        for (var level = _model.GetDeclaredSymbol(declaration, _cancellationToken) as INamespaceSymbol; level is { IsGlobalNamespace: false }; level = level.ContainingNamespace)
        {
            if (level.GetMembers(NamespaceName).Any())
            {
                return false;
            }
        }

        return true;
    }

    private bool MentionsKeepTheirMeaning(SyntaxNode container)
    {
        if (!_names.MayOccurIn(container.SyntaxTree.GetText(_cancellationToken).ToString(container.Span)))
        {
            return true; // the usual case, found without walking every token of a big file
        }

        var levels = new LookupLevels(_model, container, _cancellationToken);
        foreach (var token in container.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && _names.Contains(token.ValueText) && token.Parent is SimpleNameSyntax name &&
                !KeepsMeaning(name, levels))
            {
                return false;
            }
        }

        return true;
    }

    private bool KeepsMeaning(SimpleNameSyntax name, LookupLevels levels)
    {
        var text = name.Identifier.ValueText;
        if (!IsLookedUpInScope(name))
        {
            // After a dot only an extension method can come from a using, and only when no instance member answers.
            return !_names.ExtensionNames.Contains(text) || !IsMemberAccessName(name) ||
                   _model.GetSymbolInfo(name, _cancellationToken) switch
                   {
                       { Symbol: IMethodSymbol { MethodKind: MethodKind.ReducedExtension } extension } =>
                           IsKeepAlive(extension.ContainingType) || levels.FoundBeforeImports(extension.ContainingType, name),
                       { Symbol: null } unbound => FindsNothing(unbound),
                       _ => true,
                   };
        }

        if (!_names.TypeNames.Contains(text))
        {
            return true; // a simple name never finds an imported extension method
        }

        var info = _model.GetSymbolInfo(name, _cancellationToken);
        if (info.Symbol is not { } symbol)
        {
            return FindsNothing(info);
        }

        if (IsKeepAlive(symbol))
        {
            return true; // already one of ours: the using finds the same symbol
        }

        return _model.GetAliasInfo(name, _cancellationToken) is { } alias ? levels.AliasWins(alias) : levels.FoundBeforeImports(symbol, name);
    }

    /// <summary>
    /// A name that finds nothing at all is an error the using can only cure or leave (it finds ours or still
    /// nothing); one that is ambiguous, inaccessible or of the wrong kind already found something, so no.
    /// </summary>
    private static bool FindsNothing(SymbolInfo info) => info.CandidateReason == CandidateReason.None && info.CandidateSymbols.IsEmpty;

    /// <summary>Names that are looked up scope by scope; the others are members of something (<c>x.Name</c>, <c>new T { Name = … }</c>, <c>Name: value</c>).</summary>
    private static bool IsLookedUpInScope(SimpleNameSyntax name) => name.Parent switch
    {
        _ when IsMemberAccessName(name) => false,
        QualifiedNameSyntax qualified => qualified.Right != name,
        AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name != name,
        NameEqualsSyntax or NameColonSyntax => false,
        AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } assignment =>
            assignment.Left != name || !(initializer.IsKind(SyntaxKind.ObjectInitializerExpression) || initializer.IsKind(SyntaxKind.WithInitializerExpression)),
        _ => true,
    };

    private static bool IsMemberAccessName(SimpleNameSyntax name) =>
        name.Parent is MemberAccessExpressionSyntax access && access.Name == name || name.Parent is MemberBindingExpressionSyntax;

    /// <summary>A type the using imports: declared directly in the global KeepAlive namespace.</summary>
    private static bool IsKeepAlive(ISymbol symbol) =>
        symbol is INamedTypeSymbol { ContainingType: null, ContainingNamespace: { Name: NamespaceName, ContainingNamespace.IsGlobalNamespace: true } };
}
