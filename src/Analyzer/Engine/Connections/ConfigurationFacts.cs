using System.Threading;
using KeepAliveAnalyzers.Engine.Platform;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Connections;

/// <summary>What a configuration call adds to the connection it targets, where the call can run.</summary>
internal static class ConfigurationFacts
{
    /// <summary>The facts <paramref name="invocation"/> adds to its connection, or null when it configures nothing.</summary>
    public static FlowFacts? Of(IInvocationOperation invocation, ConnectionsContext data, CancellationToken cancellationToken)
    {
        var effect = KeepAliveCalls.EffectOf(invocation, data.Sockets);
        if (effect == KeepAliveEffect.None)
        {
            return null;
        }

        var evidence = (Has(effect, KeepAliveEffect.Enables) ? Evidence.KeepAliveEnabled : Evidence.None) |
                       (Has(effect, KeepAliveEffect.SetsUserTimeout) ? Evidence.UserTimeout : Evidence.None);
        var level = Has(effect, KeepAliveEffect.SetsTimings) ? KeepAliveLevel.Tuned
            : Has(effect, KeepAliveEffect.Enables) ? KeepAliveLevel.DefaultTimings
            : KeepAliveLevel.None;
        var facts = new FlowFacts(evidence, level);

        // Configuration that only runs on Windows leaves Linux and macOS on their 2-hour defaults.
        return invocation.RunsOnlyOnWindows(data.Platform, cancellationToken) ? facts.OnlyOnWindows() : facts;
    }

    private static bool Has(KeepAliveEffect effect, KeepAliveEffect flag) => (effect & flag) != 0;
}
