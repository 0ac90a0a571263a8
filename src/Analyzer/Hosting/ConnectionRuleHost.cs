using System.Collections.Concurrent;
using System.Collections.Immutable;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Connections;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Hosting;

/// <summary>
/// Runs the rules that judge one connection's assessment (KA0001, KA0002, KA0003, KA0006): the engine follows each
/// connection once per compilation; a rule only says which assessments it reports and where.
/// </summary>
/// <remarks>
/// Sites are collected while the compiler walks a type and judged when the type is done (symbol end). Judging a
/// connection reads the type's other members (who uses the field, who calls the factory); at the type's end the
/// compiler has bound all of them already, so the rule pays for its own walk instead of being the first to bind
/// (which is most of the time an analyzer is charged for, in ReportAnalyzer and in the IDE alike).
/// </remarks>
internal static class ConnectionRuleHost
{
    public static void Register(CompilationStartAnalysisContext start, ConnectionsContext data, ImmutableArray<ConnectionRule> rules) =>
        start.RegisterSymbolStartAction(type => CollectSites(type, data, rules), SymbolKind.NamedType);

    private static void CollectSites(SymbolStartAnalysisContext context, ConnectionsContext data, ImmutableArray<ConnectionRule> rules)
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
                    ConnectionSite.TryGet(operation.Operation, data.Symbols, out var site, data.Code, operation.CancellationToken))
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
                failures.Run(Judge, (site, member, data, rules, end));
            }

            failures.ThrowFirst();
        });
    }

    private static void Judge((ConnectionSite Site, ISymbol Member, ConnectionsContext Data, ImmutableArray<ConnectionRule> Rules, SymbolAnalysisContext End) connection)
    {
        var (site, member, data, rules, end) = connection;
        if (data.GetAssessment(site, member, end.CancellationToken) is not { } assessment)
        {
            return;
        }

        foreach (var rule in rules)
        {
            if (rule.Reports(assessment))
            {
                end.ReportDiagnostic(Diagnostic.Create(
                    rule.Descriptor, assessment.Site.Operation.Syntax.GetLocation(), rule.AdditionalLocations(assessment), assessment.Name));
            }
        }
    }
}
