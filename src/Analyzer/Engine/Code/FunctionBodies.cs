using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>Walks of one function body that leave nested lambdas and local functions out (they run later, if at all).</summary>
internal static class FunctionBodies
{
    public static IEnumerable<IInvocationOperation> InvocationsOutsideNestedFunctions(this IOperation root)
    {
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is IInvocationOperation invocation)
            {
                yield return invocation;
            }

            foreach (var child in current.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    pending.Push(child);
                }
            }
        }
    }
}
