using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>Whether a reference to a variable changes it: what separates "assigned once" from "might be anything".</summary>
internal static class VariableWrites
{
    /// <summary>
    /// True when <paramref name="reference"/> is assigned, incremented, passed by <c>ref</c>/<c>out</c>, deconstructed
    /// into or has its address taken. A declaration's own initializer is not a reference, so it never counts.
    /// </summary>
    public static bool IsWrittenTo(this IOperation reference)
    {
        if (reference is ILocalReferenceOperation { IsDeclaration: true })
        {
            return true; // out var x, or a deconstruction declaration
        }

        var parent = reference.Parent;
        switch (parent)
        {
            case IAssignmentOperation assignment when assignment.Target == reference:
            case IIncrementOrDecrementOperation:
            case IAddressOfOperation:
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                return true;
        }

        for (var current = parent; current is not null; current = current.Parent)
        {
            if (current is IDeconstructionAssignmentOperation deconstruction)
            {
                return deconstruction.Target.IsAncestorOrSelf(reference);
            }

            if (current is IBlockOperation or IMethodBodyBaseOperation)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsAncestorOrSelf(this IOperation ancestor, IOperation operation) =>
        ancestor == operation || ancestor.IsAncestorOf(operation);
}
