using System.Collections.Generic;
using KeepAliveAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace KeepAliveAnalyzers.Tests.Infrastructure;

/// <summary>
/// Builds the in-memory solution a test runs in: <paramref name="projectCount"/> identical projects
/// (TestProject0, TestProject1, …), each holding the sources as Test0.cs, Test1.cs, … in order.
/// </summary>
internal static class TestSolutionFactory
{
    public static string DocumentName(int index) => $"Test{index}.cs";

    public static Solution Create(IReadOnlyList<string> sources, TestOptions options, int projectCount = 1)
    {
        var solution = new AdhocWorkspace().CurrentSolution;
        for (var p = 0; p < projectCount; p++)
        {
            var name = $"TestProject{p}";
            var projectId = ProjectId.CreateNewId(name);
            solution = solution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                name,
                name,
                LanguageNames.CSharp,
                compilationOptions: CompilationOptions(),
                parseOptions: ParseOptions(options),
                metadataReferences: ReferenceAssemblies.For(options.TargetFramework, options.ReferenceKeepAliveRuntime)));
            for (var i = 0; i < sources.Count; i++)
            {
                var documentId = DocumentId.CreateNewId(projectId, DocumentName(i));
                solution = solution.AddDocument(documentId, DocumentName(i), SourceText.From(sources[i]), filePath: $"/{name}/{DocumentName(i)}");
            }
        }

        return solution;
    }

    public static CSharpParseOptions ParseOptions(TestOptions options) => new(options.LanguageVersion);

    private static CSharpCompilationOptions CompilationOptions() =>
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);
}
