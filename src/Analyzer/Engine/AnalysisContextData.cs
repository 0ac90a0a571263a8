using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Engine;

/// <summary>
/// Everything the rules know about one compilation, created once and shared by every KA analyzer (the rules ask
/// the same questions about the same connections; answering them once keeps the package close to free).
/// </summary>
internal sealed class AnalysisContextData
{
    private static readonly ConditionalWeakTable<Compilation, AnalysisContextData> Cache = new();
    private static readonly object CreateLock = new();

    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<SyntaxTree, string> _sources = new();
    private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<TypeIndex>> _types = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxNode, Lazy<ConnectionAssessment?>> _assessments = new();
    private readonly ConcurrentDictionary<IParameterSymbol, Lazy<ParameterSummary>> _parameters = new(SymbolEqualityComparer.Default);

    private readonly AnalyzerOptions _options;

    private readonly Lazy<ImmutableHashSet<IMethodSymbol>> _configurationMethods;
    private readonly Lazy<SiteTextFilter> _siteFilter;

    private AnalysisContextData(KnownSymbols symbols, AnalyzerOptions options)
    {
        Symbols = symbols;
        _options = options;
        // Read on the first keepalive call classified: it asks every tree's options, which a project without
        // connections never needs.
        _configurationMethods = new Lazy<ImmutableHashSet<IMethodSymbol>>(
            () => ConfigurationMethodsOption.Read(symbols.Compilation, options, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        _siteFilter = new Lazy<SiteTextFilter>(
            () => SiteTextFilter.Create(symbols.Compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The platform questions' shared state (target platforms, OS-check symbols), created on first use.</summary>
    public PlatformContext Platform => PlatformContext.Get(Compilation, _options)!;

    public KnownSymbols Symbols { get; }

    /// <summary>The team's own configuration helpers, from <c>dotnet_code_quality.KA0001.configuration_methods</c>.</summary>
    public ImmutableHashSet<IMethodSymbol> ConfigurationMethods => _configurationMethods.Value;

    public Compilation Compilation => Symbols.Compilation;

    /// <summary>The shared data for <paramref name="compilation"/>, or null when it has no sockets to look at.</summary>
    public static AnalysisContextData? Get(Compilation compilation, AnalyzerOptions options)
    {
        if (Cache.TryGetValue(compilation, out var existing))
        {
            return existing;
        }

        // Eight analyzers start on the same compilation at once: one of them builds the data, the others wait for it.
        lock (CreateLock)
        {
            if (Cache.TryGetValue(compilation, out existing))
            {
                return existing;
            }

            if (KnownSymbols.TryCreate(compilation) is not { } symbols)
            {
                return null;
            }

            var created = new AnalysisContextData(symbols, options);
            Cache.Add(compilation, created);
            return created;
        }
    }

    public SemanticModel GetSemanticModel(SyntaxTree tree) =>
#pragma warning disable RS1030 // Only for the few bodies the analysis follows into, once per tree per compilation (cached here).
        _models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    /// <summary>
    /// A file's text as one string, for the name searches in the files of socket-holding types (no copy for most
    /// files: their text is one string already; a large file's copy is kept only for those files).
    /// </summary>
    public string SourceOf(SyntaxTree tree, CancellationToken cancellationToken) =>
        _sources.GetOrAdd(tree, t => t.GetText(cancellationToken).ToString());

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
