using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Engine;

/// <summary>
/// What every KA analyzer shares: the rules it hosts (their descriptors), concurrent execution, generated code skipped
/// (<see cref="GeneratedCodeSkipping"/>), and a start only in compilations that have sockets.
/// </summary>
public abstract class RuleHostAnalyzer : DiagnosticAnalyzer
{
    private protected RuleHostAnalyzer(IEnumerable<DiagnosticDescriptor> descriptors) => SupportedDiagnostics = descriptors.ToImmutableArray();

    /// <inheritdoc/>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeSkipping.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (AnalysisContextData.Get(start.Compilation, start.Options) is { } data)
            {
                Start(start, data);
            }
        });
    }

    /// <summary>Registers the hosted rules' actions for a compilation that has sockets.</summary>
    private protected abstract void Start(CompilationStartAnalysisContext start, AnalysisContextData data);
}
