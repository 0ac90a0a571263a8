using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Tests.Verifiers.SelfTests;

/// <summary>
/// Test-only rule TST001: flags <c>new System.Net.Sockets.TcpClient()</c> with no arguments and no initializer.
/// The option <c>tst001.ignore = true</c> turns it off for a document. Subclasses misbehave on purpose.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public class NewTcpClientAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "TST001", "TcpClient without NoDelay", "'{0}' creates a TcpClient without setting NoDelay", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    protected virtual DiagnosticDescriptor Descriptor => Rule;

    protected virtual GeneratedCodeAnalysisFlags GeneratedCode => GeneratedCodeAnalysisFlags.None;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient") is { } tcpClient)
                start.RegisterOperationAction(c => Analyze(c, (IObjectCreationOperation)c.Operation, tcpClient), OperationKind.ObjectCreation);
        });
    }

    protected virtual void Analyze(OperationAnalysisContext context, IObjectCreationOperation creation, INamedTypeSymbol tcpClient)
    {
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, tcpClient) || creation.Arguments.Length > 0 || creation.Initializer is not null)
            return;
        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(creation.Syntax.SyntaxTree);
        if (options.TryGetValue("tst001.ignore", out var ignore) && ignore == "true")
            return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, creation.Syntax.GetLocation(), creation.Syntax.ToString()));
    }
}

public sealed class ThrowingAnalyzer : NewTcpClientAnalyzer
{
    protected override void Analyze(OperationAnalysisContext context, IObjectCreationOperation creation, INamedTypeSymbol tcpClient) =>
        throw new InvalidOperationException("test analyzer failure");
}

/// <summary>Throws only when the file has syntax errors: passes ordinary tests, fails the no-crash harness.</summary>
public sealed class ThrowsOnBrokenCodeAnalyzer : NewTcpClientAnalyzer
{
    protected override void Analyze(OperationAnalysisContext context, IObjectCreationOperation creation, INamedTypeSymbol tcpClient)
    {
        if (creation.Syntax.SyntaxTree.GetRoot(context.CancellationToken).ContainsDiagnostics)
            throw new InvalidOperationException("test analyzer failure on broken code");
        base.Analyze(context, creation, tcpClient);
    }
}

/// <summary>NotConfigurable diagnostics ignore <c>#pragma warning disable</c>.</summary>
public sealed class NotConfigurableAnalyzer : NewTcpClientAnalyzer
{
    private static readonly DiagnosticDescriptor NotConfigurableRule = new(
        Rule.Id, "TcpClient without NoDelay", "'{0}' creates a TcpClient without setting NoDelay", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    protected override DiagnosticDescriptor Descriptor => NotConfigurableRule;
}

public sealed class ReportsInGeneratedCodeAnalyzer : NewTcpClientAnalyzer
{
    protected override GeneratedCodeAnalysisFlags GeneratedCode => GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;
}

/// <summary>Supports two ids, so <c>[|…|]</c> is ambiguous for it.</summary>
public sealed class TwoRulesAnalyzer : NewTcpClientAnalyzer
{
    private static readonly DiagnosticDescriptor Second = new("TST002", "Second", "Second", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule, Second];
}
