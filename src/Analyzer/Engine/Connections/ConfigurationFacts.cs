using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KeepAliveAnalyzers.Engine.Platform;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
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
        var onlyOnWindows = invocation.RunsOnlyOnWindows(data.Platform, cancellationToken) ||
                            Has(effect, KeepAliveEffect.OnlyOnWindows) && data.Platform.CanRunOffWindows() && HasConfiguringAlternative(invocation, data);
        return onlyOnWindows ? facts.OnlyOnWindows() : facts;
    }

    private static bool Has(KeepAliveEffect effect, KeepAliveEffect flag) => (effect & flag) != 0;

    /// <summary>
    /// A Windows-only call (IOControl(KeepAliveValues)) in one branch of an if/else, or in a try whose catch, also
    /// configures keepalive there: the code's own split says the other path is where it runs off Windows (whatever
    /// its condition is: an in-source OS helper, a setting), so the Windows call tunes Windows alone.
    /// </summary>
    private static bool HasConfiguringAlternative(IInvocationOperation invocation, ConnectionsContext data)
    {
        for (IOperation? child = invocation, parent = invocation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            IOperation? alternative = parent switch
            {
                IConditionalOperation conditional when conditional.WhenTrue == child => conditional.WhenFalse,
                IConditionalOperation conditional when conditional.WhenFalse == child => conditional.WhenTrue,
                ITryOperation @try when @try.Body == child => @try.Catches.IsEmpty ? null : @try,
                _ => null,
            };
            if (alternative is not null)
            {
                return Configures(alternative is ITryOperation @try ? @try.Catches.SelectMany(c => c.Handler.Descendants()) : alternative.DescendantsAndSelf(), data);
            }

            if (parent is IMethodBodyBaseOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    private static bool Configures(IEnumerable<IOperation> operations, ConnectionsContext data) =>
        operations.OfType<IInvocationOperation>().Any(call => (KeepAliveCalls.EffectOf(call, data.Sockets) & ~KeepAliveEffect.OnlyOnWindows) != KeepAliveEffect.None);
}
