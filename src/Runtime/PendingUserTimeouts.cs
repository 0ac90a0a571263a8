using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;

namespace KeepAlive;

/// <summary>
/// Sockets configured before they were connected, whose user timeout is still to be set. On Unix the raw option cannot
/// go on an unconnected socket (it breaks .NET's multi-address connect, docs/socket-options.md §2.6) and .NET has no
/// "connected" event, so a timer looks at each pending socket every <see cref="Period"/> and sets the option once
/// <see cref="Socket.Connected"/> turns true: the connection runs without a user timeout for at most one period.
/// </summary>
/// <remarks>
/// A socket is held weakly and dropped once it is collected, once it is connected (option set, or rejected by the OS) or
/// after <see cref="WatchLimit"/>. The timer runs only while something is pending.
/// </remarks>
internal static class PendingUserTimeouts
{
    internal static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    // Longer than any connect attempt (Linux gives up a SYN after ~127 s) with room for code that connects a socket it
    // made earlier (a field initialised at construction, connected on the first use).
    internal static readonly TimeSpan WatchLimit = TimeSpan.FromHours(1);

    private static readonly List<Pending> Sockets = new();
    private static readonly object Gate = new();
    private static Timer? s_timer;

    /// <summary>Starts watching <paramref name="socket"/>; the weak reference returned identifies its entry (for tests).</summary>
    internal static WeakReference<Socket> Watch(Socket socket, in KeepAliveSettings settings)
    {
        var reference = new WeakReference<Socket>(socket);
        lock (Gate)
        {
            Sockets.Add(new Pending(reference, settings, DateTime.UtcNow + WatchLimit));
            // No ExecutionContext flows into the timer (it would keep the caller's AsyncLocals alive for an hour).
            s_timer ??= WithoutFlow(() => new Timer(_ => Check(), null, Period, Period));
        }

        return reference;
    }

    internal static bool IsWatched(WeakReference<Socket> reference)
    {
        lock (Gate) return Sockets.Exists(pending => ReferenceEquals(pending.Socket, reference));
    }

    /// <summary>One pass: finishes the connected sockets, drops the gone ones, stops the timer when none is left.</summary>
    internal static void Check()
    {
        List<(Socket Socket, KeepAliveSettings Settings)>? connected = null;
        lock (Gate)
        {
            DateTime now = DateTime.UtcNow;
            for (int i = Sockets.Count - 1; i >= 0; i--)
            {
                Pending pending = Sockets[i];
                bool alive = pending.Socket.TryGetTarget(out Socket? socket);
                if (alive && socket!.Connected)
                    (connected ??= new()).Add((socket, pending.Settings));
                else if (alive && now < pending.Until)
                    continue;
                Sockets.RemoveAt(i);
            }

            if (Sockets.Count == 0 && s_timer is { } timer)
            {
                timer.Dispose();
                s_timer = null;
            }
        }

        // Outside the lock: a setsockopt per socket, and a socket disposed in the meantime only loses its own option.
        foreach ((Socket socket, KeepAliveSettings settings) in connected ?? new())
        {
            try
            {
                KeepAliveApplier.ApplyUserTimeout(new SocketOptionSink(socket), settings);
            }
            catch (ObjectDisposedException)
            {
            }
            catch (SocketException)
            {
                // The connection failed or was reset between the check and the set: nothing left to protect.
            }
        }
    }

    private static Timer WithoutFlow(Func<Timer> create)
    {
        AsyncFlowControl? flow = ExecutionContext.IsFlowSuppressed() ? null : ExecutionContext.SuppressFlow();
        try
        {
            return create();
        }
        finally
        {
            flow?.Undo();
        }
    }

    private readonly struct Pending
    {
        internal Pending(WeakReference<Socket> socket, KeepAliveSettings settings, DateTime until)
        {
            Socket = socket;
            Settings = settings;
            Until = until;
        }

        internal WeakReference<Socket> Socket { get; }
        internal KeepAliveSettings Settings { get; }
        internal DateTime Until { get; }
    }
}
