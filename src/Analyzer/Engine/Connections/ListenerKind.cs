using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Connections;

/// <summary>
/// Whether a listening Socket is a TCP one, from the <c>new Socket(...)</c> stored in it. A listener whose creation
/// we cannot find is taken as TCP (accept is overwhelmingly TCP); one created as a Unix-domain (or unprovable)
/// socket is not, so its accepted connections are never reported.
/// </summary>
internal static class ListenerKind
{
    public static bool IsTcp(IOperation listener, ConnectionsContext data, INamedTypeSymbol? homeType, CancellationToken cancellationToken)
    {
        if (data.Symbols.IsTcpListener(listener.Type))
        {
            return true;
        }

        var found = false;
        foreach (var value in CreatedValues(listener.WalkDownConversions(), data, homeType, cancellationToken))
        {
            if (value is IObjectCreationOperation creation && data.Symbols.IsSocket(creation.Type))
            {
                if (SocketKinds.Of(creation, data.Symbols) == SocketKind.Tcp)
                {
                    return true;
                }

                found = true;
            }
        }

        return !found;
    }

    /// <summary>The values stored in the listener, looking one level into factory methods (<c>_socket = CreateSocket()</c>).</summary>
    private static System.Collections.Generic.IEnumerable<IOperation> CreatedValues(
        IOperation holder, ConnectionsContext data, INamedTypeSymbol? homeType, CancellationToken cancellationToken)
    {
        foreach (var assigned in AssignedValues(holder, data, homeType, cancellationToken))
        {
            var value = assigned.WalkDownConversions();
            if (value is IInvocationOperation invocation)
            {
                foreach (var returned in Returns(invocation, data, cancellationToken))
                {
                    yield return returned;
                }
            }
            else
            {
                yield return value;
            }
        }
    }

    /// <summary>What the factory methods whose results are stored in the listener return (a tuned socket, say).</summary>
    public static System.Collections.Generic.IEnumerable<IOperation> FactoryReturns(
        IOperation holder, ConnectionsContext data, INamedTypeSymbol? homeType, CancellationToken cancellationToken)
    {
        foreach (var assigned in AssignedValues(holder, data, homeType, cancellationToken))
        {
            if (assigned.WalkDownConversions() is IInvocationOperation invocation)
            {
                foreach (var returned in Returns(invocation, data, cancellationToken))
                {
                    yield return returned;
                }
            }
        }
    }

    private static System.Collections.Generic.IEnumerable<IOperation> Returns(
        IInvocationOperation invocation, ConnectionsContext data, CancellationToken cancellationToken)
    {
        foreach (var reference in invocation.TargetMethod.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (data.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is { } body)
            {
                foreach (var operation in body.DescendantsAndSelf())
                {
                    if (operation is IReturnOperation { ReturnedValue: { } returned })
                    {
                        yield return returned.WalkDownConversions();
                    }
                }
            }
        }
    }

    private static System.Collections.Generic.IEnumerable<IOperation> AssignedValues(
        IOperation holder, ConnectionsContext data, INamedTypeSymbol? homeType, CancellationToken cancellationToken)
    {
        var symbol = holder switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
        if (symbol is null)
        {
            yield break;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer } &&
                data.GetSemanticModel(initializer.SyntaxTree).GetOperation(initializer, cancellationToken) is { } value)
            {
                yield return value;
            }
        }

        var writes = symbol is ILocalSymbol
            ? holder.Root().DescendantsAndSelf()
            : homeType is null ? System.Linq.Enumerable.Empty<IOperation>() : data.GetTypeIndex(homeType, cancellationToken).ReferencesTo(symbol, cancellationToken);
        foreach (var operation in writes)
        {
            if (operation.Parent is ISimpleAssignmentOperation assignment && assignment.Target == operation &&
                SymbolEqualityComparer.Default.Equals(Referenced(operation), symbol))
            {
                yield return assignment.Value;
            }
        }
    }

    private static ISymbol? Referenced(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field.OriginalDefinition,
        IPropertyReferenceOperation property => property.Property.OriginalDefinition,
        _ => null,
    };
}
