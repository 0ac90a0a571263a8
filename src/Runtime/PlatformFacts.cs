using System;
using System.Runtime.InteropServices;

namespace KeepAlive;

/// <summary>The running operating system, detected once per process.</summary>
internal static class PlatformFacts
{
    internal static readonly OsKind Os = DetectOs();

    /// <summary>The Windows build number (16299 = Windows 10 1709), or 0 when not Windows or unknown.</summary>
    internal static readonly int WindowsBuild = Os == OsKind.Windows ? WindowsVersion.Build() : 0;

    private static OsKind DetectOs()
    {
        // Android runs the Linux kernel, so it has the same options and limits.
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || IsAndroid()) return OsKind.Linux;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return OsKind.Windows;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return OsKind.MacOS;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Create("FREEBSD"))) return OsKind.FreeBsd;
        return OsKind.Other;
    }

#if NET
    private static bool IsAndroid() => OperatingSystem.IsAndroid();
#else
    private static bool IsAndroid() => RuntimeInformation.IsOSPlatform(OSPlatform.Create("ANDROID"));
#endif
}
