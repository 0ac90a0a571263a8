using System.Collections.Generic;
using KeepAliveAnalyzers.Engine;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// TCP-level option numbers that mean something else, or nothing, on another OS (docs/socket-options.md §1.5;
/// Linux from linux/tcp.h, Windows from ws2ipdef.h, macOS from xnu's netinet/tcp.h).
/// </summary>
internal static class KA0005OptionNumbers
{
    public const int TcpLevel = 6;

    private static readonly Dictionary<int, (string? Windows, string? Linux, string? Apple)> Meanings = new()
    {
        [3] = ("TCP_KEEPALIVE (keepalive idle time)", "TCP_CORK", null),
        [5] = ("TCP_MAXRT", "TCP_KEEPINTVL", null),
        [14] = ("TCP_MAXRTMS", "TCP_MD5SIG", null),
        [16] = ("TCP_KEEPCNT", "TCP_THIN_LINEAR_TIMEOUTS", "TCP_KEEPALIVE (keepalive idle time)"),
        [17] = ("TCP_KEEPINTVL", "TCP_THIN_DUPACK", null),
        [18] = ("TCP_FAIL_CONNECT_ON_ICMP_ERROR", "TCP_USER_TIMEOUT", null),
        [0x80] = (null, null, "TCP_RXT_CONNDROPTIME"),
    };

    /// <summary>Numbers that <c>SetRawSocketOption(6, n, …)</c> sends unchanged to a kernel where they differ.</summary>
    public static bool IsAmbiguousRaw(int name) => Meanings.ContainsKey(name);

    /// <summary>
    /// Numbers that <c>SetSocketOption(Tcp, (SocketOptionName)n, …)</c> passes through to Winsock but that .NET has no
    /// mapping for on Unix (it throws OperationNotSupported there). 3, 16 and 17 are mapped per OS and are fine.
    /// </summary>
    public static bool IsWindowsPassThrough(int name) => name is 5 or 14 or 18 or 0x80;

    public static string? Meaning(int name, OsFamily family) =>
        Meanings.TryGetValue(name, out var meaning)
            ? family switch
            {
                OsFamily.Windows => meaning.Windows,
                OsFamily.Linux => meaning.Linux,
                OsFamily.Apple => meaning.Apple,
                _ => null,
            }
            : null;

    /// <summary>True when the raw option can land on an OS where the number means another option or none.</summary>
    public static bool IsMisreadOn(int name, OsFamily where)
    {
        var main = where & (OsFamily.Windows | OsFamily.Linux | OsFamily.Apple);
        return main.CountMainFamilies() switch
        {
            0 => false,
            1 => Meaning(name, main) is null,
            _ => true,
        };
    }

    /// <summary>"TCP_USER_TIMEOUT on Linux, TCP_FAIL_CONNECT_ON_ICMP_ERROR on Windows and no option on macOS".</summary>
    public static string Describe(int name, OsFamily where)
    {
        var parts = new List<string>();
        foreach (var family in new[] { OsFamily.Linux, OsFamily.Windows, OsFamily.Apple })
        {
            if ((where & family) != 0)
            {
                parts.Add((Meaning(name, family) ?? "no option") + " on " + family.DisplayName());
            }
        }

        return parts.Count switch
        {
            0 => "an option that depends on the OS",
            1 => parts[0],
            _ => string.Join(", ", parts.GetRange(0, parts.Count - 1)) + " and " + parts[parts.Count - 1],
        };
    }

    /// <summary>"Linux and macOS": where the code can run apart from Windows.</summary>
    public static string NonWindows(OsFamily where)
    {
        var parts = new List<string>();
        foreach (var family in new[] { OsFamily.Linux, OsFamily.Apple })
        {
            if ((where & family) != 0)
            {
                parts.Add(family.DisplayName());
            }
        }

        return parts.Count switch
        {
            0 => "non-Windows platforms",
            1 => parts[0],
            _ => string.Join(", ", parts.GetRange(0, parts.Count - 1)) + " and " + parts[parts.Count - 1],
        };
    }
}
