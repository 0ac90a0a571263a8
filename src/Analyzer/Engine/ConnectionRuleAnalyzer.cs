using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Engine;

/// <summary>
/// Hosts the rules that judge one connection's assessment (KA0001, KA0002, KA0003, KA0006): the engine follows each
/// connection once per compilation; a rule only says which assessments it reports and where. The package ships one
/// host for all four (<see cref="Rules.ConnectionRulesAnalyzer"/>); each rule's own class hosts it alone.
/// </summary>
/// <remarks>
/// Sites are collected while the compiler walks a type and judged when the type is done (symbol end). Judging a
/// connection reads the type's other members (who uses the field, who calls the factory); at the type's end the
/// compiler has bound all of them already, so the rule pays for its own walk instead of being the first to bind
/// (which is most of the time an analyzer is charged for, in ReportAnalyzer and in the IDE alike).
/// </remarks>
public abstract class ConnectionRuleAnalyzer : RuleHostAnalyzer
{
    private readonly ImmutableArray<ConnectionRule> _rules;

    private protected ConnectionRuleAnalyzer(params ConnectionRule[] rules)
        : base(rules.Select(rule => rule.Descriptor)) => _rules = rules.ToImmutableArray();

    /// <inheritdoc/>
    private protected sealed override void Start(CompilationStartAnalysisContext start, AnalysisContextData data) =>
        start.RegisterSymbolStartAction(type => CollectSites(type, data), SymbolKind.NamedType);

    private void CollectSites(SymbolStartAnalysisContext context, AnalysisContextData data)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!data.MayHoldSites(type))
        {
            return;
        }

        var sites = new ConcurrentQueue<(ConnectionSite Site, ISymbol Member)>();
        context.RegisterOperationAction(
            operation =>
            {
                // The driver also hands a type the operations of its nested types: those are judged at their own end.
                if (operation.ContainingSymbol.InnermostType() is { } home && SymbolEqualityComparer.Default.Equals(home, type) &&
                    ConnectionSite.TryGet(operation.Operation, data.Symbols, out var site))
                {
                    sites.Enqueue((site, operation.ContainingSymbol));
                }

                // Judging at the type's end reads its other members: through this model they are already bound.
                data.Remember(operation.Operation.SemanticModel);
            },
            ConnectionSite.OperationKinds);
        context.RegisterSymbolEndAction(end =>
        {
            // A connection the engine or a rule fails on must not cost the type's other connections their diagnostics.
            var failures = default(RuleFailures);
            foreach (var (site, member) in sites)
            {
                failures.Run(Judge, (site, member, data, end));
            }

            failures.ThrowFirst();
        });
    }

    private void Judge((ConnectionSite Site, ISymbol Member, AnalysisContextData Data, SymbolAnalysisContext End) connection)
    {
        var (site, member, data, end) = connection;
        if (data.GetAssessment(site, member, end.CancellationToken) is not { } assessment)
        {
            return;
        }

        foreach (var rule in _rules)
        {
            if (rule.Reports(assessment))
            {
                end.ReportDiagnostic(Diagnostic.Create(
                    rule.Descriptor, assessment.Site.Operation.Syntax.GetLocation(), rule.AdditionalLocations(assessment), assessment.Name));
            }
        }
    }
}
