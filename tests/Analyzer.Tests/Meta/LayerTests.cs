using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using KeepAliveAnalyzers.Tests.Infrastructure;
using KeepAliveAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Meta;

/// <summary>
/// The analyzer assembly is layered by folder, lowest first, and a file may use only what its own layer or a lower one
/// declares. Checked on symbols (a compilation of src/Analyzer), not on text, so usings, aliases, extension calls and
/// crefs all count.
/// </summary>
public class LayerTests
{
    /// <summary>The layers of src/Analyzer, lowest first: a folder prefix (ending in '/') or one file.</summary>
    private static readonly (string Prefix, string Name)[] Layers =
    {
        ("Infrastructure/", "Infrastructure"),
        ("Engine/Code/", "Engine/Code"),
        ("Engine/Sockets/", "Engine/Sockets"),
        ("Engine/Platform/", "Engine/Platform"),
        ("Engine/Connections/", "Engine/Connections"),
        ("Engine/EngineContext.cs", "Engine/EngineContext"),
        ("Hosting/", "Hosting"),
        ("Rules/", "Rules"),
        ("KeepAliveAnalyzer.cs", "KeepAliveAnalyzer"),
    };

    private const string AnalyzerPrefix = "src/Analyzer/";

    private static readonly string AnalyzerDirectory = Path.Combine(RepositoryFiles.Root, "src", "Analyzer");

    /// <summary>The layer of a file (path relative to src/Analyzer, '/' separated), or null when no layer holds it.</summary>
    internal static int? LayerOf(string relativePath)
    {
        for (var i = 0; i < Layers.Length; i++)
        {
            var prefix = Layers[i].Prefix;
            if (prefix.EndsWith("/", StringComparison.Ordinal)
                    ? relativePath.StartsWith(prefix, StringComparison.Ordinal)
                    : relativePath == prefix)
            {
                return i;
            }
        }

        return null;
    }

    private static string LayerName(int layer) => layer >= 0 && layer < Layers.Length ? $"{layer} {Layers[layer].Name}" : layer.ToString();

    [Fact]
    public void No_analyzer_file_uses_a_layer_above_its_own()
    {
        var report = Check(AnalyzerSources(), path => LayerOf(path.Substring(AnalyzerPrefix.Length)), LayerName, References());

        Assert.True(report.UnmappedFiles.Count == 0,
            "Files in no layer (add their folder to LayerTests.Layers, at the layer it belongs to):\n" + string.Join("\n", report.UnmappedFiles));
        Assert.True(report.Errors.Count == 0,
            "src/Analyzer does not compile in the test, so its symbols cannot be trusted:\n" + string.Join("\n", report.Errors.Take(20)));
        Assert.True(report.CrossFileReferences > 500,
            $"Only {report.CrossFileReferences} references between files of src/Analyzer resolved; the walk is not seeing the code.");
        Assert.True(report.Violations.Count == 0,
            $"{report.Violations.Count} uses of a higher layer ({report.CrossFileReferences} cross-file references checked):\n"
            + string.Join("\n", report.Violations));
    }

    [Fact]
    public void The_check_reports_a_lower_layer_that_uses_a_higher_one()
    {
        var files = new List<(string Path, string Text)>
        {
            ("Low/Sockets.cs", """
                using Demo.High;
                namespace Demo.Low;

                /// <summary>Uses <see cref="Demo.High.Family"/> in a cref too.</summary>
                internal static class Sockets
                {
                    public static int Use() => (int)Demo.High.Family.Linux + new Demo.High.Widget().Size + Demo.High.WidgetExtensions.Twice(1) + 2.Twice();
                }
                """),
            ("High/Platform.cs", """
                namespace Demo.High;

                internal enum Family { Windows = 1, Linux = 2 }

                internal sealed class Widget { public int Size => Demo.Low.Sockets.Use(); }

                internal static class WidgetExtensions { public static int Twice(this int value) => value * 2; }
                """),
        };

        var report = Check(files, path => path.StartsWith("Low/", StringComparison.Ordinal) ? 0 : path.StartsWith("High/", StringComparison.Ordinal) ? 1 : null, layer => layer.ToString(), References());

        Assert.Empty(report.Errors);
        Assert.Empty(report.UnmappedFiles);
        Assert.Contains("Low/Sockets.cs:4 uses Family (layer 1) from layer 0", report.Violations);
        Assert.Contains("Low/Sockets.cs:7 uses Family.Linux (layer 1) from layer 0", report.Violations);
        Assert.Contains("Low/Sockets.cs:7 uses Widget (layer 1) from layer 0", report.Violations);
        Assert.Contains("Low/Sockets.cs:7 uses Widget.Size (layer 1) from layer 0", report.Violations);
        Assert.Contains("Low/Sockets.cs:7 uses WidgetExtensions.Twice(int) (layer 1) from layer 0", report.Violations);
        // The higher layer may use the lower one.
        Assert.DoesNotContain(report.Violations, v => v.StartsWith("High/", StringComparison.Ordinal));
        Assert.True(report.CrossFileReferences >= 5, $"{report.CrossFileReferences} cross-file references");

        // A file in no layer is reported, not skipped.
        var unmapped = Check(files, path => path.StartsWith("Low/", StringComparison.Ordinal) ? 0 : null, layer => layer.ToString(), References());
        Assert.Equal(new[] { "High/Platform.cs" }, unmapped.UnmappedFiles);
    }

    private static List<(string Path, string Text)> AnalyzerSources()
    {
        var files = new List<(string Path, string Text)>();
        foreach (var file in Directory.EnumerateFiles(AnalyzerDirectory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(AnalyzerDirectory, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            files.Add((AnalyzerPrefix + relative, File.ReadAllText(file)));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        Assert.NotEmpty(files);
        return files;
    }

    /// <summary>
    /// What src/Analyzer is bound against: the test compilations' net8.0 reference assemblies (a superset of
    /// netstandard2.0) and the Roslyn assemblies of the test process. Not the netstandard2.0 pack: the Roslyn builds
    /// the test process loads need System.Runtime 4.2.2, above netstandard2.0's 4.1.2 (CS1705); net8.0 also brings
    /// System.Collections.Immutable and System.Reflection.Metadata at versions Roslyn 4.5.0 accepts.
    /// </summary>
    private static ImmutableArray<MetadataReference> References()
    {
        var references = ReferenceAssemblies.For(TestTargetFramework.Net80, keepAliveRuntime: false).ToBuilder();
        foreach (var assembly in new[] { typeof(Compilation).Assembly, typeof(CSharpCompilation).Assembly })
        {
            references.Add(MetadataReference.CreateFromFile(assembly.Location));
        }

        return references.ToImmutable();
    }

    internal sealed record LayerReport(IReadOnlyList<string> Violations, IReadOnlyList<string> UnmappedFiles, IReadOnlyList<string> Errors, int CrossFileReferences);

    /// <summary>
    /// Compiles <paramref name="files"/> and reports every reference from a file to a symbol declared in a file of a
    /// higher layer, as "path:line uses Name (layer X) from layer Y".
    /// </summary>
    internal static LayerReport Check(
        IReadOnlyList<(string Path, string Text)> files,
        Func<string, int?> layerOf,
        Func<int, string> layerName,
        IEnumerable<MetadataReference> references)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: f.Path)).ToList();
        var compilation = CSharpCompilation.Create(
            "LayerCheck",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        var unmapped = files.Where(f => layerOf(f.Path) is null).Select(f => f.Path).ToList();

        var violations = new SortedSet<string>(StringComparer.Ordinal);
        // Counted once per file, line and symbol (a.B and its name B are one reference).
        var crossFile = new HashSet<(string File, int Line, ISymbol Symbol)>();
        foreach (var tree in trees)
        {
            if (layerOf(tree.FilePath) is not { } fromLayer)
            {
                continue;
            }

            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes(descendIntoTrivia: true))
            {
                if (!IsReference(node))
                {
                    continue;
                }

                foreach (var symbol in ReferencedSymbols(model, node))
                {
                    var declaringFiles = symbol.Locations.Where(l => l.IsInSource && l.SourceTree is not null).Select(l => l.SourceTree!.FilePath).Distinct().ToList();
                    if (declaringFiles.Count == 0 || declaringFiles.Contains(tree.FilePath))
                    {
                        continue;
                    }

                    var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    crossFile.Add((tree.FilePath, line, symbol));
                    // A partial type spread over layers belongs to the lowest of them.
                    var layers = declaringFiles.Select(layerOf).Where(l => l is not null).Select(l => l!.Value).ToList();
                    if (layers.Count == 0)
                    {
                        continue; // its file is reported as unmapped
                    }

                    var toLayer = layers.Min();
                    if (toLayer > fromLayer)
                    {
                        violations.Add($"{tree.FilePath}:{line} uses {symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)} (layer {layerName(toLayer)}) from layer {layerName(fromLayer)}");
                    }
                }
            }
        }

        return new LayerReport(violations.ToList(), unmapped, errors, crossFile.Count);
    }

    private static bool IsReference(SyntaxNode node) => node is SimpleNameSyntax
        or MemberAccessExpressionSyntax
        or MemberBindingExpressionSyntax
        or BaseObjectCreationExpressionSyntax
        or AttributeSyntax
        or CrefSyntax
        or ConstructorInitializerSyntax
        or PrimaryConstructorBaseTypeSyntax;

    /// <summary>The source-level symbols <paramref name="node"/> refers to: the symbol (or its candidates), as declared.</summary>
    private static IEnumerable<ISymbol> ReferencedSymbols(SemanticModel model, SyntaxNode node)
    {
        var info = node switch
        {
            ConstructorInitializerSyntax initializer => model.GetSymbolInfo(initializer),
            PrimaryConstructorBaseTypeSyntax primary => model.GetSymbolInfo(primary),
            CrefSyntax cref => model.GetSymbolInfo(cref),
            AttributeSyntax attribute => model.GetSymbolInfo(attribute),
            ExpressionSyntax expression => model.GetSymbolInfo(expression),
            _ => default,
        };

        var symbols = info.Symbol is { } symbol ? new[] { symbol } : info.CandidateSymbols.AsEnumerable();
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var found in symbols)
        {
            foreach (var declared in Declared(found))
            {
                if (seen.Add(declared))
                {
                    yield return declared;
                }
            }
        }
    }

    private static IEnumerable<ISymbol> Declared(ISymbol symbol)
    {
        switch (symbol)
        {
            case IAliasSymbol alias:
                foreach (var target in Declared(alias.Target))
                {
                    yield return target;
                }

                yield break;
            case IFieldSymbol { ContainingType: { IsTupleType: true } or { IsAnonymousType: true } }:
            case IPropertySymbol { ContainingType.IsAnonymousType: true }:
                yield break; // declared where the tuple or anonymous type is written, not a dependency
            case INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or ITypeParameterSymbol or IDiscardSymbol:
                yield break;
            case IMethodSymbol method:
                method = method.ReducedFrom ?? method;
                method = method.OriginalDefinition;
                if (method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor || method.IsImplicitlyDeclared)
                {
                    yield return method.ContainingType.OriginalDefinition;
                }
                else
                {
                    yield return method;
                }

                yield break;
            case IArrayTypeSymbol array:
                foreach (var element in Declared(array.ElementType))
                {
                    yield return element;
                }

                yield break;
            case INamedTypeSymbol type:
                yield return type.OriginalDefinition;
                yield break;
            default:
                yield return symbol.OriginalDefinition;
                yield break;
        }
    }
}
