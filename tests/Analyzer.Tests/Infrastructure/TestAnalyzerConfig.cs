using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Tests.Infrastructure;

/// <summary>
/// Editorconfig-style test options: <c>key = value</c> lines before any section are global, lines under
/// <c>[*]</c>, <c>[*.cs]</c> or <c>[FileName.cs]</c> apply to matching documents. Delivers them to analyzers through
/// <see cref="OptionsProvider"/>, and severities (<c>dotnet_diagnostic.ID.severity</c>) and <c>generated_code</c>
/// to the compiler through <see cref="TreeOptionsProvider"/>, as the real .editorconfig pipeline does.
/// </summary>
internal sealed class TestAnalyzerConfig
{
    private readonly ImmutableDictionary<string, string> _global;
    private readonly ImmutableArray<(string Pattern, ImmutableDictionary<string, string> Options)> _sections;

    private TestAnalyzerConfig(ImmutableDictionary<string, string> global, ImmutableArray<(string, ImmutableDictionary<string, string>)> sections)
    {
        _global = global;
        _sections = sections;
        OptionsProvider = new Provider(this);
        TreeOptionsProvider = new TreeProvider(this);
    }

    public AnalyzerConfigOptionsProvider OptionsProvider { get; }

    public SyntaxTreeOptionsProvider TreeOptionsProvider { get; }

    public static TestAnalyzerConfig Parse(string? text)
    {
        var global = ImmutableDictionary.CreateBuilder<string, string>(AnalyzerConfigOptions.KeyComparer);
        var sections = ImmutableArray.CreateBuilder<(string, ImmutableDictionary<string, string>)>();
        var current = global;
        string? pattern = null;
        foreach (var rawLine in (text ?? "").Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                if (pattern is not null)
                    sections.Add((pattern, current.ToImmutable()));
                pattern = line[1..^1].Trim();
                current = ImmutableDictionary.CreateBuilder<string, string>(AnalyzerConfigOptions.KeyComparer);
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
                throw new FormatException($"Editorconfig line '{line}' is not 'key = value' or '[section]'.");
            current[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        if (pattern is not null)
            sections.Add((pattern, current.ToImmutable()));
        return new TestAnalyzerConfig(global.ToImmutable(), sections.ToImmutable());
    }

    /// <summary>Options of the sections matching <paramref name="filePath"/>, later sections winning.</summary>
    private ImmutableDictionary<string, string> SectionOptions(string? filePath)
    {
        var name = Path.GetFileName(filePath ?? "");
        var result = ImmutableDictionary.Create<string, string>(AnalyzerConfigOptions.KeyComparer);
        foreach (var (pattern, options) in _sections.Where(s => s.Pattern is "*" or "*.cs" || string.Equals(s.Pattern, name, StringComparison.OrdinalIgnoreCase)))
            result = result.SetItems(options);
        return result;
    }

    private static bool TryGetSeverity(ImmutableDictionary<string, string> options, string id, out ReportDiagnostic severity)
    {
        severity = ReportDiagnostic.Default;
        if (!options.TryGetValue($"dotnet_diagnostic.{id}.severity", out var value))
            return false;
        severity = value.ToLowerInvariant() switch
        {
            "none" => ReportDiagnostic.Suppress,
            "silent" or "refactoring" => ReportDiagnostic.Hidden,
            "suggestion" => ReportDiagnostic.Info,
            "warning" => ReportDiagnostic.Warn,
            "error" => ReportDiagnostic.Error,
            "default" => ReportDiagnostic.Default,
            _ => throw new FormatException($"Unknown severity '{value}' for {id}."),
        };
        return true;
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private sealed class Provider(TestAnalyzerConfig config) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(config._global);

        // Global options are visible from every tree too, as with a real global .editorconfig.
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(config._global.SetItems(config.SectionOptions(tree.FilePath)));

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(config._global.SetItems(config.SectionOptions(textFile.Path)));
    }

    private sealed class TreeProvider(TestAnalyzerConfig config) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
            config.SectionOptions(tree.FilePath).TryGetValue("generated_code", out var value) && bool.TryParse(value, out var generated)
                ? generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated
                : GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            TryGetSeverity(config.SectionOptions(tree.FilePath), diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            TryGetSeverity(config._global, diagnosticId, out severity);
    }
}
