using System.Linq;
using System.Text.Json;
using KeepAliveAnalyzers;
using KeepAliveAnalyzers.EndToEnd.Infrastructure;
using KeepAliveAnalyzers.Rules;
using Xunit;

namespace KeepAliveAnalyzers.EndToEnd;

/// <summary>A fresh console project with the package: KA0001 in `dotnet build`, suppressions, SARIF, clean loading.</summary>
[Collection(PackedPackagesCollection.Name)]
public class AnalyzerInBuildTests
{
    private readonly BaselineBuild _baseline;

    public AnalyzerInBuildTests(PackedPackages packages) => _baseline = packages.Baseline;

    [Fact]
    public void Build_warns_KA0001_exactly_at_the_long_lived_client()
    {
        var (line, column) = ClientApp.SiteIn(_baseline.Project.ReadFile(ClientApp.ReportedFile));
        Assert.True(_baseline.Build.ExitCode == 0, _baseline.Build.ToString());
        Assert.Equal(
            new[] { new BuildDiagnostic(ClientApp.ReportedFile, line, column, "warning", RuleIds.NoDeadPeerDetection) },
            BuildDiagnostics.Located(_baseline.Build.Output));
    }

    [Fact]
    public void Pragma_and_SuppressMessage_silence_the_same_code()
    {
        var files = BuildDiagnostics.Located(_baseline.Build.Output).Select(d => d.File).ToList();
        // The unsuppressed copy of the identical class is the control: the analyzer did run on this code.
        Assert.Contains(ClientApp.ReportedFile, files);
        Assert.DoesNotContain(ClientApp.PragmaFile, files);
        Assert.DoesNotContain(ClientApp.AttributeFile, files);
    }

    [Fact]
    public void Analyzer_loads_in_the_SDK_compiler_without_load_warnings()
    {
        var ids = BuildDiagnostics.Ids(_baseline.Build.Output);
        Assert.Contains(RuleIds.NoDeadPeerDetection, ids);
        // CS8032: analyzer instance cannot be created; CS9057: built against a newer compiler; AD0001: analyzer threw.
        Assert.DoesNotContain("CS8032", ids);
        Assert.DoesNotContain("CS9057", ids);
        Assert.DoesNotContain("AD0001", ids);
        Assert.Equal(new[] { RuleIds.NoDeadPeerDetection }, ids.OrderBy(id => id));
    }

    [Fact]
    public void Sarif_log_describes_the_rule_with_its_help_link()
    {
        var descriptor = new KeepAliveAnalyzer().SupportedDiagnostics.Single(d => d.Id == RuleIds.NoDeadPeerDetection);
        Assert.False(string.IsNullOrEmpty(_baseline.Sarif), $"No {BaselineBuild.SarifFile} was written.\n{_baseline.Build}");
        using var sarif = JsonDocument.Parse(_baseline.Sarif);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];

        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == descriptor.Id);
        Assert.Equal(descriptor.Title.ToString(), rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal(descriptor.Description.ToString(), rule.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Equal(descriptor.HelpLinkUri, rule.GetProperty("helpUri").GetString());

        var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == descriptor.Id
            && !r.TryGetProperty("suppressions", out _));
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("/" + ClientApp.ReportedFile, region.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(ClientApp.SiteIn(_baseline.Project.ReadFile(ClientApp.ReportedFile)).Line,
            region.GetProperty("region").GetProperty("startLine").GetInt32());
    }
}
