using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using KeepAliveAnalyzers.EndToEnd.Infrastructure;
using KeepAliveAnalyzers.Rules;
using Xunit;

namespace KeepAliveAnalyzers.EndToEnd;

/// <summary>
/// docs/ci.md, run as written: the commands of its GitHub Actions workflow (which the Azure pipeline must repeat) and
/// its Directory.Build.targets, read out of the page's marked blocks, against a project with one KA0001 finding.
/// The hosted parts (checkout, setup-dotnet, upload-sarif, the Azure tasks) are not run.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public class CiRecipeTests
{
    private const string SarifFolder = "sarif-logs";
    private const string MergedSarif = "keepalive.sarif";
    private readonly PackedPackages _packages;

    public CiRecipeTests(PackedPackages packages) => _packages = packages;

    private static IReadOnlyList<MarkedBlock> Blocks =>
        DocumentedCommands.MarkedBlocks(DocumentedCommands.ReadRepositoryFile("docs/ci.md"));

    /// <summary>The workflow's run steps: restore, build, format, merge, in that order.</summary>
    private static Recipe Steps
    {
        get
        {
            var scripts = DocumentedCommands.WorkflowScripts(DocumentedCommands.Block(Blocks, "ci-github-actions").Text, "run");
            Assert.True(scripts.Count == 4, "Expected 4 run steps (restore, build, format, merge):\n" + string.Join("\n---\n", scripts));
            Assert.StartsWith("dotnet restore", scripts[0]);
            Assert.StartsWith("dotnet build ", scripts[1]);
            Assert.StartsWith("dotnet format analyzers ", scripts[2]);
            Assert.StartsWith("jq ", scripts[3]);
            return new Recipe(scripts[0], scripts[1], scripts[2], scripts[3]);
        }
    }

    [Fact]
    public void Azure_pipeline_runs_the_same_commands_as_the_GitHub_workflow()
    {
        var github = DocumentedCommands.WorkflowScripts(DocumentedCommands.Block(Blocks, "ci-github-actions").Text, "run");
        var azure = DocumentedCommands.WorkflowScripts(DocumentedCommands.Block(Blocks, "ci-azure-pipelines").Text, "script");
        Assert.Equal(github, azure);

        // What the page promises about the commands.
        var recipe = Steps;
        Assert.Contains(" --no-incremental ", recipe.Build);
        Assert.Contains(" -warnaserror:KA0001,KA0002,KA0004,KA0005,KA0006,KA0007 ", recipe.Build);
        Assert.Contains(" --verify-no-changes ", recipe.Format);
        Assert.Contains(" --diagnostics KA0001 KA0002 KA0004 KA0006 ", recipe.Format);
    }

    [Fact]
    public void Recipe_build_fails_on_KA0001_right_after_a_plain_build_passed_and_writes_the_SARIF_log()
    {
        var recipe = Steps;
        var project = CreateProject("CiRecipeBuild");
        var (line, column) = ClientApp.SiteIn(ClientApp.PlainClient);
        var error = new BuildDiagnostic(ClientApp.ReportedFile, line, column, "error", RuleIds.NoDeadPeerDetection);
        AssertPasses(Run(project, recipe.Restore));

        // The earlier build a kept workspace or a cached obj/ holds: it passes, with a warning.
        var plain = project.Build("--no-restore");
        AssertPasses(plain);
        Assert.Contains(new BuildDiagnostic(ClientApp.ReportedFile, line, column, "warning", RuleIds.NoDeadPeerDetection),
            BuildDiagnostics.Located(plain.Output));

        // The trap the recipe avoids: the same command without --no-incremental skips the compiler and passes.
        var incremental = Run(project, recipe.Build.Replace(" --no-incremental", "", StringComparison.Ordinal));
        AssertPasses(incremental);
        Assert.DoesNotContain(RuleIds.NoDeadPeerDetection, BuildDiagnostics.Ids(incremental.Output));

        var build = Run(project, recipe.Build);
        Assert.True(build.ExitCode != 0, "The recipe's build passed:\n" + build);
        Assert.Equal(new[] { error }, BuildDiagnostics.Located(build.Output));

        // One SARIF 2.1 log per compilation, with the finding at its place.
        var log = Path.Combine(project.Directory, SarifFolder, project.Name + "-net10.0.sarif");
        Assert.True(File.Exists(log), $"No {log}.\n{build}");
        AssertFinding(log, line, "warning");

        var merge = Run(project, recipe.Merge);
        AssertPasses(merge);
        var merged = Path.Combine(project.Directory, MergedSarif);
        Assert.Equal(1, AssertFinding(merged, line, "warning").GetProperty("runs").GetArrayLength());
        using var document = JsonDocument.Parse(File.ReadAllText(merged));
        var run = document.RootElement.GetProperty("runs")[0];
        Assert.All(run.GetProperty("results").EnumerateArray(), r => Assert.StartsWith("KA", r.GetProperty("ruleId").GetString()));
        Assert.All(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(),
            r => Assert.StartsWith("KA", r.GetProperty("id").GetString()));
    }

    [Fact]
    public void Recipe_format_step_fails_on_the_finding_and_passes_once_the_code_is_fixed()
    {
        var recipe = Steps;
        var project = CreateProject("CiRecipeFormat");
        AssertPasses(Run(project, recipe.Restore));

        var pending = Run(project, recipe.Format);
        Assert.True(pending.ExitCode != 0, "dotnet format found nothing to fix:\n" + pending);
        Assert.Contains($"{ClientApp.ReportedFile}({ClientApp.SiteIn(ClientApp.PlainClient).Line},", pending.Output);
        Assert.Contains(RuleIds.NoDeadPeerDetection, pending.Output);
        Assert.Equal(ClientApp.PlainClient, project.ReadFile(ClientApp.ReportedFile)); // verified, not applied

        // The code as the KA0001 fix leaves it.
        project.WithFile(ClientApp.ReportedFile, "using KeepAlive;\n" + ClientApp.PlainClient.Replace(
            "        s_client.Connect(endpoint);\n",
            "        s_client.Connect(endpoint);\n        TcpKeepAlive.Configure(s_client);\n",
            StringComparison.Ordinal));
        AssertPasses(Run(project, recipe.Format));

        // The whole recipe then passes, and the merged log says there is nothing to report.
        var build = Run(project, recipe.Build);
        AssertPasses(build);
        Assert.Empty(BuildDiagnostics.Located(build.Output));
        AssertPasses(Run(project, recipe.Merge));
        using var merged = JsonDocument.Parse(project.ReadFile(MergedSarif));
        Assert.Equal(0, merged.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    private ConsumerProject CreateProject(string name) =>
        _packages.CreateProject(name)
            .WithFile(name + ".csproj", ClientApp.ProjectFile(_packages.Version))
            .WithFile("Program.cs", "using System.Net;\n\nSystem.Console.WriteLine(Client.Connect(new IPEndPoint(IPAddress.Loopback, 9)).Connected);\n")
            .WithFile(ClientApp.ReportedFile, ClientApp.PlainClient)
            .WithFile("Directory.Build.targets", DocumentedCommands.Block(Blocks, "ci-msbuild").Text);

    private CommandResult Run(ConsumerProject project, string script)
    {
        if (script.StartsWith("jq ", StringComparison.Ordinal))
        {
            var jq = Bash.Run(project.Directory, "command -v jq", _packages.ConsumerEnvironment);
            Assert.True(jq.ExitCode == 0, "jq is not installed (Debian: apt-get install jq); docs/ci.md merges the SARIF logs with it, " +
                "as GitHub-hosted runners and Microsoft-hosted agents have it.\n" + jq);
        }

        return Bash.Run(project.Directory, script, _packages.ConsumerEnvironment);
    }

    private static void AssertPasses(CommandResult result) => Assert.True(result.ExitCode == 0, result.ToString());

    /// <summary>The log is SARIF 2.1.0 and holds the one unsuppressed KA0001 result, at Client.cs and the site's line.</summary>
    private static JsonElement AssertFinding(string path, int line, string level)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var result = root.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.GetProperty("results").EnumerateArray())
            .Single(r => r.GetProperty("ruleId").GetString() == RuleIds.NoDeadPeerDetection);
        Assert.Equal(level, result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("/" + ClientApp.ReportedFile, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(line, location.GetProperty("region").GetProperty("startLine").GetInt32());
        return root.Clone();
    }

    private sealed record Recipe(string Restore, string Build, string Format, string Merge);
}
