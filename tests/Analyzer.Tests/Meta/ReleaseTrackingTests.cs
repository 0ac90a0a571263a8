using Xunit;

namespace KeepAliveAnalyzers.Tests.Meta;

/// <summary>Every rule is in AnalyzerReleases.Unshipped.md or Shipped.md with the category and severity it has.</summary>
public class ReleaseTrackingTests
{
    [Theory]
    [MemberData(nameof(ShippedRules.Ids), MemberType = typeof(ShippedRules))]
    public void Rule_is_tracked_with_its_category_and_severity(string id)
    {
        var descriptor = ShippedRules.ById[id];
        Assert.True(ReleaseTracking.Current().TryGetValue(id, out var entry),
            $"{id} is missing from src/Analyzer/AnalyzerReleases.Unshipped.md (add it under ### New Rules)");
        var expected = (descriptor.Category, Severity: ShippedRules.SeverityName(descriptor));
        Assert.True((entry!.Category, entry.Severity) == expected,
            $"{id} is tracked in {entry.File} as {entry.Category} | {entry.Severity}; the descriptor says {expected.Category} | {expected.Severity}");
    }
}
