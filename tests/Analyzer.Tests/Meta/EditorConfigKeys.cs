using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace KeepAliveAnalyzers.Tests.Meta;

/// <summary>The .editorconfig keys the analyzers read and the ones docs/rules documents.</summary>
public static class EditorConfigKeys
{
    private static readonly Regex Severity = new(@"^dotnet_diagnostic\.[^.]+\.severity$", RegexOptions.IgnoreCase);

    /// <summary>
    /// Constant strings of the analyzer assembly that name an option: a field called Key or …Key, or any constant
    /// under dotnet_code_quality. (a key stored under another name still counts).
    /// </summary>
    public static IReadOnlyCollection<string> ReadByCode() =>
        ShippedRules.AnalyzerAssembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (field.Name, Value: (string)field.GetRawConstantValue()!))
            .Where(field => field.Name.EndsWith("Key", StringComparison.Ordinal)
                || field.Value.StartsWith("dotnet_code_quality.", StringComparison.OrdinalIgnoreCase))
            .Select(field => field.Value)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>Keys set in ```ini blocks of docs/rules/*.md, severities excluded, with the page that documents them.</summary>
    public static IReadOnlyList<(string Key, string Page)> Documented() =>
        Directory.EnumerateFiles(RepositoryFiles.RulePagesDirectory, "*.md")
            .OrderBy(path => path, StringComparer.Ordinal)
            .SelectMany(path => IniKeys(File.ReadAllLines(path)).Select(key => (key, Path.GetFileName(path))))
            .Where(pair => !Severity.IsMatch(pair.key))
            .ToList();

    private static IEnumerable<string> IniKeys(IEnumerable<string> lines)
    {
        var inIni = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inIni = !inIni && line.Substring(3).Trim().Equals("ini", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            var equals = line.IndexOf('=');
            if (inIni && equals > 0 && line[0] is not ('#' or ';' or '['))
            {
                yield return line.Substring(0, equals).Trim();
            }
        }
    }
}
