using System.Threading;
using Microsoft.CodeAnalysis;

namespace KeepAliveAnalyzers.Engine;

/// <summary>
/// A type the rules may need, looked up by metadata name the first time it is asked for, then kept for the
/// compilation. <see cref="Compilation.GetTypeByMetadataName"/> searches every referenced assembly (about half a
/// millisecond each on the 168 references of a .NET 10 project): thirty of them up front cost more than the rules
/// spend on a small project, and most projects never need most of them.
/// </summary>
internal sealed class TypeLookup
{
    private readonly Compilation _compilation;
    private readonly string _metadataName;
    private readonly IAssemblySymbol? _likelyHome;
    private INamedTypeSymbol? _type;
    private int _resolved;

    /// <summary><paramref name="likelyHome"/>: the assembly to try first (a sibling type's); the compilation is searched when it does not define the type.</summary>
    public TypeLookup(Compilation compilation, string metadataName, IAssemblySymbol? likelyHome = null)
    {
        _compilation = compilation;
        _metadataName = metadataName;
        _likelyHome = likelyHome;
    }

    public INamedTypeSymbol? Type
    {
        get
        {
            if (Volatile.Read(ref _resolved) == 0)
            {
                // Two threads may both look it up (same answer); no lock on the analyzers' hot path.
                _type = _likelyHome?.GetTypeByMetadataName(_metadataName) ?? _compilation.GetTypeByMetadataName(_metadataName);
                Volatile.Write(ref _resolved, 1);
            }

            return _type;
        }
    }
}
