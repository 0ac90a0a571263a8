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
public abstract class SocketCallRuleAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<SocketCallRule> _rules;

    private protected SocketCallRuleAnalyzer(params SocketCallRule[] rules)
    {
        _rules = rules.ToImmutableArray();
        SupportedDiagnostics = _rules.Select(rule => rule.Descriptor).ToImmutableArray();
    }

    /// <inheritdoc/>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeSkipping.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (AnalysisContextData.Get(start.Compilation, start.Options) is not { } data)
            {
                return;
            }

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
                        foreach (var handler in handlers)
                        {
                            handler(operation);
                        }
                    },
                    pair.Key);
            }
        });
    }
}
