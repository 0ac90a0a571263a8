using System.Threading;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Engine;

internal static class WindowsOnlyCode
{
    /// <summary>
    /// True when <paramref name="operation"/> can run only on Windows while the project also runs elsewhere:
    /// configuration there leaves Linux and macOS on their 2-hour defaults. Uses the same platform-check reading
    /// as KA0005 (if/else, &amp;&amp;, early exits, checks kept in locals, team helpers, [SupportedOSPlatform]).
    /// </summary>
    public static bool RunsOnlyOnWindows(this IOperation operation, AnalysisContextData data, CancellationToken cancellationToken)
    {
        var platform = data.Platform;
        if ((platform.Target.Families & ~OsFamily.Windows) == OsFamily.None)
        {
            return false; // a Windows-only project: Windows configuration is all the configuration it needs
        }

        var containing = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart, cancellationToken);
        var where = PlatformReach.Guards(operation, platform, cancellationToken) & PlatformReach.Attributes(containing);
        return where != OsFamily.None && (where & ~OsFamily.Windows) == OsFamily.None;
    }
}
