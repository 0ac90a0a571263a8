using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Engine.Sockets;

/// <summary>
/// Reads <c>dotnet_code_quality.KA0001.configuration_methods</c>: the team's own socket-setup methods, as
/// documentation-comment ids separated by <c>|</c> (<c>M:MyCo.Net.SocketSetup.Apply(System.Net.Sockets.Socket)</c>).
/// An id without a parameter list names every overload. A call to one of them counts as full configuration.
/// </summary>
internal static class ConfigurationMethodsOption
{
    public const string Key = "dotnet_code_quality.KA0001.configuration_methods";

    public static ImmutableHashSet<IMethodSymbol> Read(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var builder = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        var provider = options.AnalyzerConfigOptionsProvider;
        if (provider.GlobalOptions.TryGetValue(Key, out var global))
        {
            AddAll(global, compilation, builder);
        }

        // .editorconfig sections apply per file; a helper named in any of them is a helper everywhere.
        string? last = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (provider.GetOptions(tree).TryGetValue(Key, out var value) && value != last)
            {
                AddAll(value, compilation, builder);
                last = value;
            }
        }

        return builder.ToImmutable();
    }

    private static void AddAll(string value, Compilation compilation, ImmutableHashSet<IMethodSymbol>.Builder builder)
    {
        foreach (var raw in value.Split(new[] { '|' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var id = raw.Trim();
            if (id.Length == 0)
            {
                continue;
            }

            if (!id.StartsWith("M:", StringComparison.Ordinal))
            {
                id = "M:" + id;
            }

            if (id.IndexOf('(') < 0)
            {
                AddOverloads(id.Substring(2), compilation, builder);
                continue;
            }

            foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation))
            {
                if (symbol is IMethodSymbol method)
                {
                    builder.Add(method.OriginalDefinition);
                }
            }
        }
    }

    private static void AddOverloads(string qualifiedName, Compilation compilation, ImmutableHashSet<IMethodSymbol>.Builder builder)
    {
        var dot = qualifiedName.LastIndexOf('.');
        if (dot <= 0 || compilation.GetTypeByMetadataName(qualifiedName.Substring(0, dot)) is not { } type)
        {
            return;
        }

        foreach (var member in type.GetMembers(qualifiedName.Substring(dot + 1)))
        {
            if (member is IMethodSymbol method)
            {
                builder.Add(method.OriginalDefinition);
            }
        }
    }
}
