using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Benchmarks.Infrastructure;

/// <summary>
/// What a generated code base compiles against: the SDK's reference pack for the running runtime (what a build
/// uses), or the runtime's own assemblies when no reference pack is installed, plus KeepAlive.Runtime.
/// </summary>
public static class References
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

    public static ImmutableArray<MetadataReference> ForGeneratedCode => All.Value;

    /// <summary>Where the references came from, for the report.</summary>
    public static string Description => ReferencePackFolder() ?? "runtime assemblies (no reference pack found)";

    private static ImmutableArray<MetadataReference> Load()
    {
        var framework = ReferencePackFolder() is { } pack
            ? Directory.GetFiles(pack, "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Where(IsFrameworkAssembly).ToArray();
        var runtimeHelper = typeof(KeepAlive.TcpKeepAlive).Assembly.Location;
        return framework.OrderBy(f => f, StringComparer.Ordinal).Append(runtimeHelper)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToImmutableArray();
    }

    /// <summary><c>dotnet/shared/Microsoft.NETCore.App/10.0.x</c> → <c>dotnet/packs/Microsoft.NETCore.App.Ref/10.0.x/ref/net10.0</c>.</summary>
    private static string? ReferencePackFolder()
    {
        var runtimeFolder = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var dotnetRoot = runtimeFolder.Parent?.Parent?.Parent;
        if (dotnetRoot is null)
        {
            return null;
        }

        var folder = Path.Combine(dotnetRoot.FullName, "packs", "Microsoft.NETCore.App.Ref", runtimeFolder.Name, "ref",
            $"net{Environment.Version.Major}.{Environment.Version.Minor}");
        return Directory.Exists(folder) ? folder : null;
    }

    private static bool IsFrameworkAssembly(string path) =>
        Path.GetDirectoryName(path) == Path.GetDirectoryName(typeof(object).Assembly.Location);
}
