using System.Collections.Generic;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Connections;

/// <summary>The member references, invocations and <c>AcceptSocket</c> reads of one bound member body, by symbol.</summary>
internal sealed class BodyOperations
{
    private readonly Dictionary<ISymbol, List<IOperation>> _memberReferences = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<IOperation>> _invocations = new(SymbolEqualityComparer.Default);
    private List<IOperation>? _acceptSocketReads;

    public IReadOnlyList<IOperation>? References(ISymbol member) => _memberReferences.TryGetValue(member, out var list) ? list : null;

    public IReadOnlyList<IOperation>? Calls(ISymbol method) => _invocations.TryGetValue(method, out var list) ? list : null;

    public IReadOnlyList<IOperation>? AcceptSocketReads => _acceptSocketReads;

    public static BodyOperations Walk(IOperation? root, KnownSymbols symbols)
    {
        var body = new BodyOperations();
        if (root is null)
        {
            return body;
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IFieldReferenceOperation field:
                    AddTo(body._memberReferences, field.Field.OriginalDefinition, field);
                    break;
                case IPropertyReferenceOperation { Property.Name: "AcceptSocket" } property when symbols.IsSocketAsyncEventArgs(property.Property.ContainingType):
                    (body._acceptSocketReads ??= new List<IOperation>()).Add(property);
                    break;
                case IPropertyReferenceOperation property:
                    AddTo(body._memberReferences, property.Property.OriginalDefinition, property);
                    break;
                case IInvocationOperation invocation:
                    AddTo(body._invocations, invocation.TargetMethod.OriginalDefinition, invocation);
                    break;
            }
        }

        return body;
    }

    private static void AddTo(Dictionary<ISymbol, List<IOperation>> map, ISymbol key, IOperation operation)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<IOperation>();
        }

        list.Add(operation);
    }
}
