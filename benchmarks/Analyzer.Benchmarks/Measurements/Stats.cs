using System;
using System.Collections.Generic;
using System.Linq;

namespace KeepAliveAnalyzers.Benchmarks.Measurements;

internal static class Stats
{
    public static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => ratio.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);

    public static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
