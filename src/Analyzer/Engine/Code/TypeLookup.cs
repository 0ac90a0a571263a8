using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>
/// A type the rules may need, looked up by metadata name the first time it is asked for, then kept for the
/// compilation: thirty lookups up front cost more than the rules spend on a small project, and most projects never
/// need most of them. Looked up in its likely homes only (<see cref="TypeHomes"/>).
/// </summary>
internal sealed class TypeLookup
{
    private readonly Func<string, INamedTypeSymbol?> _lookup;
    private readonly string _metadataName;
    private INamedTypeSymbol? _type;
    private int _resolved;

    /// <summary><paramref name="lookup"/>: <see cref="TypeHomes.Framework"/> or <see cref="TypeHomes.Helper"/>.</summary>
    public TypeLookup(Func<string, INamedTypeSymbol?> lookup, string metadataName)
    {
        _lookup = lookup;
        _metadataName = metadataName;
    }

    public INamedTypeSymbol? Type
    {
        get
        {
            if (Volatile.Read(ref _resolved) == 0)
            {
                // Two threads may both look it up (same answer); no lock on the analyzers' hot path.
                _type = _lookup(_metadataName);
                Volatile.Write(ref _resolved, 1);
            }

            return _type;
        }
    }
}
