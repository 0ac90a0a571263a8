using System;
using System.Linq;
using System.Text.RegularExpressions;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Sockets;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Meta;

/// <summary>Every option the analyzers read is documented, and every documented option is read.</summary>
public class EditorConfigKeyTests
{
    [Fact]
    public void Reflection_finds_the_options_the_code_reads() =>
        Assert.Contains(ConfigurationMethodsOption.Key, EditorConfigKeys.ReadByCode(), StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Every_key_the_code_reads_is_documented()
    {
        var documented = EditorConfigKeys.Documented();
        var missing = EditorConfigKeys.ReadByCode()
            .Where(key => !documented.Any(doc => doc.Key.Equals(key, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.True(missing.Count == 0, "Read by the analyzers but in no ```ini block of docs/rules: " + string.Join(", ", missing));
    }

    [Fact]
    public void A_key_naming_a_rule_is_documented_on_that_rules_page()
    {
        var wrong = EditorConfigKeys.ReadByCode()
            .Select(key => (key, id: Regex.Match(key, "KA[0-9]{4}", RegexOptions.IgnoreCase).Value.ToUpperInvariant()))
            .Where(pair => pair.id.Length > 0 && !EditorConfigKeys.Documented().Any(doc =>
                doc.Key.Equals(pair.key, StringComparison.OrdinalIgnoreCase) && doc.Page == pair.id + ".md"))
            .Select(pair => $"{pair.key} (expected in docs/rules/{pair.id}.md)")
            .ToList();
        Assert.True(wrong.Count == 0, "Not documented on the page of the rule they name: " + string.Join(", ", wrong));
    }

    [Fact]
    public void Every_documented_key_is_read_by_the_code()
    {
        var read = EditorConfigKeys.ReadByCode();
        var unknown = EditorConfigKeys.Documented()
            .Where(doc => !read.Contains(doc.Key, StringComparer.OrdinalIgnoreCase))
            .Select(doc => $"{doc.Key} ({doc.Page})")
            .ToList();
        Assert.True(unknown.Count == 0, "Documented but read by no analyzer: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Ini_blocks_of_the_pages_are_read() =>
        Assert.Contains((ConfigurationMethodsOption.Key, "KA0001.md"), EditorConfigKeys.Documented());
}
