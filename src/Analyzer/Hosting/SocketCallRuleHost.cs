using System.Collections.Immutable;
using KeepAliveAnalyzers.Engine;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Hosting;

/// <summary>
/// Runs the rules about socket calls (KA0004, KA0005, KA0007, KA0008) with one callback per operation kind for all of
/// them: as separate callbacks each rule took one on every invocation of the code base, where its work is a name
/// comparison, and the callbacks were most of what the rules cost on a large code base.
/// </summary>
internal static class SocketCallRuleHost
{
    public static void Register(CompilationStartAnalysisContext start, EngineContext engine, ImmutableArray<SocketCallRule> rules)
    {
        var ruleStart = new SocketCallRuleStart(engine);
        foreach (var rule in rules)
        {
            rule.Start(ruleStart);
        }

        foreach (var pair in ruleStart.Handlers)
        {
            var handlers = pair.Value.ToArray();
            start.RegisterOperationAction(
                operation =>
                {
                    // A rule that fails here must not cost the other rules their findings on this operation.
                    var failures = default(RuleFailures);
                    foreach (var handler in handlers)
                    {
                        failures.Run(handler, operation);
                    }

                    failures.ThrowFirst();
                },
                pair.Key);
        }
    }
}
