using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Platform;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Engine.Connections;

/// <summary>
/// The connections layer's state for one compilation: the verdict on each connection, what in-source methods do with
/// a connection handed to them, and the type-wide indexes, each computed once however many rules ask.
/// </summary>
internal sealed class ConnectionsContext
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<TypeIndex>> _types = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxNode, Lazy<ConnectionAssessment?>> _assessments = new();
    private readonly ConcurrentDictionary<IParameterSymbol, Lazy<ParameterSummary>> _parameters = new(SymbolEqualityComparer.Default);
    private readonly Lazy<SiteTextFilter> _siteFilter;
    private readonly Lazy<PlatformContext> _platform;

    public ConnectionsContext(SocketsContext sockets, Lazy<PlatformContext> platform)
    {
        Sockets = sockets;
        _platform = platform;
        _siteFilter = new Lazy<SiteTextFilter>(
            () => SiteTextFilter.Create(Compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SocketsContext Sockets { get; }

    /// <summary>Where a piece of code can run: configuration that runs only on Windows leaves Linux on its defaults.</summary>
    public PlatformContext Platform => _platform.Value;

    public CodeContext Code => Sockets.Code;

    public KnownSymbols Symbols => Sockets.Symbols;

    public Compilation Compilation => Code.Compilation;

    /// <inheritdoc cref="SocketsContext.ConfigurationMethods"/>
    public ImmutableHashSet<IMethodSymbol> ConfigurationMethods => Sockets.ConfigurationMethods;

    /// <inheritdoc cref="CodeContext.GetSemanticModel"/>
    public SemanticModel GetSemanticModel(SyntaxTree tree) => Code.GetSemanticModel(tree);

    /// <inheritdoc cref="CodeContext.SourceOf"/>
    public string SourceOf(SyntaxTree tree, CancellationToken cancellationToken) => Code.SourceOf(tree, cancellationToken);

    /// <inheritdoc cref="CodeContext.Remember"/>
    public void Remember(SemanticModel? model) => Code.Remember(model);

    /// <summary>
    /// The verdict on the connection made at <paramref name="site"/>, computed once however many rules ask (KA0001,
    /// KA0002, KA0003, KA0006). <paramref name="containingSymbol"/> is the member whose code holds the site.
    /// </summary>
    public ConnectionAssessment? GetAssessment(ConnectionSite site, ISymbol containingSymbol, CancellationToken cancellationToken) =>
        _assessments.GetOrAdd(site.Operation.Syntax, _ => new Lazy<ConnectionAssessment?>(
            () => ConnectionAssessment.Assess(site, containingSymbol, this, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

    /// <summary>Whether the connection rules need to look inside <paramref name="type"/> at all; decided on the text of its files.</summary>
    public bool MayHoldSites(INamedTypeSymbol type) => _siteFilter.Value.MayHoldSites(type);

    public TypeIndex GetTypeIndex(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        _types.GetOrAdd(type.OriginalDefinition, t => new Lazy<TypeIndex>(() => TypeIndex.Build(t, this, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

    /// <summary>
    /// What a method in source does with the connection passed as <paramref name="parameter"/>; computed once.
    /// PublicationOnly: two threads may both compute a summary (same result), but mutually recursive methods
    /// analysed on two threads can never deadlock, and a cancelled computation is not cached.
    /// </summary>
    public ParameterSummary GetParameterSummary(IParameterSymbol parameter, CancellationToken cancellationToken) =>
        _parameters.GetOrAdd(parameter.OriginalDefinition, p => new Lazy<ParameterSummary>(() => ConnectionFlow.ForParameter(p, this, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;
}
