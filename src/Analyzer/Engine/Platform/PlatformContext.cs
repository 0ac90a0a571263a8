using System;
using System.Collections.Concurrent;
using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeepAliveAnalyzers.Engine.Platform;

/// <summary>
/// Per-compilation state of the platform questions (KA0005, KA0007): the target, the platform-check symbols and
/// caches of what in-source members and callers say about the platform. Created once, shared by the rules.
/// </summary>
internal sealed class PlatformContext
{
    private readonly ConcurrentDictionary<ISymbol, Lazy<OsCondition>> _members = new(SymbolEqualityComparer.Default);
    private readonly TypeLookup _operatingSystem;
    private readonly TypeLookup _runtimeInformation;
    private readonly TypeLookup _osPlatform;
    private readonly TypeLookup _platformId;
    private readonly TypeLookup _path;
    private readonly TypeLookup _platformNotSupportedException;
    private readonly TypeLookup _notSupportedException;
    private readonly TypeLookup _socketException;

    public PlatformContext(CodeContext code, KnownSymbols symbols, AnalyzerOptions options)
    {
        Code = code;
        Symbols = symbols;
        Func<string, INamedTypeSymbol?> framework = code.Homes.Framework;
        _operatingSystem = new(framework, "System.OperatingSystem");
        _runtimeInformation = new(framework, "System.Runtime.InteropServices.RuntimeInformation");
        _osPlatform = new(framework, "System.Runtime.InteropServices.OSPlatform");
        _platformId = new(framework, "System.PlatformID");
        _path = new(framework, "System.IO.Path");
        _platformNotSupportedException = new(framework, "System.PlatformNotSupportedException");
        _notSupportedException = new(framework, "System.NotSupportedException");
        _socketException = new(framework, "System.Net.Sockets.SocketException");
        Target = TargetPlatform.Read(options, () => OperatingSystem);
    }

    public CodeContext Code { get; }

    public KnownSymbols Symbols { get; }

    public Compilation Compilation => Code.Compilation;

    public TargetPlatform Target { get; }

    public INamedTypeSymbol? OperatingSystem => _operatingSystem.Type;
    public INamedTypeSymbol? RuntimeInformation => _runtimeInformation.Type;
    public INamedTypeSymbol? OSPlatform => _osPlatform.Type;
    public INamedTypeSymbol? PlatformId => _platformId.Type;
    public INamedTypeSymbol? Path => _path.Type;
    public INamedTypeSymbol? PlatformNotSupportedException => _platformNotSupportedException.Type;
    public INamedTypeSymbol? NotSupportedException => _notSupportedException.Type;
    public INamedTypeSymbol? SocketException => _socketException.Type;

    /// <summary>
    /// True when CA1416 reports Windows-only API uses in <paramref name="tree"/>: a .NET 5+ target (only those reference
    /// assemblies carry the annotations) where CA1416 is not switched off (<c>/nowarn</c>, a ruleset, a global config or
    /// an .editorconfig section setting it to none or silent).
    /// </summary>
    public bool IsCoveredByCA1416(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!Target.IsNet5OrLater)
        {
            return false;
        }

        var options = Compilation.Options;
        if (options.SpecificDiagnosticOptions.TryGetValue(CA1416, out var specific) && IsOff(specific))
        {
            return false;
        }

        var provider = options.SyntaxTreeOptionsProvider;
        return provider is null ||
               !(provider.TryGetDiagnosticValue(tree, CA1416, cancellationToken, out var perTree) && IsOff(perTree) ||
                 provider.TryGetGlobalDiagnosticValue(CA1416, cancellationToken, out var global) && IsOff(global));

        static bool IsOff(ReportDiagnostic severity) => severity is ReportDiagnostic.Suppress or ReportDiagnostic.Hidden;
    }

    private const string CA1416 = "CA1416";

    public bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    /// <summary>What an in-source boolean member (method, property, field) says about the platform; computed once.</summary>
    public OsCondition GetMemberCondition(ISymbol member, Func<ISymbol, OsCondition> compute) =>
        _members.GetOrAdd(member.OriginalDefinition, m => new Lazy<OsCondition>(() => compute(m), LazyThreadSafetyMode.PublicationOnly)).Value;

    /// <summary>Every call of an in-source method in this compilation; computed once per method.</summary>
    public CallSites GetCallSites(IMethodSymbol method, CancellationToken cancellationToken) => Code.GetCallSites(method, cancellationToken);
}
