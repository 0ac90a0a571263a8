using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using KeepAliveAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Tests.Infrastructure;

/// <summary>
/// Metadata references for test compilations. The folders come from AssemblyMetadata attributes that
/// Analyzer.Tests.csproj writes after restore (PackageDownload) and after building src/Runtime.
/// </summary>
public static class ReferenceAssemblies
{
    private static readonly ConcurrentDictionary<(TestTargetFramework, bool), ImmutableArray<MetadataReference>> Cache = new();

    public static ImmutableArray<MetadataReference> For(TestTargetFramework framework, bool keepAliveRuntime) =>
        Cache.GetOrAdd((framework, keepAliveRuntime), key => Load(key.Item1, key.Item2));

    public static string KeepAliveRuntimePath(TestTargetFramework framework)
    {
        var path = Metadata("KeepAliveRuntime." + Moniker(framework));
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"KeepAlive.Runtime is not built at '{path}'; build tests/Analyzer.Tests (it builds src/Runtime).");
    }

    private static ImmutableArray<MetadataReference> Load(TestTargetFramework framework, bool keepAliveRuntime)
    {
        var directory = Metadata("ReferenceAssemblies." + Moniker(framework));
        if (!Directory.Exists(directory))
            throw new InvalidOperationException($"Reference assemblies for {Moniker(framework)} are missing at '{directory}'; run 'dotnet restore'.");
        var files = Directory.GetFiles(directory, "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (keepAliveRuntime)
            files.Add(KeepAliveRuntimePath(framework));
        return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }

    private static string Moniker(TestTargetFramework framework) => framework switch
    {
        TestTargetFramework.Net80 => "net8.0",
        TestTargetFramework.NetStandard20 => "netstandard2.0",
        _ => throw new ArgumentOutOfRangeException(nameof(framework), framework, null),
    };

    private static string Metadata(string key) =>
        typeof(ReferenceAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; see Analyzer.Tests.csproj.");
}
