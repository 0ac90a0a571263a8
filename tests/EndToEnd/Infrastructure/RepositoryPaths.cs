using System;
using System.IO;

namespace KeepAliveAnalyzers.EndToEnd.Infrastructure;

/// <summary>The checkout the tests run from (found by walking up to KeepAliveAnalyzers.sln).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Project(string relativePath) => Path.Combine(Root, relativePath);

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
