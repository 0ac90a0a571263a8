using System;

namespace KeepAlive;

/// <summary>
/// The keepalive timings and user timeout that <see cref="TcpKeepAlive.Configure(System.Net.Sockets.Socket, TcpKeepAliveOptions?)"/> applies.
/// The defaults find a dead peer in about two minutes, whether the connection is idle or busy, and keep the
/// connection alive through common cloud load balancers and NAT gateways.
/// </summary>
/// <remarks>
/// Plain get/set properties, so the type is usable from C# 7.3 and .NET Framework. Configure reads the values once,
/// at the start of the call; changing them afterwards affects only later calls.
/// </remarks>
public sealed class TcpKeepAliveOptions
{
    /// <summary>
    /// The default idle time before the first probe: 60 seconds. It sits well under the smallest common middlebox idle
    /// timeouts (Azure Load Balancer 4 minutes, AWS NLB / NAT gateway 350 seconds), so probes keep those flows alive, and it is
    /// short enough that an idle dead peer is found in about two minutes.
    /// </summary>
    public static readonly TimeSpan DefaultIdle = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The default time between unanswered probes: 10 seconds. With <see cref="DefaultProbeCount"/> it gives
    /// 60 s + 6 × 10 s = 2 minutes until an idle dead peer is dropped.
    /// </summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The default number of unanswered probes before the connection is dropped: 6. One lost probe on a lossy link does not
    /// kill a live connection, and the total stays at about two minutes.
    /// </summary>
    public const int DefaultProbeCount = 6;

    private TimeSpan? _userTimeout;
    private bool _userTimeoutAssigned;

    /// <summary>
    /// How long the connection must be idle before the first keepalive probe is sent. Whole seconds, 1 to 32767.
    /// Default <see cref="DefaultIdle"/> (60 s).
    /// </summary>
    public TimeSpan Idle { get; set; } = DefaultIdle;

    /// <summary>
    /// The time between keepalive probes that get no answer. Whole seconds, 1 to 32767.
    /// Default <see cref="DefaultInterval"/> (10 s).
    /// </summary>
    public TimeSpan Interval { get; set; } = DefaultInterval;

    /// <summary>
    /// How many unanswered probes drop the connection: 1 to 127 on Linux, 1 to 255 elsewhere.
    /// Default <see cref="DefaultProbeCount"/> (6). Windows before 10 version 1703 always sends 10 probes.
    /// </summary>
    public int ProbeCount { get; set; } = DefaultProbeCount;

    /// <summary>
    /// How long sent data may stay unacknowledged before the connection is dropped (Linux <c>TCP_USER_TIMEOUT</c>,
    /// Windows <c>TCP_MAXRT</c>, macOS <c>TCP_RXT_CONNDROPTIME</c>, FreeBSD <c>TCP_MAXUNACKTIME</c>).
    /// Keepalive never fires while data is in flight, so without this a busy connection to a dead peer hangs for
    /// 15 to 30 minutes on Linux.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Until assigned, this returns <see cref="Idle"/> + <see cref="Interval"/> × <see cref="ProbeCount"/>
    /// (120 s with the defaults), and follows changes to those three. That is the right size: a larger user timeout
    /// overrides the probe count on Linux and delays keepalive detection (measured: 20.5 s instead of 5 s), and a much smaller
    /// one drops peers that are alive but slow to read. A value smaller than <see cref="Idle"/> is rejected by Configure.
    /// </para>
    /// <para>Assigning a value makes it explicit. Assigning <see langword="null"/> leaves the operating system's user timeout unset.</para>
    /// </remarks>
    public TimeSpan? UserTimeout
    {
        get => _userTimeoutAssigned ? _userTimeout : KeepAliveSettings.DerivedUserTimeout(Idle, Interval, ProbeCount);
        set
        {
            _userTimeout = value;
            _userTimeoutAssigned = true;
        }
    }

    internal KeepAliveRequest Read()
    {
        TimeSpan idle = Idle, interval = Interval;
        int probeCount = ProbeCount;
        bool assigned = _userTimeoutAssigned;
        TimeSpan? userTimeout = assigned ? _userTimeout : KeepAliveSettings.DerivedUserTimeout(idle, interval, probeCount);
        return new KeepAliveRequest(idle, interval, probeCount, userTimeout, userTimeoutDerived: !assigned);
    }
}
