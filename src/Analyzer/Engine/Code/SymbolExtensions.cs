using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Engine.Code;

internal static class SymbolExtensions
{
    /// <summary>The type itself, or the type whose member <paramref name="symbol"/> is (a lambda's or local function's method included).</summary>
    public static INamedTypeSymbol? InnermostType(this ISymbol symbol) => symbol as INamedTypeSymbol ?? symbol.ContainingType;
}
