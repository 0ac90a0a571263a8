using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Hosting;
using KeepAliveAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers;

/// <summary>
/// The one analyzer the package ships: it hosts every KA rule (<see cref="RuleCatalog"/>). The engine follows each
/// connection once per compilation and every rule reads the same answers; tests and tools run this same analyzer
/// with a rule filter, so what is tested is what users load.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KeepAliveAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<ConnectionRule> _connectionRules;
    private readonly ImmutableArray<SocketCallRule> _socketCallRules;

    /// <summary>Creates the analyzer with every rule.</summary>
    public KeepAliveAnalyzer()
        : this(RuleCatalog.All)
    {
    }

    internal KeepAliveAnalyzer(IEnumerable<KeepAliveRule> rules)
    {
        var hosted = rules.ToImmutableArray();
        _connectionRules = hosted.OfType<ConnectionRule>().ToImmutableArray();
        _socketCallRules = hosted.OfType<SocketCallRule>().ToImmutableArray();
        SupportedDiagnostics = hosted.Select(rule => rule.Descriptor).ToImmutableArray();
    }

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>The shipped analyzer with only the rules whose ids are given (tests, tools).</summary>
    internal static KeepAliveAnalyzer WithRules(params string[] ids) =>
        new(RuleCatalog.All.Where(rule => ids.Contains(rule.Descriptor.Id)));

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeSkipping.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            // A compilation without sockets stops here, before any per-type or per-operation action is registered.
            if (EngineContext.Get(start.Compilation, start.Options) is not { } engine)
            {
                return;
            }

            if (!_connectionRules.IsEmpty)
            {
                ConnectionRuleHost.Register(start, engine.Connections, _connectionRules);
            }

            if (!_socketCallRules.IsEmpty)
            {
                SocketCallRuleHost.Register(start, engine, _socketCallRules);
            }
        });
    }
}
