using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using KeepAliveAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KeepAliveAnalyzers.Tests.Meta;

/// <summary>What every descriptor of every shipped analyzer must carry: id, texts and a help link to its page.</summary>
public class DescriptorTests
{
    private static readonly string RepositoryUrl =
        XDocument.Load(Path.Combine(RepositoryFiles.Root, "Directory.Build.props")).Descendants("RepositoryUrl").Single().Value.TrimEnd('/');

    [Fact]
    public void One_analyzer_ships_every_rule_of_the_catalog()
    {
        // Rules are hosted, never loaded on their own: the one [DiagnosticAnalyzer] is the shipped KeepAliveAnalyzer.
        var analyzer = Assert.Single(ShippedRules.Analyzers);
        Assert.IsType<KeepAliveAnalyzer>(analyzer);
        Assert.Equal(RuleCatalog.All.Select(rule => rule.Descriptor.Id), analyzer.SupportedDiagnostics.Select(d => d.Id));
        Assert.Contains(RuleIds.NoDeadPeerDetection, ShippedRules.ById.Keys);
    }

    [Fact]
    public void The_catalog_lists_each_rule_once_in_id_order()
    {
        var ids = RuleCatalog.All.Select(rule => rule.Descriptor.Id).ToList();
        Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal).Distinct(), ids);
        Assert.Equal(typeof(RuleIds).GetFields().Length, ids.Count);
    }

    [Theory]
    [MemberData(nameof(ShippedRules.Ids), MemberType = typeof(ShippedRules))]
    public void Id_is_KA_and_four_digits(string id) => Assert.Matches(new Regex("^KA[0-9]{4}$"), id);

    [Theory]
    [MemberData(nameof(ShippedRules.Ids), MemberType = typeof(ShippedRules))]
    public void Title_message_and_description_are_written(string id)
    {
        var descriptor = ShippedRules.ById[id];
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()), $"{id} has no title");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()), $"{id} has no message");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()), $"{id} has no description");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Category), $"{id} has no category");
    }

    [Theory]
    [MemberData(nameof(ShippedRules.Ids), MemberType = typeof(ShippedRules))]
    public void Help_link_points_to_the_rule_page(string id)
    {
        var descriptor = ShippedRules.ById[id];
        Assert.Equal($"{RepositoryUrl}/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(RepositoryFiles.RulePage(id)), $"{descriptor.HelpLinkUri} links to a page that does not exist in docs/rules");
    }

    [Theory]
    [MemberData(nameof(ShippedRules.Ids), MemberType = typeof(ShippedRules))]
    public void Analyzers_sharing_an_id_declare_the_same_rule(string id)
    {
        var distinct = ShippedRules.AllDescriptors
            .Where(pair => pair.Descriptor.Id == id)
            .Select(pair => Describe(pair.Descriptor))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(distinct.Count == 1, $"{id} is declared differently:\n{string.Join("\n", distinct)}");
    }

    private static string Describe(DiagnosticDescriptor d) =>
        string.Join(" | ", d.Title, d.MessageFormat, d.Category, ShippedRules.SeverityName(d), d.Description, d.HelpLinkUri);
}
