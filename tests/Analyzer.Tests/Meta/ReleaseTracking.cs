using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace KeepAliveAnalyzers.Tests.Meta;

/// <summary>
/// The state of each rule after replaying AnalyzerReleases.Shipped.md, then AnalyzerReleases.Unshipped.md:
/// "New Rules" and "Changed Rules" set a rule's category and severity, "Removed Rules" drop it.
/// </summary>
public static class ReleaseTracking
{
    public sealed record Entry(string Category, string Severity, string File);

    public static IReadOnlyDictionary<string, Entry> Current()
    {
        var rules = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var name in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            Replay(RepositoryFiles.AnalyzerFile(name), name, rules);
        }

        return rules;
    }

    private static void Replay(string path, string name, Dictionary<string, Entry> rules)
    {
        string? table = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("###", StringComparison.Ordinal))
            {
                table = line.TrimStart('#').Trim();
                continue;
            }

            var cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
            if (table is null || cells.Length < 3 || cells[0] == "Rule ID" || cells[0].StartsWith("-", StringComparison.Ordinal))
            {
                continue;
            }

            switch (table)
            {
                case "New Rules":
                case "Changed Rules": // Rule ID | New Category | New Severity | Old Category | Old Severity | Notes
                    rules[cells[0]] = new Entry(cells[1], cells[2], name);
                    break;
                case "Removed Rules":
                    rules.Remove(cells[0]);
                    break;
            }
        }
    }
}
