using System;
using System.Collections.Immutable;
using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Engine.Sockets;

/// <summary>The sockets layer's state for one compilation: the socket types and the team's own configuration methods.</summary>
internal sealed class SocketsContext
{
    private readonly Lazy<ImmutableHashSet<IMethodSymbol>> _configurationMethods;

    public SocketsContext(CodeContext code, KnownSymbols symbols, AnalyzerOptions options)
    {
        Code = code;
        Symbols = symbols;
        // Read on the first keepalive call classified: it asks every tree's options, which a project without
        // connections never needs.
        _configurationMethods = new Lazy<ImmutableHashSet<IMethodSymbol>>(
            () => ConfigurationMethodsOption.Read(code.Compilation, options, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public CodeContext Code { get; }

    public KnownSymbols Symbols { get; }

    /// <summary>The team's own configuration helpers, from <c>dotnet_code_quality.KA0001.configuration_methods</c>.</summary>
    public ImmutableHashSet<IMethodSymbol> ConfigurationMethods => _configurationMethods.Value;
}
