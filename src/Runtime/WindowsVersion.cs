using System;
using System.Runtime.InteropServices;

namespace KeepAlive;

/// <summary>Reads the real Windows build number.</summary>
internal static class WindowsVersion
{
#if NET
    // .NET 5+ reports the real version (no compatibility shim).
    internal static int Build() => Environment.OSVersion.Version.Build;
#else
    // .NET Framework's Environment.OSVersion lies (6.2) without an application manifest; RtlGetVersion does not.
    internal static int Build()
    {
        try
        {
            var info = new OsVersionInfo { Size = Marshal.SizeOf<OsVersionInfo>() };
            return RtlGetVersion(ref info) == 0 ? info.BuildNumber : 0;
        }
        catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
        {
            // Unknown build: the caller takes the old-Windows path, which works on every build.
            return 0;
        }
    }

    [DllImport("ntdll.dll")]
    private static extern int RtlGetVersion(ref OsVersionInfo versionInfo);

    [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
    private struct OsVersionInfo
    {
        public int Size;
        public int MajorVersion;
        public int MinorVersion;
        public int BuildNumber;
        public int PlatformId;
        [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 128)]
        public string ServicePack;
    }
#endif
}
