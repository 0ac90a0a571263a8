using System.Collections.Generic;
using System.Linq;
using KeepAliveAnalyzers.Benchmarks.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KeepAliveAnalyzers.Benchmarks.Infrastructure;

public static class Workspaces
{
    /// <summary>A fresh AdhocWorkspace holding one project of <paramref name="files"/>, compiled like <see cref="Compilations"/>.</summary>
    public static Project CreateProject(IEnumerable<GeneratedFile> files)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documents = files.Select(f => DocumentInfo.Create(
            DocumentId.CreateNewId(projectId),
            System.IO.Path.GetFileName(f.Path),
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(f.Text), VersionStamp.Default)),
            filePath: f.Path));
        var project = ProjectInfo.Create(projectId, VersionStamp.Default, "Generated", "Generated", LanguageNames.CSharp,
            compilationOptions: Compilations.Options, parseOptions: Compilations.ParseOptions,
            metadataReferences: References.ForGeneratedCode, documents: documents);
        return workspace.CurrentSolution.AddProject(project).GetProject(projectId)!;
    }
}
