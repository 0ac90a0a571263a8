using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// KA0008 on our runtime helper's options: <c>new TcpKeepAliveOptions { Idle = …, Interval = …, ProbeCount = …, UserTimeout = … }</c>.
/// TcpKeepAlive.Configure already rejects a user timeout below the idle time at run time; this reports it (and a
/// far larger one) where it is written.
/// </summary>
internal static class KA0008HelperOptions
{
    // The defaults of KeepAlive.TcpKeepAliveOptions (src/Runtime/TcpKeepAliveOptions.cs) for properties the initializer leaves alone.
    private const double DefaultIdleSeconds = 60, DefaultIntervalSeconds = 10, DefaultProbeCount = 6;

    public static void Analyze(OperationAnalysisContext context, INamedTypeSymbol optionsType, DiagnosticDescriptor rule)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, optionsType) || creation.Initializer is null)
        {
            return;
        }

        double? idle = DefaultIdleSeconds, interval = DefaultIntervalSeconds, count = DefaultProbeCount, userTimeout = null;
        IOperation? userTimeoutAt = null;
        foreach (var initializer in creation.Initializer.Initializers)
        {
            if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                continue;
            }

            switch (property.Property.Name)
            {
                case "Idle": idle = ConstantEvaluator.TryGetTimeSpanSeconds(assignment.Value); break;
                case "Interval": interval = ConstantEvaluator.TryGetTimeSpanSeconds(assignment.Value); break;
                case "ProbeCount": count = ConstantEvaluator.TryGetInteger(assignment.Value); break;
                case "UserTimeout":
                    userTimeout = ConstantEvaluator.TryGetTimeSpanSeconds(assignment.Value);
                    userTimeoutAt = assignment.Value;
                    break;
            }
        }

        if (userTimeout is not { } value || userTimeoutAt is null || IsChangedAfterCreation(creation) ||
            KA0008UserTimeoutComparison.Compare(KA0008Source.Helper, value, idle, interval, count) is not var (problem, advice))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(rule, userTimeoutAt.Syntax.GetLocation(), $"TcpKeepAliveOptions.UserTimeout {DurationText.Seconds(value)}", problem, advice));
    }

    /// <summary><c>var o = new TcpKeepAliveOptions { … }; o.Idle = …;</c>: the initializer is not the whole story.</summary>
    private static bool IsChangedAfterCreation(IObjectCreationOperation creation)
    {
        ILocalSymbol? local = creation.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
            _ => null,
        };
        if (local is null)
        {
            return false;
        }

        foreach (var operation in creation.Root().Descendants())
        {
            if (operation is IAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation instance } } &&
                SymbolEqualityComparer.Default.Equals(instance.Local, local))
            {
                return true;
            }
        }

        return false;
    }
}
