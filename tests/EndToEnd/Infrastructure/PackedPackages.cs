using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Xunit;

namespace KeepAliveAnalyzers.EndToEnd.Infrastructure;

/// <summary>
/// Packs KeepAlive.Runtime and KeepAliveAnalyzers once per test run into a temporary folder feed, under a version
/// of its own (so no package cache or other source can supply a stale copy), and hands out consumer projects that
/// restore from that feed plus the machine's usual package source. Everything lives under one temporary folder,
/// deleted at the end.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(6);
    private readonly Lazy<BaselineBuild> _baseline;
    private readonly List<CommandResult> _packCommands = new();

    public PackedPackages()
    {
        Root = Path.Combine(Path.GetTempPath(), "keepalive-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";
        try
        {
            Pack("src/Runtime/Runtime.csproj");
            Pack("src/Package/Package.csproj");
            WriteConsumerSettings();
        }
        catch
        {
            Dispose();
            throw;
        }

        _baseline = new Lazy<BaselineBuild>(() => BaselineBuild.Run(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public IReadOnlyList<CommandResult> PackCommands => _packCommands;

    public string AnalyzersPackage => Path.Combine(Feed, $"KeepAliveAnalyzers.{Version}.nupkg");

    public string RuntimePackage => Path.Combine(Feed, $"KeepAlive.Runtime.{Version}.nupkg");

    /// <summary>The console app with a long-lived client, built once with a SARIF log; several tests read it.</summary>
    public BaselineBuild Baseline => _baseline.Value;

    /// <summary>Restores go to a package folder of this run only: nothing lands in, or comes from, the user's cache.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
    };

    public ConsumerProject CreateProject(string name) => new(this, Path.Combine(Root, "projects", name), name);

    public void Dispose()
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(Root); attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException) when (attempt < 2)
            {
                Thread.Sleep(1000);
            }
            catch (UnauthorizedAccessException) when (attempt < 2)
            {
                Thread.Sleep(1000);
            }
        }
    }

    private void Pack(string project)
    {
        // Built in a folder of its own (--artifacts-path), so the test never touches the checkout's bin/ and obj/.
        var result = DotNetCli.Run(RepositoryPaths.Root, PackTimeout, environment: null,
            "pack", RepositoryPaths.Project(project), "-c", "Release", "-o", Feed,
            "--artifacts-path", Path.Combine(Root, "build"), "-p:Version=" + Version, "-nodeReuse:false", "-tl:off");
        _packCommands.Add(result);
        Assert.True(result.ExitCode == 0, "Packing failed:\n" + result);
    }

    private void WriteConsumerSettings()
    {
        // Stop MSBuild, NuGet and .editorconfig lookups from reaching files above the temporary folder.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n");

        // No <clear />: the machine's configured package source stays in the list, next to the local feed.
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="keepalive-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "Packed packages";
}
