using System;

namespace KeepAliveAnalyzers.Engine.Connections;

/// <summary>How much dead-peer detection a connection gets, ordered so that combining two facts takes the larger.</summary>
internal enum KeepAliveLevel
{
    None = 0,

    /// <summary>Configured only inside a Windows check (or through the Windows-only IOControl): nothing on Linux or macOS.</summary>
    WindowsOnly = 1,

    /// <summary>SO_KEEPALIVE on with the OS timings: 2 h 11 min on Linux, 2 h on Windows.</summary>
    DefaultTimings = 2,

    /// <summary>Idle, interval or probe count set (or our helper called).</summary>
    Tuned = 3,
}

/// <summary>What one connection's aliases reveal, gathered across the code the analysis can follow.</summary>
[Flags]
internal enum Evidence
{
    None = 0,

    /// <summary>Kept in a field, property, collection or another object.</summary>
    Stored = 1 << 0,

    /// <summary>Captured by a lambda or local function (a background task, a thread, a handler).</summary>
    Captured = 1 << 1,

    /// <summary>Returned to a caller the analysis cannot see.</summary>
    Returned = 1 << 2,

    /// <summary>Handed to code outside this compilation, or to a method without a body.</summary>
    Escaped = 1 << 3,

    /// <summary>Read or written in a loop for the same connection.</summary>
    LoopIo = 1 << 4,

    /// <summary>A Connect/ConnectAsync/BeginConnect call was seen.</summary>
    Connected = 1 << 5,

    /// <summary>Bind/Listen/Accept was seen: it is a listener, never a connection.</summary>
    Listening = 1 << 6,

    /// <summary>A user timeout (TCP_USER_TIMEOUT, TCP_MAXRT, TCP_RXT_CONNDROPTIME, TCP_MAXUNACKTIME) is set.</summary>
    UserTimeout = 1 << 7,

    /// <summary>Handed to a method or constructor in source that takes it over (connecting it may be that code's job).</summary>
    HandedOn = 1 << 8,

    /// <summary>SO_KEEPALIVE is turned on (directly, by IOControl(KeepAliveValues), by our helper, or on the listener).</summary>
    KeepAliveEnabled = 1 << 9,

    /// <summary>
    /// Kept in an instance field or property of the object whose code holds it (<c>this._socket = socket</c>): it lives
    /// as long as that object. Long-lived unless the object is one the analysis can follow (a holder created for it).
    /// </summary>
    HeldByOwnMember = 1 << 10,

    LongLived = Stored | Captured | Returned | Escaped | LoopIo | HeldByOwnMember,
}

/// <summary>The evidence and the keepalive level found for one connection (or one parameter of a method).</summary>
internal readonly struct FlowFacts : IEquatable<FlowFacts>
{
    public FlowFacts(Evidence evidence, KeepAliveLevel level)
    {
        Evidence = evidence;
        Level = level;
    }

    public Evidence Evidence { get; }
    public KeepAliveLevel Level { get; }

    public bool Has(Evidence evidence) => (Evidence & evidence) != 0;

    public bool IsLongLived => Has(Evidence.LongLived);

    public FlowFacts With(Evidence evidence) => new(Evidence | evidence, Level);

    public FlowFacts Without(Evidence evidence) => new(Evidence & ~evidence, Level);

    public FlowFacts With(KeepAliveLevel level) => new(Evidence, level > Level ? level : Level);

    /// <summary>Facts that reach the connection only on Windows keep nothing above <see cref="KeepAliveLevel.WindowsOnly"/>.</summary>
    public FlowFacts OnlyOnWindows() =>
        new(Evidence & ~(Evidence.UserTimeout | Evidence.KeepAliveEnabled), Level > KeepAliveLevel.WindowsOnly ? KeepAliveLevel.WindowsOnly : Level);

    public FlowFacts Merge(FlowFacts other) => new(Evidence | other.Evidence, other.Level > Level ? other.Level : Level);

    public bool Equals(FlowFacts other) => Evidence == other.Evidence && Level == other.Level;

    public override bool Equals(object? obj) => obj is FlowFacts other && Equals(other);

    public override int GetHashCode() => ((int)Evidence * 4) + (int)Level;
}
