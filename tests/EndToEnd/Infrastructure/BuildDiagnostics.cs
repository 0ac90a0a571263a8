using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace KeepAliveAnalyzers.EndToEnd.Infrastructure;

/// <summary>A diagnostic as MSBuild prints it: <c>path/File.cs(line,column): warning ID: message [project]</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id)
{
    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}";
}

public static class BuildDiagnostics
{
    private static readonly Regex LocatedPattern = new(
        @"^(?<path>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>[A-Z]+[0-9]+):", RegexOptions.Multiline);

    private static readonly Regex AnyIdPattern = new(@"\b(?:warning|error) (?<id>[A-Z]{2,}[0-9]{3,})\b");

    /// <summary>Diagnostics with a source location (each once: MSBuild repeats them in its summary).</summary>
    public static IReadOnlyList<BuildDiagnostic> Located(string output) =>
        LocatedPattern.Matches(output)
            .Select(m => new BuildDiagnostic(
                Path.GetFileName(m.Groups["path"].Value.Trim()), int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["column"].Value),
                m.Groups["severity"].Value, m.Groups["id"].Value))
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ToList();

    /// <summary>Every warning or error id the output mentions, located or not (CS8032, NU1603, MSB3277, ...).</summary>
    public static IReadOnlySet<string> Ids(string output) =>
        AnyIdPattern.Matches(output).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal);
}
