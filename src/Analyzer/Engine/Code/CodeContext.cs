using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>
/// How the engine reads one compilation's code, shared by every layer above: semantic models (the driver's where it
/// handed one out), file texts for name searches, the type homes, and the calls of in-source methods.
/// </summary>
internal sealed class CodeContext
{
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<SyntaxTree, string> _sources = new();
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<CallSites>> _callers = new(SymbolEqualityComparer.Default);
    private readonly NameOccurrences _names;
    private readonly Lazy<bool> _globalAliases;

    public CodeContext(Compilation compilation)
    {
        Compilation = compilation;
        Homes = new TypeHomes(compilation);
        _names = new NameOccurrences(compilation, SourceOf);
        _globalAliases = new Lazy<bool>(() => CallSyntax.HasGlobalAliases(compilation, CancellationToken.None));
    }

    /// <summary>A <c>global using</c> alias or static in some file: then a type can be named in any file without its name.</summary>
    public bool HasGlobalAliases => _globalAliases.Value;

    public Compilation Compilation { get; }

    /// <summary>Where framework and helper types are looked up (<see cref="TypeHomes"/>).</summary>
    public TypeHomes Homes { get; }

    public SemanticModel GetSemanticModel(SyntaxTree tree) =>
#pragma warning disable RS1030 // Only for the few bodies the analysis follows into, once per tree per compilation (cached here).
        _models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    /// <summary>
    /// Makes <paramref name="model"/>, the driver's model that an operation callback was handed, the one used for its
    /// tree. It holds the bodies the driver has bound; once the driver is done with a file it drops that model from its
    /// cache, and <see cref="Compilation.GetSemanticModel"/> would then hand out a fresh one that binds everything again
    /// (seen on every third connection site of the corpus, where rebinding was most of the connection rules' time).
    /// </summary>
    public void Remember(SemanticModel? model)
    {
        if (model is not null && (!_models.TryGetValue(model.SyntaxTree, out var known) || !ReferenceEquals(known, model)))
        {
            _models[model.SyntaxTree] = model;
        }
    }

    /// <summary>
    /// A file's text as one string, for the name searches in the files of socket-holding types (no copy for most
    /// files: their text is one string already; a large file's copy is kept only for those files).
    /// </summary>
    public string SourceOf(SyntaxTree tree, CancellationToken cancellationToken) =>
        _sources.GetOrAdd(tree, t => t.GetText(cancellationToken).ToString());

    /// <summary>Every call of an in-source method in this compilation; computed once per method.</summary>
    public CallSites GetCallSites(IMethodSymbol method, CancellationToken cancellationToken) =>
        _callers.GetOrAdd((IMethodSymbol)method.OriginalDefinition, m => new Lazy<CallSites>(
            () => CallSites.Find(m, this, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

    /// <summary>
    /// Every simple name spelled like <paramref name="member"/> where code can name it: the files of its outermost type
    /// when it is private there (itself or a type around it), else the whole compilation. Syntax only; bind to know what each is.
    /// </summary>
    public IReadOnlyList<SimpleNameSyntax> NamesSpelled(ISymbol member, CancellationToken cancellationToken) =>
        _names.Of(member.Name, PrivateScopeOf(member), cancellationToken);

    private static INamedTypeSymbol? PrivateScopeOf(ISymbol member)
    {
        var isPrivate = false;
        INamedTypeSymbol? outermost = null;
        for (var current = member; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            isPrivate |= current.DeclaredAccessibility == Accessibility.Private;
            outermost = current as INamedTypeSymbol ?? outermost;
        }

        return isPrivate ? outermost : null;
    }
}
