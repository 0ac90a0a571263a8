using System;
using System.Text.RegularExpressions;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Engine.Platform;

/// <summary>
/// What the project being compiled targets, read from the MSBuild properties the SDK hands to analyzers
/// (<c>build_property.*</c> global options) and, when those are missing, from the referenced framework.
/// </summary>
internal sealed class TargetPlatform
{
    /// <summary>Set by the SDK for every project (CompilerVisibleProperty of the .NET analyzers): <c>net8.0</c>, <c>netstandard2.0</c>, <c>net48</c>, <c>net8.0-windows</c>.</summary>
    public const string TargetFrameworkKey = "build_property.TargetFramework";

    /// <summary>Set by the SDK: <c>.NETCoreApp</c>, <c>.NETStandard</c>, <c>.NETFramework</c>.</summary>
    public const string TargetFrameworkIdentifierKey = "build_property.TargetFrameworkIdentifier";

    /// <summary>Not visible by default; a project can expose it with <c>&lt;CompilerVisibleProperty Include="TargetPlatformIdentifier" /&gt;</c>.</summary>
    public const string TargetPlatformIdentifierKey = "build_property.TargetPlatformIdentifier";

    private static readonly Regex NetCoreMoniker = new(@"^net(?<major>\d+)\.\d+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex NetFrameworkMoniker = new(@"^net[1-4]\d{0,2}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private TargetPlatform(OsFamily families, bool isNet5OrLater)
    {
        Families = families;
        IsNet5OrLater = isNet5OrLater;
    }

    /// <summary>Where the built assembly can run: Windows for <c>-windows</c> and .NET Framework targets, otherwise everywhere.</summary>
    public OsFamily Families { get; }

    /// <summary>
    /// True for .NET 5 and later, whose reference assemblies carry the platform annotations the CA1416 analyzer
    /// checks. Taken from <c>build_property.TargetFramework</c> when present, otherwise from whether the compilation
    /// references <c>System.OperatingSystem.IsWindows()</c> (added in .NET 5).
    /// </summary>
    public bool IsNet5OrLater { get; }

    public static TargetPlatform Read(AnalyzerOptions options, Func<INamedTypeSymbol?> operatingSystem)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        global.TryGetValue(TargetFrameworkKey, out var framework);
        global.TryGetValue(TargetFrameworkIdentifierKey, out var frameworkIdentifier);
        global.TryGetValue(TargetPlatformIdentifierKey, out var platformIdentifier);
        framework = framework?.Trim() ?? string.Empty;

        var windowsOnly =
            framework.IndexOf("-windows", StringComparison.OrdinalIgnoreCase) >= 0 ||
            NetFrameworkMoniker.IsMatch(framework) ||
            string.Equals(frameworkIdentifier?.Trim(), ".NETFramework", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(platformIdentifier?.Trim(), "windows", StringComparison.OrdinalIgnoreCase);

        return new TargetPlatform(windowsOnly ? OsFamily.Windows : OsFamily.All, IsNet5OrLaterTarget(framework, operatingSystem));
    }

    private static bool IsNet5OrLaterTarget(string framework, Func<INamedTypeSymbol?> operatingSystem)
    {
        var match = NetCoreMoniker.Match(framework);
        if (match.Success && int.TryParse(match.Groups["major"].Value, out var major))
        {
            return major >= 5;
        }

        if (framework.Length > 0 && framework.StartsWith("net", StringComparison.OrdinalIgnoreCase))
        {
            return false; // netstandard2.0, netcoreapp3.1, net48: a moniker we know is older than .NET 5
        }

        return operatingSystem()?.GetMembers("IsWindows").Length > 0;
    }
}
