using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Meta;

/// <summary>docs/rules/ID.md exists for every rule and agrees with its descriptor.</summary>
public class RulePageTests
{
    [Theory]
    [MemberData(nameof(ShippedRules.Ids), MemberType = typeof(ShippedRules))]
    public void Page_exists_and_is_titled_with_the_id_and_title(string id)
    {
        var path = RepositoryFiles.RulePage(id);
        Assert.True(File.Exists(path), $"{id} has no page: create docs/rules/{id}.md");
        var heading = File.ReadLines(path).FirstOrDefault(line => line.StartsWith("# ", System.StringComparison.Ordinal));
        Assert.Equal($"# {id}: {ShippedRules.ById[id].Title}", heading);
    }

    [Theory]
    [MemberData(nameof(ShippedRules.Ids), MemberType = typeof(ShippedRules))]
    public void Page_table_states_the_category_and_default_severity(string id)
    {
        var descriptor = ShippedRules.ById[id];
        Assert.True(File.Exists(RepositoryFiles.RulePage(id)), $"{id} has no page: create docs/rules/{id}.md");
        var page = File.ReadAllText(RepositoryFiles.RulePage(id));
        AssertRow(id, page, "Category", descriptor.Category, exact: true);
        AssertRow(id, page, "Enabled by default", descriptor.IsEnabledByDefault ? "Yes" : "No", exact: true);
        if (descriptor.IsEnabledByDefault)
        {
            // "Info (suggestion)" is fine: the descriptor's name comes first.
            AssertRow(id, page, "Default severity", descriptor.DefaultSeverity.ToString(), exact: false);
        }
    }

    private static void AssertRow(string id, string page, string name, string expected, bool exact)
    {
        var actual = TableValue(page, name);
        var matches = actual is not null && (exact ? actual == expected : actual.StartsWith(expected, System.StringComparison.Ordinal));
        Assert.True(matches, $"docs/rules/{id}.md: the table row **{name}** is '{actual ?? "(missing)"}', the descriptor says '{expected}'");
    }

    private static string? TableValue(string page, string name)
    {
        var match = Regex.Match(page, $@"^\|\s*\*\*{Regex.Escape(name)}\*\*\s*\|\s*(?<value>[^|\r\n]*?)\s*\|", RegexOptions.Multiline);
        return match.Success ? match.Groups["value"].Value : null;
    }
}
