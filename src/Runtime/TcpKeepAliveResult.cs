using System;

namespace KeepAlive;

/// <summary>
/// Per option, what <see cref="TcpKeepAlive.Configure(System.Net.Sockets.Socket, TcpKeepAliveOptions?)"/> did.
/// Never pretends: an option it could not set says so.
/// </summary>
public readonly struct TcpKeepAliveResult : IEquatable<TcpKeepAliveResult>
{
    internal TcpKeepAliveResult(
        TcpKeepAliveOptionStatus keepAlive,
        TcpKeepAliveOptionStatus idle,
        TcpKeepAliveOptionStatus interval,
        TcpKeepAliveOptionStatus probeCount,
        TcpKeepAliveOptionStatus userTimeout)
    {
        KeepAlive = keepAlive;
        Idle = idle;
        Interval = interval;
        ProbeCount = probeCount;
        UserTimeout = userTimeout;
    }

    /// <summary>Whether keepalive was switched on (<c>SO_KEEPALIVE</c>).</summary>
    public TcpKeepAliveOptionStatus KeepAlive { get; }

    /// <summary>What happened to <see cref="TcpKeepAliveOptions.Idle"/>.</summary>
    public TcpKeepAliveOptionStatus Idle { get; }

    /// <summary>What happened to <see cref="TcpKeepAliveOptions.Interval"/>.</summary>
    public TcpKeepAliveOptionStatus Interval { get; }

    /// <summary>What happened to <see cref="TcpKeepAliveOptions.ProbeCount"/> (<see cref="TcpKeepAliveOptionStatus.NotSupported"/> on Windows before 10 version 1703, which always sends 10 probes).</summary>
    public TcpKeepAliveOptionStatus ProbeCount { get; }

    /// <summary>
    /// What happened to <see cref="TcpKeepAliveOptions.UserTimeout"/>: <see cref="TcpKeepAliveOptionStatus.NotRequested"/> when it
    /// was <see langword="null"/>, <see cref="TcpKeepAliveOptionStatus.Deferred"/> on a not-yet-connected Unix socket.
    /// </summary>
    public TcpKeepAliveOptionStatus UserTimeout { get; }

    /// <summary>
    /// <see langword="true"/> when every requested option was applied: none is <see cref="TcpKeepAliveOptionStatus.NotSupported"/>
    /// or <see cref="TcpKeepAliveOptionStatus.Deferred"/>.
    /// </summary>
    public bool AllApplied =>
        IsDone(KeepAlive) && IsDone(Idle) && IsDone(Interval) && IsDone(ProbeCount) && IsDone(UserTimeout);

    /// <summary><see langword="true"/> when at least one option is <see cref="TcpKeepAliveOptionStatus.Deferred"/>: call Configure again after connecting.</summary>
    public bool HasDeferred =>
        KeepAlive == TcpKeepAliveOptionStatus.Deferred || Idle == TcpKeepAliveOptionStatus.Deferred
        || Interval == TcpKeepAliveOptionStatus.Deferred || ProbeCount == TcpKeepAliveOptionStatus.Deferred
        || UserTimeout == TcpKeepAliveOptionStatus.Deferred;

    private static bool IsDone(TcpKeepAliveOptionStatus status) =>
        status == TcpKeepAliveOptionStatus.Applied || status == TcpKeepAliveOptionStatus.NotRequested;

    /// <summary>Lists every option with its status, for logs.</summary>
    /// <returns>For example <c>KeepAlive=Applied, Idle=Applied, Interval=Applied, ProbeCount=Applied, UserTimeout=Deferred</c>.</returns>
    public override string ToString() =>
        $"KeepAlive={KeepAlive}, Idle={Idle}, Interval={Interval}, ProbeCount={ProbeCount}, UserTimeout={UserTimeout}";

    /// <inheritdoc/>
    public bool Equals(TcpKeepAliveResult other) =>
        KeepAlive == other.KeepAlive && Idle == other.Idle && Interval == other.Interval
        && ProbeCount == other.ProbeCount && UserTimeout == other.UserTimeout;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TcpKeepAliveResult other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        (int)KeepAlive | (int)Idle << 4 | (int)Interval << 8 | (int)ProbeCount << 12 | (int)UserTimeout << 16;

    /// <summary>Whether two results report the same status for every option.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when all five statuses match.</returns>
    public static bool operator ==(TcpKeepAliveResult left, TcpKeepAliveResult right) => left.Equals(right);

    /// <summary>Whether two results differ in at least one option's status.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when any status differs.</returns>
    public static bool operator !=(TcpKeepAliveResult left, TcpKeepAliveResult right) => !left.Equals(right);
}
