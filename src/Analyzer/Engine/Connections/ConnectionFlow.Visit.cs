using System.Collections.Generic;
using KeepAliveAnalyzers.Engine.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Connections;

internal sealed partial class ConnectionFlow
{
    /// <summary>Follows the value <paramref name="value"/> produces to where it lands.</summary>
    private void VisitValue(IOperation value, IOperation origin)
    {
        if (!Step())
        {
            return;
        }

        var consumer = value.ValueConsumer(out var carrier);
        switch (consumer)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                SetName(declarator.Symbol.Name);
                if (value == origin && IsUsingResource(declarator))
                {
                    IsScopeBound = true;
                }

                VisitSymbol(declarator.Symbol, origin, declarator);
                break;
            case ISimpleAssignmentOperation assignment when assignment.Value == carrier:
                VisitHolder(assignment.Target, origin);
                break;
            case IFieldInitializerOperation fieldInitializer:
                foreach (var field in fieldInitializer.InitializedFields)
                {
                    SetName(field.Name);
                    VisitMember(field, heldByOwner: !field.IsStatic);
                }

                break;
            case IPropertyInitializerOperation propertyInitializer:
                foreach (var property in propertyInitializer.InitializedProperties)
                {
                    SetName(property.Name);
                    VisitMember(property, heldByOwner: !property.IsStatic);
                }

                break;
            case IArgumentOperation argument:
                VisitArgument(argument, origin);
                break;
            case IReturnOperation:
                VisitReturn(consumer);
                break;
            case IInvocationOperation invocation when invocation.Instance == carrier:
                VisitCallOn(invocation, origin);
                break;
            case IPropertyReferenceOperation property when property.Instance == carrier:
                VisitPropertyOf(property, origin);
                break;
            case IConditionalAccessOperation access when access.Operation == carrier:
                VisitConditionalAccess(access, origin);
                break;
            case IArrayInitializerOperation or ITupleOperation
                or IAnonymousObjectCreationOperation or IMemberInitializerOperation:
                Add(Evidence.Stored);
                break;
            case IIsPatternOperation { Pattern: IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } } pattern when pattern.Value == carrier:
                VisitSymbol(local, origin, pattern); // if (client.Client is Socket socket) ...: the same connection
                break;
            case IIsPatternOperation { Pattern: IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local } } pattern when pattern.Value == carrier:
                VisitSymbol(local, origin, pattern);
                break;
            case IInvalidOperation or IDynamicInvocationOperation or IDynamicObjectCreationOperation:
                Add(Evidence.Escaped); // code that does not bind (a type from an unresolved package): as unknown as a third-party call
                break;
        }
    }

    /// <summary>A read of a local, parameter, field or property that holds the connection.</summary>
    private void VisitRead(IOperation reference, IOperation origin)
    {
        if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
        {
            return; // a write replaces the connection; it does not use it
        }

        if (reference.IsCapturedAwayFrom(origin) && !TearsDownOrTests(reference))
        {
            Add(Evidence.Captured);
        }

        VisitValue(reference, origin);
    }

    /// <summary>
    /// A captured read that only closes the connection or checks it for null (a cancellation registration or a timer
    /// that disposes it): such a callback bounds the connection's life, it does not keep the connection for later use.
    /// </summary>
    private static bool TearsDownOrTests(IOperation reference)
    {
        var value = reference;
        while (value.Parent is IConversionOperation or IPropertyReferenceOperation { Property.Name: "Client" or "Socket" })
        {
            value = value.Parent; // client.Client.Close() closes the same connection
        }

        var user = value.Parent is IConditionalAccessOperation { Operation: var operation } access && operation == value
            ? access.WhenNotNull
            : value.Parent;
        return user switch
        {
            IInvocationOperation { TargetMethod.Name: var name } call when call.Instance == value || call.Instance is IConditionalAccessInstanceOperation =>
                name.StartsWith("Dispose", System.StringComparison.Ordinal) || name.StartsWith("Close", System.StringComparison.Ordinal) ||
                name is "Shutdown" or "Abort",
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison =>
                comparison.LeftOperand.WalkDownConversions().ConstantValue is { HasValue: true, Value: null } ||
                comparison.RightOperand.WalkDownConversions().ConstantValue is { HasValue: true, Value: null },
            IIsPatternOperation { Pattern: IConstantPatternOperation or INegatedPatternOperation } => true,
            _ => false,
        };
    }

    /// <summary>Where an assignment stores the connection.</summary>
    private void VisitHolder(IOperation target, IOperation origin)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                SetName(local.Local.Name);
                VisitSymbol(local.Local, origin, target);
                break;
            case IParameterReferenceOperation parameter:
                SetName(parameter.Parameter.Name);
                VisitSymbol(parameter.Parameter, origin, target);
                Add(Evidence.Escaped); // an out/ref parameter or a reassigned one: the caller may keep it
                break;
            case IFieldReferenceOperation field:
                SetName(field.Field.Name);
                VisitMember(field.Field, IsOwnInstance(field.Instance));
                break;
            case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                SetName(property.Property.Name);
                VisitMember(property.Property, IsOwnInstance(property.Instance));
                break;
            case IPropertyReferenceOperation { Property.Name: "Server" or "Client" or "Socket" } alias:
                VisitPropertyOf(alias, origin);
                break;
            default:
                Add(Evidence.Stored); // an array element, an indexer, a dictionary slot
                break;
        }
    }

    /// <summary>
    /// The reads of a local or parameter that can see the value stored at <paramref name="definition"/>: a read
    /// before it, or after a later assignment that always runs, sees another value (<c>var c = new TcpClient(); c =
    /// listener.AcceptTcpClient();</c> makes the first client a placeholder; an assignment in another branch does not).
    /// Textual order stands in for flow analysis; loops are rare here.
    /// </summary>
    private void VisitSymbol(ISymbol symbol, IOperation origin, IOperation? definition)
    {
        if (!_visited.Add(symbol))
        {
            return;
        }

        var references = ReferencesIn(origin.Root(), symbol);
        if (definition is null)
        {
            foreach (var reference in references)
            {
                VisitRead(reference, origin);
            }

            return;
        }

        var start = definition.Syntax.SpanStart;
        var end = int.MaxValue;
        foreach (var reference in references)
        {
            var position = reference.Syntax.SpanStart;
            if (IsWrite(reference) && position > start && position < end && !definition.IsAncestorOf(reference) && reference.AlwaysReplaces(definition))
            {
                end = position;
            }
        }

        foreach (var reference in references)
        {
            var position = reference.Syntax.SpanStart;
            if (position > start && position < end)
            {
                VisitRead(reference, origin);
            }
        }
    }

    /// <summary><c>using var c = ...</c> or <c>using (var c = ...)</c>: disposed when the scope ends.</summary>
    private static bool IsUsingResource(IVariableDeclaratorOperation declarator) =>
        declarator.Parent is IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation group } &&
        group.Parent is IUsingDeclarationOperation or IUsingOperation;

    private static bool IsWrite(IOperation reference) =>
        reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference;

    /// <summary><c>this._x</c> or <c>_x</c> in an instance member: the object running the code is the holder.</summary>
    private static bool IsOwnInstance(IOperation? instance) =>
        instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    /// <summary>
    /// A field or property that holds the connection: long-lived as its holder (a static one, or another object's, for
    /// good); its uses across the type still tell whether it is configured, connected or a listener.
    /// </summary>
    private void VisitMember(ISymbol member, bool heldByOwner)
    {
        Add(heldByOwner ? Evidence.HeldByOwnMember : Evidence.Stored);
        if (!_visited.Add(member.OriginalDefinition))
        {
            return;
        }

        _members.Add(member.OriginalDefinition);
        VisitMemberIn(member.ContainingType, member);
        if (_homeType is not null && !SymbolEqualityComparer.Default.Equals(_homeType.OriginalDefinition, member.ContainingType?.OriginalDefinition))
        {
            VisitMemberIn(_homeType, member);
        }
    }

    private void VisitMemberIn(INamedTypeSymbol? type, ISymbol member)
    {
        if (type is null || type.DeclaringSyntaxReferences.IsEmpty)
        {
            return;
        }

        // Other code touching the member tells what happens to the connection, but the message names the holder
        // the site's own code uses.
        var naming = _naming;
        _naming = false;
        foreach (var reference in _data.GetTypeIndex(type, _cancellationToken).ReferencesTo(member, _cancellationToken))
        {
            VisitRead(reference, reference.Root());
        }

        _naming = naming;
    }

    private void VisitAcceptedIntoEventArgs()
    {
        if (_homeType is null)
        {
            return;
        }

        var reads = _data.GetTypeIndex(_homeType, _cancellationToken).AcceptSocketReads(_cancellationToken);
        if (reads.Count == 0)
        {
            Add(Evidence.Escaped); // the completion handler lives elsewhere
        }

        foreach (var read in reads)
        {
            if (read.Parent is not ISimpleAssignmentOperation assignment || assignment.Target != read)
            {
                VisitValue(read, read.Root());
            }
        }
    }

    /// <summary><c>handler.ConnectCallback = async (context, token) => …</c>, also in an object initializer.</summary>
    private bool IsHttpConnectCallback(IOperation function) =>
        function is IAnonymousFunctionOperation { Parent: IDelegateCreationOperation { Parent: ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } } } &&
        property.Property.Name == "ConnectCallback" &&
        SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _data.Symbols.SocketsHttpHandler);

    private void VisitReturn(IOperation returnOperation)
    {
        for (var current = returnOperation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                // The HTTP pool owns what a ConnectCallback returns: it closes idle connections (PooledConnectionIdleTimeout,
                // 1 min by default) and requests are bounded by their timeout; a stream kept open is the HTTP rules' case.
                if (!IsHttpConnectCallback(current))
                {
                    Add(Evidence.Escaped);
                }

                return;
            }
        }

        var method = OwningMethod(returnOperation.Root());
        if (method is null || _homeType is null)
        {
            Add(Evidence.Returned);
            return;
        }

        if (!_visited.Add(method))
        {
            return; // another return of the same method: its callers are visited once
        }

        // A factory: what its callers do with the result decides (they store it, loop on it, or use it once and dispose
        // it). When callers outside the compilation may exist, or the connection has already been handed up through
        // MaxCallerLevels factories, it is returned to the unknown, but the callers in its own type still show whether it
        // is configured.
        var calls = _callerLevels < MaxCallerLevels ? CallersOf(method) : null;
        if (calls is not { Count: > 0 })
        {
            Add(Evidence.Returned);
            calls ??= _data.GetTypeIndex(_homeType, _cancellationToken).CallsTo(method, _cancellationToken);
        }

        _callerLevels++;
        foreach (var call in calls)
        {
            VisitValue(call, call.Root());
        }

        _callerLevels--;
    }

    /// <summary>
    /// Every call of <paramref name="method"/>, when all of them are in this compilation: a method code in another
    /// assembly cannot name, reached only by calls the search sees (no delegate, override or public interface). Null otherwise.
    /// </summary>
    private IReadOnlyList<IOperation>? CallersOf(IMethodSymbol method)
    {
        if (method.IsVisibleOutsideTheAssembly())
        {
            return null; // a public factory: its real callers are the library's users
        }

        var sites = _data.Code.GetCallSites(method, _cancellationToken);
        return sites.IsComplete ? sites.Invocations : null;
    }

    private IMethodSymbol? OwningMethod(IOperation root) =>
        root.SemanticModel?.GetDeclaredSymbol(root.Syntax, _cancellationToken) as IMethodSymbol;

    private List<IOperation> ReferencesIn(IOperation root, ISymbol symbol)
    {
        if (!_symbolReferences.TryGetValue(root, out var map))
        {
            map = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            foreach (var operation in root.DescendantsAndSelf())
            {
                ISymbol? referenced = operation switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (referenced is not null)
                {
                    if (!map.TryGetValue(referenced, out var list))
                    {
                        map[referenced] = list = new List<IOperation>();
                    }

                    list.Add(operation);
                }
            }

            _symbolReferences[root] = map;
        }

        return map.TryGetValue(symbol, out var references) ? references : new List<IOperation>();
    }
}
