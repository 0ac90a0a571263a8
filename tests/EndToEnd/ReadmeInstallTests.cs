using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using KeepAliveAnalyzers.EndToEnd.Infrastructure;
using KeepAliveAnalyzers.Rules;
using Xunit;

namespace KeepAliveAnalyzers.EndToEnd;

/// <summary>
/// The README's Install section, run as written: the blocks marked <c>&lt;!-- tested: … --&gt;</c> are read out of
/// README.md, only the clone path <c>/path/to/KeepAliveAnalyzers</c> is replaced, and they run in bash in a fresh
/// <c>dotnet new console</c> app holding a long-lived TcpClient, whose build must then report KA0001.
/// </summary>
/// <remarks>
/// The pack block runs at the checkout with its output sent elsewhere (<c>-o</c> into a stand-in clone's
/// <c>artifacts/</c> folder, <c>--artifacts-path</c> and <c>--no-build</c> onto the Release build the collection
/// fixture made of the same checkout a moment ago): the checkout's own artifacts/, bin/ and obj/ stay untouched and the
/// packing costs ~4 s instead of a second ~40 s build. The consumer commands then see the placeholder as that
/// stand-in. Each way of adding the package restores into an empty package folder of its own, so the nuget.config way
/// cannot pass on a copy the --source way left in the cache.
/// </remarks>
[Collection(PackedPackagesCollection.Name)]
public class ReadmeInstallTests
{
    private const string ClonePlaceholder = "/path/to/KeepAliveAnalyzers";
    private static readonly ConcurrentDictionary<string, Lazy<(string Clone, CommandResult Pack)>> Packed = new();
    private readonly PackedPackages _packages;

    public ReadmeInstallTests(PackedPackages packages) => _packages = packages;

    private static string Install => DocumentedCommands.Section(DocumentedCommands.ReadRepositoryFile("README.md"), "## Install");

    private static IReadOnlyList<MarkedBlock> Blocks => DocumentedCommands.MarkedBlocks(Install);

    /// <summary>The version every project packs under: the README must name this one.</summary>
    private static string Version =>
        XDocument.Load(RepositoryPaths.Project("Directory.Build.props")).Descendants("Version").Single().Value;

    [Fact]
    public void Install_section_marks_the_pack_and_both_ways_to_add_the_package_with_the_version_that_is_packed()
    {
        Assert.Equal(
            new[] { "install-pack", "install-with-source", "install-nuget-config", "install-with-nuget-config" },
            Blocks.Select(b => b.Name));

        var pack = DocumentedCommands.Block(Blocks, "install-pack").Text;
        Assert.Contains($"artifacts/KeepAliveAnalyzers.{Version}.nupkg", pack);
        Assert.Contains($"artifacts/KeepAlive.Runtime.{Version}.nupkg", pack);
        Assert.Contains($"dotnet add package KeepAliveAnalyzers --version {Version} --source {ClonePlaceholder}/artifacts",
            DocumentedCommands.Block(Blocks, "install-with-source").Text);
        Assert.Contains($"dotnet add package KeepAliveAnalyzers --version {Version}",
            DocumentedCommands.Block(Blocks, "install-with-nuget-config").Text);

        // The nuget.config adds the folder and keeps nuget.org: no <clear/>, no source mapping to configure.
        var config = XDocument.Parse(DocumentedCommands.Block(Blocks, "install-nuget-config").Text);
        var sources = config.Descendants("packageSources").Single();
        Assert.Empty(sources.Elements("clear"));
        Assert.Contains(sources.Elements("add"), a => (string?)a.Attribute("value") == "https://api.nuget.org/v3/index.json");
        Assert.Contains(sources.Elements("add"), a => (string?)a.Attribute("value") == ClonePlaceholder + "/artifacts");
        Assert.Empty(config.Descendants("packageSourceMapping"));

        // The plain nuget.org command stays, unmarked and said to be for later.
        Assert.Matches("(?is)once the package is published on nuget\\.org.*```sh\ndotnet add package KeepAliveAnalyzers ", Install);
    }

    [Fact]
    public void The_pack_command_writes_the_two_packages_the_README_names()
    {
        var (clone, pack) = PackAsWritten();
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var written = Directory.GetFiles(Path.Combine(clone, "artifacts"), "*.nupkg").Select(f => Path.GetFileName(f)).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(new[] { $"KeepAlive.Runtime.{Version}.nupkg", $"KeepAliveAnalyzers.{Version}.nupkg" }, written);
    }

    [Fact]
    public void Dotnet_add_package_with_source_installs_from_the_clone_and_the_build_reports_KA0001() =>
        InstallAndBuild("ReadmeWithSource", "install-with-source", nugetConfig: false);

    [Fact]
    public void Dotnet_add_package_through_the_nuget_config_installs_from_the_clone_and_the_build_reports_KA0001() =>
        InstallAndBuild("ReadmeWithNuGetConfig", "install-with-nuget-config", nugetConfig: true);

    private void InstallAndBuild(string name, string commands, bool nugetConfig)
    {
        var (clone, pack) = PackAsWritten();
        Assert.True(pack.ExitCode == 0, pack.ToString());

        var directory = Path.Combine(_packages.Root, "projects", name);
        Directory.CreateDirectory(directory);
        var packageFolder = Path.Combine(_packages.Root, "packages-" + name);
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packageFolder };
        var created = DotNetCli.Run(directory, TimeSpan.FromMinutes(2), environment, "new", "console", "--no-restore");
        Assert.True(created.ExitCode == 0, created.ToString());
        File.WriteAllText(Path.Combine(directory, ClientApp.ReportedFile), ClientApp.PlainClient);
        File.WriteAllText(Path.Combine(directory, "Program.cs"),
            "using System.Net;\n\nConsole.WriteLine(Client.Connect(new IPEndPoint(IPAddress.Loopback, 9)).Connected);\n");
        if (nugetConfig)
        {
            File.WriteAllText(Path.Combine(directory, "nuget.config"),
                DocumentedCommands.Block(Blocks, "install-nuget-config").Text.Replace(ClonePlaceholder, clone));
        }

        var run = Bash.Run(directory, DocumentedCommands.Block(Blocks, commands).Text.Replace(ClonePlaceholder, clone), environment);
        Assert.True(run.ExitCode == 0, run.ToString());

        var (line, column) = ClientApp.SiteIn(ClientApp.PlainClient);
        Assert.Equal(
            new[] { new BuildDiagnostic(ClientApp.ReportedFile, line, column, "warning", RuleIds.NoDeadPeerDetection) },
            BuildDiagnostics.Located(run.Output));
        Assert.Equal(new[] { RuleIds.NoDeadPeerDetection }, BuildDiagnostics.Ids(run.Output).OrderBy(id => id));

        // The reference is the one the README gives, and both packages came out of the clone's artifacts folder.
        var reference = XDocument.Load(Path.Combine(directory, name + ".csproj")).Descendants("PackageReference").Single();
        Assert.Equal(("KeepAliveAnalyzers", Version), ((string?)reference.Attribute("Include"), (string?)reference.Attribute("Version")));
        foreach (var id in new[] { "keepaliveanalyzers", "keepalive.runtime" })
        {
            var metadata = Path.Combine(packageFolder, id, Version, ".nupkg.metadata");
            Assert.True(File.Exists(metadata), $"{id} {Version} was not installed into {packageFolder}.\n{run}");
            using var json = JsonDocument.Parse(File.ReadAllText(metadata));
            Assert.Equal(Path.Combine(clone, "artifacts"), json.RootElement.GetProperty("source").GetString()!.TrimEnd('/'));
        }
    }

    /// <summary>The pack block as written, once per test run; see the remarks on the class.</summary>
    private (string Clone, CommandResult Pack) PackAsWritten() =>
        Packed.GetOrAdd(_packages.Root, _ => new Lazy<(string, CommandResult)>(() =>
        {
            var clone = Path.Combine(_packages.Root, "readme-clone");
            var build = Path.Combine(_packages.Root, "build");
            Assert.True(Directory.Exists(Path.Combine(build, "bin", "Package")),
                $"No Release build of the packages in {build}: PackedPackages no longer packs with --artifacts-path there.");
            var redirect = $" --no-build -o {Path.Combine(clone, "artifacts")} --artifacts-path {build}";
            var lines = DocumentedCommands.Block(Blocks, "install-pack").Text.Replace(ClonePlaceholder, RepositoryPaths.Root)
                .Split('\n')
                .Select(line => line.StartsWith("dotnet pack", StringComparison.Ordinal) ? WithArguments(line, redirect) : line)
                .ToList();
            Assert.Single(lines, line => line.Contains(redirect, StringComparison.Ordinal));
            return (clone, Bash.Run(RepositoryPaths.Root, string.Join("\n", lines), new Dictionary<string, string>()));
        })).Value;

    /// <summary>Appends arguments before a trailing <c># comment</c>.</summary>
    private static string WithArguments(string line, string arguments)
    {
        var comment = line.IndexOf(" #", StringComparison.Ordinal);
        return comment < 0 ? line + arguments : line[..comment] + arguments + line[comment..];
    }
}
