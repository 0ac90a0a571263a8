using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine;

/// <summary>
/// One walk over every member body of a type, answering the type-wide questions (who touches this field, who calls
/// this method, where is <c>e.AcceptSocket</c> read) so that no body is walked twice for them.
/// </summary>
internal sealed class TypeIndex
{
    private static readonly IReadOnlyList<IOperation> None = new List<IOperation>();

    private readonly Dictionary<ISymbol, List<IOperation>> _memberReferences = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<IOperation>> _invocations = new(SymbolEqualityComparer.Default);
    private readonly List<IOperation> _acceptSocketReads = new();

    public IReadOnlyList<IOperation> ReferencesTo(ISymbol member) => _memberReferences.TryGetValue(member.OriginalDefinition, out var list) ? list : None;

    public IReadOnlyList<IOperation> CallsTo(IMethodSymbol method) => _invocations.TryGetValue(method.OriginalDefinition, out var list) ? list : None;

    /// <summary>Reads of <c>SocketAsyncEventArgs.AcceptSocket</c>: where an accepted socket surfaces.</summary>
    public IReadOnlyList<IOperation> AcceptSocketReads => _acceptSocketReads;

    public static TypeIndex Build(INamedTypeSymbol type, AnalysisContextData data, CancellationToken cancellationToken)
    {
        var index = new TypeIndex();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            var model = data.GetSemanticModel(declaration.SyntaxTree);
            foreach (var body in MemberBodies(declaration))
            {
                if (model.GetOperation(body, cancellationToken) is { } root)
                {
                    index.Add(root, data.Symbols);
                }
            }
        }

        return index;
    }

    private void Add(IOperation root, KnownSymbols symbols)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IFieldReferenceOperation field:
                    AddTo(_memberReferences, field.Field.OriginalDefinition, field);
                    break;
                case IPropertyReferenceOperation { Property.Name: "AcceptSocket" } property when symbols.IsSocketAsyncEventArgs(property.Property.ContainingType):
                    _acceptSocketReads.Add(property);
                    break;
                case IPropertyReferenceOperation property:
                    AddTo(_memberReferences, property.Property.OriginalDefinition, property);
                    break;
                case IInvocationOperation invocation:
                    AddTo(_invocations, invocation.TargetMethod.OriginalDefinition, invocation);
                    break;
            }
        }
    }

    private static void AddTo(Dictionary<ISymbol, List<IOperation>> map, ISymbol key, IOperation operation)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<IOperation>();
        }

        list.Add(operation);
    }

    /// <summary>The syntax nodes the semantic model turns into operation trees; nested types get their own index.</summary>
    private static IEnumerable<SyntaxNode> MemberBodies(TypeDeclarationSyntax declaration)
    {
        foreach (var member in declaration.Members)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method:
                    yield return method;
                    break;
                case BasePropertyDeclarationSyntax property:
                    if (property.AccessorList is { } accessors)
                    {
                        foreach (var accessor in accessors.Accessors)
                        {
                            yield return accessor;
                        }
                    }

                    if (property is PropertyDeclarationSyntax { ExpressionBody: { } arrow })
                    {
                        yield return arrow;
                    }
                    else if (property is IndexerDeclarationSyntax { ExpressionBody: { } indexerArrow })
                    {
                        yield return indexerArrow;
                    }

                    if (property is PropertyDeclarationSyntax { Initializer: { } initializer })
                    {
                        yield return initializer;
                    }

                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer is { } fieldInitializer)
                        {
                            yield return fieldInitializer;
                        }
                    }

                    break;
            }
        }
    }
}
