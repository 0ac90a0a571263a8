using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using KeepAliveAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Meta;

/// <summary>
/// Rule pages tell the truth about their code fix: every page has the same five sections; a rule with a fix provider
/// lists where its fix is not offered, each shape backed by a test that shows it (and every such test is listed); a
/// rule without one says "No code fix". The pages are read as written; the providers and tests are found by
/// reflection, so a new fix, a removed fix or a renamed test breaks this until the page follows.
/// </summary>
public class CodeFixStatementTests
{
    public const string CauseSection = "Cause";
    public const string HowToFixSection = "How to fix";
    public const string NotOfferedSection = "Where the code fix is not offered";
    public const string ConfigurationSection = "Configuration";
    public const string SuppressSection = "When to suppress";

    private static readonly string[] RequiredSections = [CauseSection, HowToFixSection, NotOfferedSection, ConfigurationSection, SuppressSection];

    /// <summary>A bullet ends with <c>(test: Class.Method)</c>.</summary>
    private static readonly Regex TestReference = new(@"\(test: (?<class>[A-Za-z_][A-Za-z0-9_]*)\.(?<method>[A-Za-z_][A-Za-z0-9_]*)\)$");

    private static readonly Assembly TestAssembly = typeof(CodeFixStatementTests).Assembly;

    /// <summary>Every exported code fix provider of KeepAliveAnalyzers.CodeFixes, by the ids it fixes.</summary>
    public static ImmutableDictionary<string, Type> FixProviders { get; } =
        typeof(KA0001NoDeadPeerDetectionCodeFix).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false }
                && typeof(CodeFixProvider).IsAssignableFrom(type)
                && type.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any())
            .SelectMany(type => ((CodeFixProvider)Activator.CreateInstance(type)!).FixableDiagnosticIds.Select(id => (id, type)))
            .ToImmutableDictionary(pair => pair.id, pair => pair.type, StringComparer.Ordinal);

    [Fact]
    public void Fix_providers_are_found()
    {
        // Guards the reflection above: if it found nothing, every page would be required to say "No code fix".
        Assert.Contains(RuleIds.NoDeadPeerDetection, FixProviders.Keys);
        Assert.All(FixProviders.Keys, id => Assert.Contains(id, ShippedRules.ById.Keys));
    }

    [Theory]
    [MemberData(nameof(ShippedRules.Ids), MemberType = typeof(ShippedRules))]
    public void Page_has_the_five_sections(string id)
    {
        var sections = Sections(id);
        var missing = RequiredSections.Where(name => !sections.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, $"docs/rules/{id}.md has no section {string.Join(", ", missing.Select(name => $"'## {name}'"))}");
        Assert.All(RequiredSections, name => Assert.False(string.IsNullOrWhiteSpace(sections[name]), $"docs/rules/{id}.md: '## {name}' is empty"));
    }

    [Theory]
    [MemberData(nameof(ShippedRules.Ids), MemberType = typeof(ShippedRules))]
    public void Page_says_whether_there_is_a_code_fix(string id)
    {
        var sections = Sections(id);
        var hasFix = FixProviders.ContainsKey(id);
        var howToFix = sections.GetValueOrDefault(HowToFixSection) ?? "";
        var row = TableValue(File.ReadAllText(RepositoryFiles.RulePage(id)), "Code fix") ?? "(missing)";
        if (hasFix)
        {
            Assert.False(howToFix.Contains("No code fix", StringComparison.Ordinal),
                $"docs/rules/{id}.md says 'No code fix', but {FixProviders[id].Name} fixes {id}");
            Assert.False(row.StartsWith("No", StringComparison.Ordinal),
                $"docs/rules/{id}.md: the table row **Code fix** is '{row}', but {FixProviders[id].Name} fixes {id}");
        }
        else
        {
            Assert.True(howToFix.Contains("No code fix", StringComparison.Ordinal),
                $"docs/rules/{id}.md: no provider fixes {id}, so '## {HowToFixSection}' must say \"No code fix\" and why");
            Assert.True(row.StartsWith("No", StringComparison.Ordinal),
                $"docs/rules/{id}.md: the table row **Code fix** is '{row}', but no provider fixes {id}");
        }
    }

    [Theory]
    [MemberData(nameof(ShippedRules.Ids), MemberType = typeof(ShippedRules))]
    public void Every_shape_where_no_fix_is_offered_names_a_test_that_shows_it(string id)
    {
        var section = Sections(id).GetValueOrDefault(NotOfferedSection);
        Assert.True(section is not null, $"docs/rules/{id}.md has no '## {NotOfferedSection}'");
        var bullets = Bullets(section!);
        if (!FixProviders.TryGetValue(id, out var provider))
        {
            Assert.True(bullets.Count == 0, $"docs/rules/{id}.md: {id} has no code fix, so '## {NotOfferedSection}' says so once and lists no shapes");
            return;
        }

        Assert.True(bullets.Count > 0, $"docs/rules/{id}.md: {provider.Name} fixes {id}, so '## {NotOfferedSection}' lists the shapes it refuses");
        foreach (var bullet in bullets)
        {
            var match = TestReference.Match(bullet);
            Assert.True(match.Success, $"docs/rules/{id}.md: the bullet does not end with '(test: Class.Method)':\n{bullet}");
            var problem = NoFixTestProblem(match.Groups["class"].Value, match.Groups["method"].Value, provider);
            Assert.True(problem is null, $"docs/rules/{id}.md: {match.Value}: {problem}");
        }
    }

    [Theory]
    [MemberData(nameof(ShippedRules.Ids), MemberType = typeof(ShippedRules))]
    public void Every_no_fix_test_is_listed_on_its_page(string id)
    {
        if (!FixProviders.TryGetValue(id, out var provider))
        {
            return;
        }

        var listed = Bullets(Sections(id).GetValueOrDefault(NotOfferedSection) ?? "")
            .Select(bullet => TestReference.Match(bullet))
            .Where(match => match.Success)
            .Select(match => match.Groups["class"].Value + "." + match.Groups["method"].Value)
            .ToHashSet(StringComparer.Ordinal);
        var unlisted = NoFixTests(provider).Where(test => !listed.Contains(test)).ToList();
        Assert.True(unlisted.Count == 0,
            $"docs/rules/{id}.md, '## {NotOfferedSection}', does not list these tests that show no fix offered: {string.Join(", ", unlisted)}");
    }

    [Theory]
    [MemberData(nameof(ShippedRules.Ids), MemberType = typeof(ShippedRules))]
    public void Suppression_is_shown_with_a_pragma_and_an_attribute(string id)
    {
        var descriptor = ShippedRules.ById[id];
        var section = Sections(id).GetValueOrDefault(SuppressSection) ?? "";
        Assert.True(Regex.IsMatch(section, $@"^#pragma warning disable {id}\b", RegexOptions.Multiline),
            $"docs/rules/{id}.md: '## {SuppressSection}' has no '#pragma warning disable {id}' example");
        var attribute = $"[SuppressMessage(\"{descriptor.Category}\", \"{id}:{descriptor.Title}\"";
        Assert.True(section.Contains(attribute, StringComparison.Ordinal),
            $"docs/rules/{id}.md: '## {SuppressSection}' has no example starting {attribute}");
    }

    /// <summary>Null when <paramref name="className"/>.<paramref name="methodName"/> is a test of <paramref name="provider"/> that verifies no fix is offered.</summary>
    private static string? NoFixTestProblem(string className, string methodName, Type provider)
    {
        var types = TestAssembly.GetTypes().Where(type => type.Name == className).ToList();
        if (types.Count != 1)
        {
            return types.Count == 0 ? $"no class {className} in the test assembly" : $"{types.Count} classes named {className}";
        }

        var method = types[0].GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
        if (method is null)
        {
            return $"{className} has no public method {methodName}";
        }

        if (method.GetCustomAttribute<FactAttribute>(inherit: true) is not { } fact)
        {
            return $"{className}.{methodName} is not a [Fact] or [Theory]";
        }

        if (fact.Skip is not null)
        {
            return $"{className}.{methodName} is skipped";
        }

        if (SourceOf(className) is not { } source)
        {
            return $"no source file declares class {className}";
        }

        if (!Mentions(source, provider))
        {
            return $"{className} does not test {provider.Name}";
        }

        return MethodText(source, methodName) is { } body && body.Contains("VerifyNoFixOfferedAsync", StringComparison.Ordinal)
            ? null
            : $"{className}.{methodName} does not call VerifyNoFixOfferedAsync";
    }

    /// <summary>Class.Method of every test of <paramref name="provider"/> in Rules/ that calls VerifyNoFixOfferedAsync.</summary>
    private static IEnumerable<string> NoFixTests(Type provider) =>
        TestAssembly.GetTypes()
            .Where(type => type.Namespace == "KeepAliveAnalyzers.Tests.Rules" && !type.IsNested)
            .Select(type => (type, source: SourceOf(type.Name)))
            .Where(pair => pair.source is not null && Mentions(pair.source, provider))
            .SelectMany(pair => pair.type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(method => method.GetCustomAttribute<FactAttribute>(inherit: true) is not null &&
                                 MethodText(pair.source!, method.Name) is { } body &&
                                 body.Contains("VerifyNoFixOfferedAsync", StringComparison.Ordinal))
                .Select(method => pair.type.Name + "." + method.Name))
            .OrderBy(name => name, StringComparer.Ordinal);

    /// <summary>The source names the provider type itself (not a longer name it begins, such as its tests' class).</summary>
    private static bool Mentions(string source, Type provider) => Regex.IsMatch(source, $@"\b{Regex.Escape(provider.Name)}\b");

    private static readonly Regex ClassDeclaration = new(@"^[ \t]*(?:(?:public|internal|sealed|static|partial)\s+)*class\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Multiline);

    private static readonly Regex MethodDeclaration = new(@"^(?<indent>[ \t]*)public\s+[^=(\r\n]*?\b(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\(");

    /// <summary>Each test source once, by the classes it declares (a class declared in two files maps to null).</summary>
    private static readonly Lazy<Dictionary<string, string?>> SourcesByClass = new(() =>
    {
        var byClass = new Dictionary<string, string?>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "tests", "Analyzer.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj"));
        foreach (var file in files)
        {
            var source = File.ReadAllText(file);
            foreach (Match match in ClassDeclaration.Matches(source))
            {
                var name = match.Groups["name"].Value;
                byClass[name] = byClass.ContainsKey(name) ? null : source;
            }
        }

        return byClass;
    });

    private static string? SourceOf(string className) => SourcesByClass.Value.GetValueOrDefault(className);

    /// <summary>Each source's public members by name: from the declaration line to the next line indented as much or less.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, Dictionary<string, string>> MembersBySource = new();

    /// <summary>
    /// The text of the member declaring <paramref name="methodName"/>: from its declaration line to the next line
    /// indented as much or less (the next attribute, member or closing brace). Raw strings in it are indented deeper.
    /// </summary>
    private static string? MethodText(string source, string methodName) =>
        MembersBySource.GetValue(source, Members).GetValueOrDefault(methodName);

    private static Dictionary<string, string> Members(string source)
    {
        // Methods of the C# snippets in raw strings match too, indented deeper: the least indented declaration wins.
        var members = new Dictionary<string, (int Indent, string Text)>(StringComparer.Ordinal);
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = MethodDeclaration.Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var indent = match.Groups["indent"].Value.Length;
            var end = i + 1;
            while (end < lines.Length && (string.IsNullOrWhiteSpace(lines[end]) || Indentation(lines[end]) > indent))
            {
                end++;
            }

            var name = match.Groups["name"].Value;
            if (!members.TryGetValue(name, out var known) || indent < known.Indent)
            {
                members[name] = (indent, string.Join("\n", lines[i..end]));
            }
        }

        return members.ToDictionary(pair => pair.Key, pair => pair.Value.Text, StringComparer.Ordinal);
    }

    private static int Indentation(string line) => line.Length - line.TrimStart(' ', '\t').Length;

    /// <summary>The page's <c>## </c> sections by title (headings inside code fences do not count).</summary>
    private static Dictionary<string, string> Sections(string id)
    {
        var path = RepositoryFiles.RulePage(id);
        Assert.True(File.Exists(path), $"{id} has no page: create docs/rules/{id}.md");
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var body = new List<string>();
        var inFence = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
            {
                Close();
                current = line.Substring(3).Trim();
                continue;
            }

            body.Add(line);
        }

        Close();
        return sections;

        void Close()
        {
            if (current is not null)
            {
                Assert.False(sections.ContainsKey(current), $"docs/rules/{id}.md has two sections '## {current}'");
                sections[current] = string.Join("\n", body);
            }

            body.Clear();
        }
    }

    /// <summary>Top-level bullets (<c>- </c> at the start of a line), each joined with its indented continuation lines.</summary>
    private static List<string> Bullets(string section)
    {
        var bullets = new List<string>();
        var open = false;
        foreach (var line in section.Split('\n'))
        {
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                bullets.Add(line.Substring(2).Trim());
                open = true;
            }
            else if (open && line.StartsWith("  ", StringComparison.Ordinal) && line.Trim().Length > 0)
            {
                bullets[^1] += " " + line.Trim();
            }
            else if (line.Trim().Length > 0)
            {
                open = false; // a paragraph after the list ends the last bullet
            }
        }

        return bullets;
    }

    private static string? TableValue(string page, string name)
    {
        var match = Regex.Match(page, $@"^\|\s*\*\*{Regex.Escape(name)}\*\*\s*\|\s*(?<value>[^|\r\n]*?)\s*\|", RegexOptions.Multiline);
        return match.Success ? match.Groups["value"].Value : null;
    }
}
