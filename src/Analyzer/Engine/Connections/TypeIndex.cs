using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Connections;

/// <summary>
/// The type-wide questions about one type (who touches this field, who calls this method, where is
/// <c>e.AcceptSocket</c> read), each answered once. Only the member bodies whose text spells the name asked about
/// are bound: binding is most of an analyzer's cost, and a connection class of 3,000 lines usually touches its socket
/// field in a handful of methods. Each body is walked at most once, however many questions need it.
/// </summary>
internal sealed class TypeIndex
{
    private static readonly IReadOnlyList<IOperation> None = Array.Empty<IOperation>();

    // Members the compiler calls or reads without their name in the source: foreach, await, using, deconstruction,
    // collection initializers, query expressions, index/range and list patterns. Asked about, they search every body.
    private static readonly HashSet<string> ImplicitlyUsedNames = new(StringComparer.Ordinal)
    {
        "Add", "GetEnumerator", "GetAsyncEnumerator", "MoveNext", "MoveNextAsync", "Current", "Dispose", "DisposeAsync",
        "Deconstruct", "GetAwaiter", "GetResult", "IsCompleted", "OnCompleted", "UnsafeOnCompleted", "GetPinnableReference",
        "Slice", "Length", "Count", "Invoke", "Select", "SelectMany", "Where", "OrderBy", "OrderByDescending", "ThenBy",
        "ThenByDescending", "GroupBy", "Join", "GroupJoin", "Cast",
    };

    private readonly ConnectionsContext _data;
    private readonly List<MemberBody> _bodies = new();
    private readonly ConcurrentDictionary<ISymbol, IReadOnlyList<IOperation>> _references = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, IReadOnlyList<IOperation>> _calls = new(SymbolEqualityComparer.Default);
    private IReadOnlyList<IOperation>? _acceptSocketReads;

    private TypeIndex(ConnectionsContext data) => _data = data;

    /// <summary>Reads and writes of a field or property of the type, in its own member bodies.</summary>
    public IReadOnlyList<IOperation> ReferencesTo(ISymbol member, CancellationToken cancellationToken) =>
        _references.GetOrAdd(member.OriginalDefinition, m => Collect(NameOf(m), body => body.References(m), cancellationToken));

    /// <summary>Calls of a method in the type's own member bodies.</summary>
    public IReadOnlyList<IOperation> CallsTo(IMethodSymbol method, CancellationToken cancellationToken) =>
        _calls.GetOrAdd(method.OriginalDefinition, m => Collect(NameOf(m), body => body.Calls(m), cancellationToken));

    /// <summary>Reads of <c>SocketAsyncEventArgs.AcceptSocket</c>: where an accepted socket surfaces.</summary>
    public IReadOnlyList<IOperation> AcceptSocketReads(CancellationToken cancellationToken) =>
        _acceptSocketReads ??= Collect("AcceptSocket", body => body.AcceptSocketReads, cancellationToken);

    /// <summary>Lists the type's member bodies; reads and binds nothing yet.</summary>
    public static TypeIndex Build(INamedTypeSymbol type, ConnectionsContext data, CancellationToken cancellationToken)
    {
        var index = new TypeIndex(data);
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration)
            {
                foreach (var body in MemberBodies(declaration))
                {
                    index._bodies.Add(new MemberBody(body));
                }
            }
        }

        return index;
    }

    /// <summary>The name code must spell to reach the member, or null when it can be reached without (indexers, constructors, implicit calls).</summary>
    private static string? NameOf(ISymbol member) => member switch
    {
        IPropertySymbol { IsIndexer: true } => null,
        IMethodSymbol { MethodKind: not MethodKind.Ordinary } => null,
        _ when ImplicitlyUsedNames.Contains(member.Name) => null,
        _ => member.Name,
    };

    private IReadOnlyList<IOperation> Collect(string? name, Func<BodyOperations, IReadOnlyList<IOperation>?> select, CancellationToken cancellationToken)
    {
        List<IOperation>? found = null;
        foreach (var body in _bodies)
        {
            if ((name is null || IdentifierSearch.Mentions(_data.SourceOf(body.Syntax.SyntaxTree, cancellationToken), body.Syntax.Span, name)) &&
                select(body.Operations(_data, cancellationToken)) is { Count: > 0 } operations)
            {
                (found ??= new List<IOperation>()).AddRange(operations);
            }
        }

        return found ?? None;
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

    /// <summary>One member body, bound and walked the first time a question needs it.</summary>
    private sealed class MemberBody
    {
        private BodyOperations? _operations;

        public MemberBody(SyntaxNode syntax) => Syntax = syntax;

        public SyntaxNode Syntax { get; }

        // Two threads may both walk the body (same result); a cancelled walk leaves nothing behind.
        public BodyOperations Operations(ConnectionsContext data, CancellationToken cancellationToken) =>
            _operations ??= BodyOperations.Walk(data.GetSemanticModel(Syntax.SyntaxTree).GetOperation(Syntax, cancellationToken), data.Symbols);
    }
}
