using System;
using System.Runtime.CompilerServices;
using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Connections;
using KeepAliveAnalyzers.Engine.Platform;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Engine;

/// <summary>
/// The one entry to the engine for a compilation: its three layers, each created on first use and shared by every
/// rule (the rules ask the same questions about the same code; answering them once keeps the package close to free).
/// Layers depend one way: <see cref="Sockets"/> (what a call does to a socket) ← <see cref="Platform"/> (where code
/// can run) ← <see cref="Connections"/> (what a connection's life is), all reading code through <see cref="Code"/>.
/// </summary>
internal sealed class EngineContext
{
    private static readonly ConditionalWeakTable<Compilation, EngineContext> Cache = new();
    private static readonly object CreateLock = new();

    private readonly Lazy<PlatformContext> _platform;
    private readonly Lazy<ConnectionsContext> _connections;

    private EngineContext(CodeContext code, KnownSymbols symbols, AnalyzerOptions options)
    {
        Sockets = new SocketsContext(code, symbols, options);
        _platform = new(() => new PlatformContext(code, symbols, options), LazyThreadSafetyMode.ExecutionAndPublication);
        _connections = new(() => new ConnectionsContext(Sockets, _platform), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public CodeContext Code => Sockets.Code;

    public SocketsContext Sockets { get; }

    public KnownSymbols Symbols => Sockets.Symbols;

    public PlatformContext Platform => _platform.Value;

    public ConnectionsContext Connections => _connections.Value;

    public Compilation Compilation => Code.Compilation;

    /// <summary>The engine for <paramref name="compilation"/>, or null when it has no sockets to look at (the free bail-out).</summary>
    public static EngineContext? Get(Compilation compilation, AnalyzerOptions options)
    {
        if (Cache.TryGetValue(compilation, out var existing))
        {
            return existing;
        }

        // Callers racing on a new compilation (tests, tools hosting several analyzers) wait for one build.
        lock (CreateLock)
        {
            if (Cache.TryGetValue(compilation, out existing))
            {
                return existing;
            }

            var code = new CodeContext(compilation);
            if (KnownSymbols.TryCreate(compilation, code.Homes) is not { } symbols)
            {
                return null;
            }

            var created = new EngineContext(code, symbols, options);
            Cache.Add(compilation, created);
            return created;
        }
    }
}
