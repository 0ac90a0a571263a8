using System;

namespace KeepAliveAnalyzers.Engine.Sockets;

/// <summary>
/// Operating-system families as far as socket option numbers go: Android shares Linux's kernel numbers, iOS,
/// tvOS and Mac Catalyst share macOS's. A set of them says where a piece of code can run.
/// </summary>
[Flags]
internal enum OsFamily
{
    None = 0,
    Windows = 1,
    Linux = 2,
    Apple = 4,
    FreeBsd = 8,

    /// <summary>Browser, WASI, illumos, Solaris, ... and any platform name we do not know.</summary>
    Other = 16,

    Unix = Linux | Apple | FreeBsd | Other,
    All = Windows | Unix,
}

internal static class OsFamilies
{
    /// <summary>
    /// The family of a platform name as used by <c>[SupportedOSPlatform]</c> and <c>OSPlatform.Create</c>
    /// (case-insensitive, a version suffix such as <c>windows10.0.17763</c> is ignored).
    /// </summary>
    public static OsFamily FromPlatformName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return OsFamily.All;
        }

        var value = name!.Trim().ToLowerInvariant();
        return value switch
        {
            _ when value.StartsWith("windows", StringComparison.Ordinal) => OsFamily.Windows,
            _ when value.StartsWith("linux", StringComparison.Ordinal) || value.StartsWith("android", StringComparison.Ordinal) => OsFamily.Linux,
            _ when value.StartsWith("macos", StringComparison.Ordinal) || value.StartsWith("osx", StringComparison.Ordinal) ||
                   value.StartsWith("ios", StringComparison.Ordinal) || value.StartsWith("tvos", StringComparison.Ordinal) ||
                   value.StartsWith("watchos", StringComparison.Ordinal) || value.StartsWith("maccatalyst", StringComparison.Ordinal) => OsFamily.Apple,
            _ when value.StartsWith("freebsd", StringComparison.Ordinal) => OsFamily.FreeBsd,
            _ => OsFamily.Other,
        };
    }

    /// <summary>
    /// True when code that can run on <paramref name="where"/> can run on Linux or macOS while only <paramref name="allowed"/>
    /// is safe. FreeBSD and the other platforms are left out: a guard written for Windows (<c>else</c> after IsLinux and
    /// IsMacOS) is not worth a report for them.
    /// </summary>
    public static bool CanRunOutside(this OsFamily where, OsFamily allowed) => (where & ~allowed & (OsFamily.Linux | OsFamily.Apple)) != OsFamily.None;

    /// <summary>Windows, Linux and macOS: the three platforms whose TCP option numbers the rules compare.</summary>
    public static int CountMainFamilies(this OsFamily families)
    {
        var count = 0;
        foreach (var family in new[] { OsFamily.Windows, OsFamily.Linux, OsFamily.Apple })
        {
            if ((families & family) != 0)
            {
                count++;
            }
        }

        return count;
    }

    public static string DisplayName(this OsFamily family) => family switch
    {
        OsFamily.Windows => "Windows",
        OsFamily.Linux => "Linux",
        OsFamily.Apple => "macOS",
        OsFamily.FreeBsd => "FreeBSD",
        _ => "other platforms",
    };
}
