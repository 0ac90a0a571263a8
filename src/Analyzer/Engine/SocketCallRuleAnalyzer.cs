using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Engine;

/// <summary>
/// Hosts the rules about socket calls (KA0004, KA0005, KA0007, KA0008) with one invocation callback for all of them.
/// The package ships one host for all four (<see cref="Rules.SocketCallRulesAnalyzer"/>); each rule's own class hosts
/// it alone.
/// </summary>
public abstract class SocketCallRuleAnalyzer : RuleHostAnalyzer
{
    private readonly ImmutableArray<SocketCallRule> _rules;

    private protected SocketCallRuleAnalyzer(params SocketCallRule[] rules)
        : base(rules.Select(rule => rule.Descriptor)) => _rules = rules.ToImmutableArray();

    /// <inheritdoc/>
    private protected sealed override void Start(CompilationStartAnalysisContext start, AnalysisContextData data)
    {
        var ruleStart = new SocketCallRuleStart(data);
        foreach (var rule in _rules)
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
