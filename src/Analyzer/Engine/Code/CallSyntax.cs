using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>
/// Whether a name spelled like a method can be a call of it, read from the syntax alone: a common name (Connect, Get,
/// Create) is spelled in hundreds of places, and binding each one binds a member body of another file (measured: 590 ms
/// for one search in a 400-file project). Errs only towards "yes"; binding decides.
/// </summary>
internal static class CallSyntax
{
    public static bool MayCall(SimpleNameSyntax name, IMethodSymbol method, INamedTypeSymbol? type, bool globalAliases)
    {
        if (type is null || method.IsExtensionMethod)
        {
            return true; // an extension method can be called on any receiver
        }

        switch (name.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Name == name:
                // A static method is reached through its type (Type.M, Ns.Type.M, Type<T>.M) or an alias of it;
                // an instance method through any expression.
                return !method.IsStatic || RightmostName(access.Expression) is not { } receiver || receiver == type.Name ||
                       globalAliases || MayAlias(name.SyntaxTree);
            case MemberBindingExpressionSyntax:
                return !method.IsStatic;
            default:
                // Unqualified M(...): from inside the type, a type nested in it, a type that may derive from it, or a file
                // that imports it with using static.
                return IsInsideTypeThatMaySee(name, type.Name) || globalAliases || MayAlias(name.SyntaxTree);
        }
    }

    private static string? RightmostName(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    private static bool IsInsideTypeThatMaySee(SyntaxNode name, string typeName) =>
        name.Ancestors().OfType<TypeDeclarationSyntax>().Any(declaration => declaration.Identifier.ValueText == typeName || declaration.BaseList is not null);

    /// <summary>Whether any file of <paramref name="compilation"/> has a <c>global using</c> alias or static, which every file then sees.</summary>
    public static bool HasGlobalAliases(Compilation compilation, System.Threading.CancellationToken cancellationToken) =>
        compilation.SyntaxTrees.Any(tree => tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit &&
                                            unit.Usings.Any(directive => directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && IsAliasOrStatic(directive)));

    /// <summary>A using alias or a using static in the file, at its top or in a namespace.</summary>
    private static bool MayAlias(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<UsingDirectiveSyntax>()
            .Any(IsAliasOrStatic);

    private static bool IsAliasOrStatic(UsingDirectiveSyntax directive) =>
        directive.Alias is not null || directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword);
}
