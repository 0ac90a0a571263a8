using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Engine;

/// <summary>
/// The rules that judge one connection's assessment (KA0001, KA0002, KA0003, KA0006): the engine follows each
/// connection once per compilation; a rule only says which assessments it reports and where.
/// </summary>
public abstract class ConnectionRuleAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticDescriptor _rule;

    private protected ConnectionRuleAnalyzer(DiagnosticDescriptor rule)
    {
        _rule = rule;
        SupportedDiagnostics = ImmutableArray.Create(rule);
    }

    /// <inheritdoc/>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (AnalysisContextData.Get(start.Compilation, start.Options, start.CancellationToken) is { } data)
            {
                start.RegisterOperationAction(c => Analyze(c, data), ConnectionSite.OperationKinds);
            }
        });
    }

    /// <summary>Whether this rule reports the connection.</summary>
    private protected abstract bool Reports(ConnectionAssessment assessment);

    /// <summary>Extra locations for the code fix (KA0006 points at the timing call); none by default.</summary>
    private protected virtual Location[]? AdditionalLocations(ConnectionAssessment assessment) => null;

    private void Analyze(OperationAnalysisContext context, AnalysisContextData data)
    {
        if (data.GetAssessment(context) is { } assessment && Reports(assessment))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                _rule, assessment.Site.Operation.Syntax.GetLocation(), AdditionalLocations(assessment), assessment.Name));
        }
    }
}
