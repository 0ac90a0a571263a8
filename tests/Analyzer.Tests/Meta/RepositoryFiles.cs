using System;
using System.IO;

namespace KeepAliveAnalyzers.Tests.Meta;

/// <summary>Files of the checkout the tests run from (found by walking up to KeepAliveAnalyzers.sln).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string RulePagesDirectory => Path.Combine(Root, "docs", "rules");

    public static string RulePage(string id) => Path.Combine(RulePagesDirectory, id + ".md");

    public static string AnalyzerFile(string name) => Path.Combine(Root, "src", "Analyzer", name);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KeepAliveAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No KeepAliveAnalyzers.sln above '{AppContext.BaseDirectory}'.");
    }
}
