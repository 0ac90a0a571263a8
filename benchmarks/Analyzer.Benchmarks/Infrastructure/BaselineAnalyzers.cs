using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Benchmarks.Infrastructure;

/// <summary>
/// The floor: subscribed to the operation kinds the KA site rules need (the driver builds the operation trees and
/// calls back) but doing nothing. What any operation analyzer costs before it does any work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation, OperationKind.Invocation);
    }
}

/// <summary>
/// A naive one-rule analyzer for comparison: asks the semantic model about every <c>new X(...)</c> in the code
/// (the first question binds the node) and reports <c>new TcpClient()</c>, like a first draft of a rule would.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NaiveAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor NewTcpClient = new("BENCH0002", "new TcpClient", "new TcpClient", "Benchmark", DiagnosticSeverity.Info, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(NewTcpClient);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.ObjectCreationExpression);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var creation = (ObjectCreationExpressionSyntax)context.Node;
        if (context.SemanticModel.GetTypeInfo(creation, context.CancellationToken).Type?.ToDisplayString() == "System.Net.Sockets.TcpClient")
        {
            context.ReportDiagnostic(Diagnostic.Create(NewTcpClient, creation.GetLocation()));
        }
    }
}
