using System.Collections.Generic;
using System.Globalization;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>Durations as people read them in a diagnostic: 30000 s → "8 h 20 min", 2.5 → "2.5 s".</summary>
internal static class DurationText
{
    /// <summary>"8 h 20 min", "16 min 40 s", "30 s", "2.5 s", "30 ms".</summary>
    public static string Seconds(double seconds)
    {
        if (seconds > 0 && seconds < 1)
        {
            return Number(seconds * 1000) + " ms";
        }

        if (seconds != System.Math.Floor(seconds) || seconds < 60)
        {
            return Number(seconds) + " s";
        }

        var whole = (long)seconds;
        var parts = new List<string>();
        Add(parts, whole / 86400, "d");
        Add(parts, whole / 3600 % 24, "h");
        Add(parts, whole / 60 % 60, "min");
        Add(parts, whole % 60, "s");
        return string.Join(" ", parts);
    }

    /// <summary>A number with no trailing zeros and at most three decimals, invariant culture: 2.5, 30, 0.125.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Add(List<string> parts, long amount, string unit)
    {
        if (amount != 0)
        {
            parts.Add(amount.ToString(CultureInfo.InvariantCulture) + " " + unit);
        }
    }
}
