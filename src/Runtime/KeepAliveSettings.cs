using System;

namespace KeepAlive;

/// <summary>Validated values in the units the operating systems take.</summary>
internal readonly struct KeepAliveSettings
{
    internal const int MaxSeconds = 32767; // Linux MAX_TCP_KEEPIDLE / MAX_TCP_KEEPINTVL
    internal const int MaxProbeCountLinux = 127; // Linux MAX_TCP_KEEPCNT
    internal const int MaxProbeCountElsewhere = 255;

    private KeepAliveSettings(int idleSeconds, int intervalSeconds, int probeCount, int userTimeoutMilliseconds)
    {
        IdleSeconds = idleSeconds;
        IntervalSeconds = intervalSeconds;
        ProbeCount = probeCount;
        UserTimeoutMilliseconds = userTimeoutMilliseconds;
    }

    internal int IdleSeconds { get; }
    internal int IntervalSeconds { get; }
    internal int ProbeCount { get; }

    /// <summary>The user timeout in milliseconds (rounded up), or 0 when not requested.</summary>
    internal int UserTimeoutMilliseconds { get; }

    internal bool HasUserTimeout => UserTimeoutMilliseconds > 0;

    /// <summary>The user timeout in whole seconds, rounded up, for the OSes that take seconds.</summary>
    internal int UserTimeoutSeconds => (int)((UserTimeoutMilliseconds + 999L) / 1000);

    /// <summary>Idle + Interval × ProbeCount, saturating at <see cref="TimeSpan.MaxValue"/> instead of overflowing.</summary>
    internal static TimeSpan DerivedUserTimeout(TimeSpan idle, TimeSpan interval, int probeCount)
    {
        try
        {
            return TimeSpan.FromTicks(checked(idle.Ticks + interval.Ticks * probeCount));
        }
        catch (OverflowException)
        {
            return TimeSpan.MaxValue;
        }
    }

    /// <summary>Checks every value before anything touches the socket, so a bad option never leaves a socket half-configured.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside what every supported OS accepts.</exception>
    internal static KeepAliveSettings Validate(in KeepAliveRequest request, OsKind os)
    {
        int idle = WholeSeconds(request.Idle, nameof(TcpKeepAliveOptions.Idle));
        int interval = WholeSeconds(request.Interval, nameof(TcpKeepAliveOptions.Interval));
        int probeCount = CheckProbeCount(request.ProbeCount, os);
        int userTimeout = request.UserTimeout is { } value ? CheckUserTimeout(value, request) : 0;
        return new KeepAliveSettings(idle, interval, probeCount, userTimeout);
    }

    private static int WholeSeconds(TimeSpan value, string name)
    {
        if (value.Ticks % TimeSpan.TicksPerSecond != 0)
            throw new ArgumentOutOfRangeException(name, value,
                $"TcpKeepAliveOptions.{name} must be a whole number of seconds from 1 to {MaxSeconds}; {value} has a fractional second, which the OS cannot take.");
        long seconds = value.Ticks / TimeSpan.TicksPerSecond;
        if (seconds < 1 || seconds > MaxSeconds)
            throw new ArgumentOutOfRangeException(name, value,
                $"TcpKeepAliveOptions.{name} must be from 1 to {MaxSeconds} seconds; it was {value}.");
        return (int)seconds;
    }

    private static int CheckProbeCount(int value, OsKind os)
    {
        int max = os == OsKind.Linux ? MaxProbeCountLinux : MaxProbeCountElsewhere;
        if (value < 1 || value > max)
            throw new ArgumentOutOfRangeException(nameof(TcpKeepAliveOptions.ProbeCount), value,
                $"TcpKeepAliveOptions.ProbeCount must be from 1 to {max} on this OS; it was {value}.");
        return value;
    }

    private static int CheckUserTimeout(TimeSpan value, in KeepAliveRequest request)
    {
        const string name = nameof(TcpKeepAliveOptions.UserTimeout);
        string origin = request.UserTimeoutDerived ? " (derived as Idle + Interval × ProbeCount, because it was never assigned)" : "";
        long milliseconds = value.Ticks <= 0 ? 0 : (value.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        if (milliseconds < 1 || milliseconds > int.MaxValue)
            throw new ArgumentOutOfRangeException(name, value,
                $"TcpKeepAliveOptions.UserTimeout{origin} must be greater than zero and at most {int.MaxValue} ms (about 24.8 days); it was {value}. Assign null to leave the OS user timeout unset.");
        if (value < request.Idle)
            throw new ArgumentOutOfRangeException(name, value,
                $"TcpKeepAliveOptions.UserTimeout ({value}) is smaller than Idle ({request.Idle}): it would drop live peers that are merely idle or slow to read. "
                + "Use at least Idle, ideally Idle + Interval × ProbeCount, or assign null to leave the OS user timeout unset.");
        return (int)milliseconds;
    }
}
