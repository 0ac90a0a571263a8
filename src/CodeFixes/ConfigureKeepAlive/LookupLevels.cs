using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>
/// Whether a name bound at some place was found before the imports of an enclosing container (the compilation unit
/// or a namespace declaration) are searched. C# looks a simple name up scope by scope: locals and parameters, the
/// members of the enclosing types and their bases, then per enclosing namespace declaration, innermost first, the
/// members of its namespace (for <c>namespace A.B</c>: of A.B, then of A) and only then its using directives, aliases
/// before imported namespaces. A using added to the container cannot change a name found earlier.
/// </summary>
internal sealed class LookupLevels(SemanticModel model, SyntaxNode container, CancellationToken cancellationToken)
{
    /// <summary><paramref name="symbol"/>, what <paramref name="name"/> means, is found before the container's imports.</summary>
    public bool FoundBeforeImports(ISymbol symbol, SyntaxNode name)
    {
        switch (symbol)
        {
            case ILocalSymbol or IParameterSymbol or ITypeParameterSymbol or IRangeVariableSymbol or ILabelSymbol or IDiscardSymbol:
            case IMethodSymbol { MethodKind: MethodKind.LocalFunction }:
                return true;
        }

        if (symbol.ContainingType is { } type)
        {
            return EnclosingTypes(name).Any(enclosing => IsOrDerivesFrom(enclosing, type.OriginalDefinition));
        }

        return symbol.ContainingSymbol is INamespaceSymbol @namespace && NamespacesBeforeImports(name).Any(level => SameNamespace(level, @namespace));
    }

    /// <summary>An alias wins over the imported namespaces of its own level: it keeps its meaning when declared in the container or inside it.</summary>
    public bool AliasWins(IAliasSymbol alias) =>
        alias.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).FirstOrDefault() is UsingDirectiveSyntax directive &&
        (directive.GlobalKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GlobalKeyword)
            ? container is CompilationUnitSyntax // global usings belong to the compilation-unit level of every file
            : directive.SyntaxTree == container.SyntaxTree && directive.Parent is { } level && level.AncestorsAndSelf().Contains(container));

    /// <summary>The namespaces whose members are searched, from <paramref name="name"/>, before the container's usings.</summary>
    private List<INamespaceSymbol> NamespacesBeforeImports(SyntaxNode name)
    {
        var levels = new List<INamespaceSymbol>();
        var declarations = name.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().ToList();
        for (var i = 0; i < declarations.Count; i++)
        {
            if (model.GetDeclaredSymbol(declarations[i], cancellationToken) is not INamespaceSymbol @namespace)
            {
                return levels;
            }

            if (declarations[i] == container)
            {
                levels.Add(@namespace); // its usings come next; the namespaces around it only after them
                return levels;
            }

            // namespace A.B inside namespace X: X.A.B, then X.A, are searched before X's usings.
            var outer = i + 1 < declarations.Count ? model.GetDeclaredSymbol(declarations[i + 1], cancellationToken) as INamespaceSymbol : null;
            for (var level = @namespace; level is not null && (outer is null || !SameNamespace(level, outer)); level = level.ContainingNamespace)
            {
                levels.Add(level);
            }
        }

        if (declarations.Count == 0)
        {
            levels.Add(model.Compilation.GlobalNamespace);
        }

        return levels;
    }

    private IEnumerable<INamedTypeSymbol> EnclosingTypes(SyntaxNode name) =>
        name.Ancestors().OfType<BaseTypeDeclarationSyntax>()
            .Select(declaration => model.GetDeclaredSymbol(declaration, cancellationToken))
            .OfType<INamedTypeSymbol>();

    private static bool IsOrDerivesFrom(INamedTypeSymbol type, INamedTypeSymbol container)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, container))
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, container));
    }

    /// <summary>By name: a namespace seen from source and the same namespace of a referenced assembly are different symbols.</summary>
    public static bool SameNamespace(INamespaceSymbol? x, INamespaceSymbol? y)
    {
        for (; x is not null && y is not null; x = x.ContainingNamespace, y = y.ContainingNamespace)
        {
            if (x.IsGlobalNamespace || y.IsGlobalNamespace)
            {
                return x.IsGlobalNamespace && y.IsGlobalNamespace;
            }

            if (x.Name != y.Name)
            {
                return false;
            }
        }

        return x is null && y is null;
    }
}
