using System.Threading;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Engine.Platform;

internal static class WindowsOnlyCode
{
    /// <summary>
    /// True when <paramref name="operation"/> can run only on Windows while the project also runs elsewhere:
    /// configuration there leaves Linux and macOS on their 2-hour defaults. Uses the same platform-check reading
    /// as KA0005 (if/else, &amp;&amp;, early exits, checks kept in locals, team helpers, [SupportedOSPlatform]).
    /// </summary>
    public static bool RunsOnlyOnWindows(this IOperation operation, PlatformContext platform, CancellationToken cancellationToken) =>
        // In a Windows-only project, Windows configuration is all the configuration it needs.
        platform.CanRunOffWindows() && operation.CanRunOnlyOnWindows(platform, cancellationToken);

    /// <summary>The project's target lets its code run somewhere other than Windows.</summary>
    public static bool CanRunOffWindows(this PlatformContext platform) => (platform.Target.Families & ~OsFamily.Windows) != OsFamily.None;

    /// <summary>
    /// True when <paramref name="operation"/> cannot run anywhere but Windows: the project targets only Windows, or the
    /// checks around it and the attributes of its method say so. There, option numbers mean their Windows options
    /// (<c>(6, 18)</c> is TCP_FAIL_CONNECT_ON_ICMP_ERROR, not TCP_USER_TIMEOUT).
    /// </summary>
    public static bool CanRunOnlyOnWindows(this IOperation operation, PlatformContext platform, CancellationToken cancellationToken)
    {
        var containing = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart, cancellationToken);
        var where = platform.Target.Families & PlatformReach.Guards(operation, platform, cancellationToken) & PlatformReach.Attributes(containing);
        return where != OsFamily.None && (where & ~OsFamily.Windows) == OsFamily.None;
    }
}
