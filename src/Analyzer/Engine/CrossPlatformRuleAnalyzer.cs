using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Engine;

/// <summary>
/// The rules about socket code that misbehaves off Windows (KA0005, KA0007): they share the platform reading and
/// have nothing to say in a project that targets only Windows or has no sockets.
/// </summary>
public abstract class CrossPlatformRuleAnalyzer : DiagnosticAnalyzer
{
    private protected CrossPlatformRuleAnalyzer(DiagnosticDescriptor rule) => SupportedDiagnostics = ImmutableArray.Create(rule);

    /// <inheritdoc/>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeSkipping.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            if (PlatformContext.Get(start.Compilation, start.Options) is { Symbols.Socket: not null } platform &&
                platform.Target.Families != OsFamily.Windows)
            {
                Register(start, platform);
            }
        });
    }

    /// <summary>Registers the rule's actions for a compilation that has sockets and runs somewhere other than Windows.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext start, PlatformContext platform);
}
