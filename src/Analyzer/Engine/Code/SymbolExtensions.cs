using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Engine.Code;

internal static class SymbolExtensions
{
    /// <summary>The type itself, or the type whose member <paramref name="symbol"/> is (a lambda's or local function's method included).</summary>
    public static INamedTypeSymbol? InnermostType(this ISymbol symbol) => symbol as INamedTypeSymbol ?? symbol.ContainingType;

    /// <summary>
    /// Whether code in another assembly can name <paramref name="symbol"/>: it and every type around it public, protected
    /// or protected internal. When not, every use of it is in this compilation (friend assemblies aside, which are tests).
    /// </summary>
    public static bool IsVisibleOutsideTheAssembly(this ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }
}
