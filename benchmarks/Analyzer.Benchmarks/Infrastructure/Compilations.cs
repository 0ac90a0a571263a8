using System.Linq;
using KeepAliveAnalyzers.Benchmarks.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KeepAliveAnalyzers.Benchmarks.Infrastructure;

public static class Compilations
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true);

    /// <summary>One library compilation of every file, parsed up front (parsing is not part of any figure).</summary>
    public static CSharpCompilation Create(GeneratedCodeBase codeBase)
    {
        var trees = codeBase.Files.AsParallel().AsOrdered()
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Path))
            .ToList();
        return CSharpCompilation.Create("Generated", trees, References.ForGeneratedCode, Options);
    }
}
