using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Code;

namespace KeepAliveAnalyzers.Rules;

/// <summary>Where a user timeout comes from, which decides what a mismatch does (docs/socket-options.md §0 step 4, §3.1).</summary>
internal enum KA0008Source
{
    /// <summary>Raw TCP_USER_TIMEOUT: overrides the probe count on Linux (measured S6, S7).</summary>
    LinuxUserTimeout,

    /// <summary>TCP_MAXRT / TCP_MAXRTMS: bounds retransmission only; its interplay with keepalive was not measured.</summary>
    WindowsMaxRetransmit,

    /// <summary>TcpKeepAliveOptions.UserTimeout of our runtime helper, applied as the OS's user timeout.</summary>
    Helper,
}

/// <summary>The KA0008 verdict on one user timeout against the keepalive timings of the same socket or options object.</summary>
internal static class KA0008UserTimeoutComparison
{
    /// <summary>Above this multiple of idle + interval × count a user timeout is "far larger": 20 s against 5 s took 20.46 s to detect (S7).</summary>
    public const double FarLargerFactor = 2;

    /// <summary>The problem and advice parts of the message, or null when the user timeout fits.</summary>
    public static (string Problem, string Advice)? Compare(KA0008Source source, double userTimeout, double? idle, double? interval, double? count)
    {
        if (userTimeout <= 0 || idle is <= 0 || interval is <= 0 || count is <= 0)
        {
            return null; // 0 is "system default"; invalid timings are KA0004's
        }

        double? total = idle + interval * count;
        var ideal = total is { } t ? $"{DurationText.Seconds(t)} (idle + interval × count)" : null;

        // Only TCP_USER_TIMEOUT is known to cut keepalive short; TCP_MAXRT's effect on probes is not established.
        if (idle is { } idleTime && userTimeout < idleTime && source != KA0008Source.WindowsMaxRetransmit)
        {
            var problem = $"is shorter than the idle time {DurationText.Seconds(idleTime)}";
            var use = ideal is null ? $"use at least {DurationText.Seconds(idleTime)}" : $"use at least {DurationText.Seconds(idleTime)}, ideally {ideal}";
            return source == KA0008Source.Helper
                ? (problem, $"TcpKeepAlive.Configure rejects it at run time; {use}, or leave it unset")
                : (problem, $"on Linux the first unanswered probe then drops the connection and the probe count no longer applies; {use}");
        }

        if (total is not { } sum || userTimeout <= FarLargerFactor * sum)
        {
            return null;
        }

        var larger = $"is far larger than idle + interval × count = {DurationText.Seconds(idle!.Value)} + {DurationText.Seconds(interval!.Value)} × {DurationText.Number(count!.Value)} = {DurationText.Seconds(sum)}";
        var found = DurationText.Seconds(userTimeout);
        return source switch
        {
            KA0008Source.WindowsMaxRetransmit =>
                (larger, $"a dead peer is found after {DurationText.Seconds(sum)} when idle but only after {found} while data is unacknowledged; set it near {DurationText.Seconds(sum)}"),
            KA0008Source.Helper =>
                (larger, $"on Linux it replaces the probe count, so a dead idle peer is found after about {found} instead of {DurationText.Seconds(sum)}; leave it unset to get {DurationText.Seconds(sum)}"),
            _ =>
                (larger, $"on Linux it replaces the probe count, so a dead idle peer is found after about {found} instead of {DurationText.Seconds(sum)}; set it near {DurationText.Seconds(sum)}"),
        };
    }
}
