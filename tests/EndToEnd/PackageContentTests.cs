using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using KeepAliveAnalyzers.EndToEnd.Infrastructure;
using Xunit;

namespace KeepAliveAnalyzers.EndToEnd;

/// <summary>What the two packages contain: the right DLLs in the right folders, metadata, and nothing else.</summary>
[Collection(PackedPackagesCollection.Name)]
public class PackageContentTests
{
    private static readonly Version RoslynFloor = new(4, 5, 0, 0);
    private readonly PackedPackages _packages;

    public PackageContentTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void Analyzers_package_holds_the_analyzer_and_fix_assemblies_under_analyzers_dotnet_cs()
    {
        using var package = ZipFile.OpenRead(_packages.AnalyzersPackage);
        Assert.Equal(
            new[]
            {
                "analyzers/dotnet/cs/KeepAliveAnalyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/KeepAliveAnalyzers.CodeFixes.pdb",
                "analyzers/dotnet/cs/KeepAliveAnalyzers.dll",
                "analyzers/dotnet/cs/KeepAliveAnalyzers.pdb",
                "buildTransitive/KeepAliveAnalyzers.targets",
                "KeepAliveAnalyzers.nuspec",
                "lib/netstandard2.0/_._",
                "README.md",
            },
            ContentFiles(package));
    }

    [Fact]
    public void Runtime_package_holds_the_library_for_netstandard2_0_and_net8_0()
    {
        using var package = ZipFile.OpenRead(_packages.RuntimePackage);
        Assert.Equal(
            new[]
            {
                "KeepAlive.Runtime.nuspec",
                "lib/net8.0/KeepAlive.Runtime.dll",
                "lib/net8.0/KeepAlive.Runtime.xml",
                "lib/netstandard2.0/KeepAlive.Runtime.dll",
                "lib/netstandard2.0/KeepAlive.Runtime.xml",
                "README.md",
            },
            ContentFiles(package));
    }

    [Fact]
    public void No_package_ships_Roslyn_test_sample_or_benchmark_code()
    {
        foreach (var path in new[] { _packages.AnalyzersPackage, _packages.RuntimePackage })
        {
            using var package = ZipFile.OpenRead(path);
            foreach (var entry in package.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            {
                var name = entry.Name;
                Assert.False(name.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase), $"{path} ships {entry.FullName}");
                Assert.False(new[] { "Test", "Sample", "Benchmark", "xunit" }.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)),
                    $"{path} ships {entry.FullName}");
                var assembly = ReadAssembly(entry);
                Assert.DoesNotContain(assembly.References, reference => reference.Name.Contains("xunit", StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public void Analyzer_assemblies_need_no_Roslyn_newer_than_4_5()
    {
        using var package = ZipFile.OpenRead(_packages.AnalyzersPackage);
        foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal)))
        {
            var roslyn = ReadAssembly(entry).References.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(roslyn);
            Assert.All(roslyn, reference => Assert.True(reference.Version <= RoslynFloor, $"{entry.Name} references {reference.Name} {reference.Version}"));
        }
    }

    [Fact]
    public void Analyzers_package_metadata_is_complete_and_depends_on_the_same_runtime_version()
    {
        var metadata = Nuspec(_packages.AnalyzersPackage);
        AssertCommonMetadata(metadata, "KeepAliveAnalyzers");
        Assert.NotEqual("true", Value(metadata, "developmentDependency"));
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
        var runtime = Assert.Single(dependencies);
        Assert.Equal("KeepAlive.Runtime", runtime.Attribute("id")?.Value);
        Assert.Equal(_packages.Version, runtime.Attribute("version")?.Value);
    }

    [Fact]
    public void Runtime_package_metadata_is_complete() => AssertCommonMetadata(Nuspec(_packages.RuntimePackage), "KeepAlive.Runtime");

    private static void AssertCommonMetadata(XElement metadata, string id)
    {
        Assert.Equal(id, Value(metadata, "id"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")), $"{id}: no description");
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "tags")), $"{id}: no tags");
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "authors")), $"{id}: no authors");
        Assert.Equal("README.md", Value(metadata, "readme"));
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), (license.Attribute("type")?.Value, license.Value));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.StartsWith("https://github.com/", repository.Attribute("url")?.Value);
        Assert.StartsWith("https://github.com/", Value(metadata, "projectUrl"));
    }

    private static string[] ContentFiles(ZipArchive package) =>
        package.Entries.Select(e => e.FullName)
            // NuGet's own bookkeeping, present in every package.
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/", StringComparison.Ordinal)
                && name != "[Content_Types].xml")
            .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
            .ToArray();

    private static XElement Nuspec(string packagePath)
    {
        using var package = ZipFile.OpenRead(packagePath);
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    private static (string Name, IReadOnlyList<(string Name, Version Version)> References) ReadAssembly(ZipArchiveEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => (reader.GetString(reference.Name), reference.Version))
            .ToList();
        return (reader.GetString(reader.GetAssemblyDefinition().Name), references);
    }
}
