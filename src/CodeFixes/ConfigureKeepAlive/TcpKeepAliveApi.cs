using System.Linq;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>The <c>KeepAlive.TcpKeepAlive.Configure</c> overloads a compilation can call.</summary>
internal sealed class TcpKeepAliveApi
{
    public const string Namespace = "KeepAlive";
    public const string TypeName = "TcpKeepAlive";
    public const string MethodName = "Configure";

    /// <summary>The pass-through form, <c>Configured(x)</c>, which returns <c>x</c> and finishes a not yet connected socket once it connects.</summary>
    public const string WrapMethodName = "Configured";

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol? _tcpClient;
    private readonly IMethodSymbol[] _overloads;
    private readonly IMethodSymbol[] _wraps;

    private TcpKeepAliveApi(Compilation compilation, INamedTypeSymbol type, INamedTypeSymbol? tcpClient)
    {
        _compilation = compilation;
        Type = type;
        _tcpClient = tcpClient;
        _overloads = Callable(compilation, type, MethodName);
        _wraps = Callable(compilation, type, WrapMethodName)
            .Where(m => SymbolEqualityComparer.Default.Equals(m.ReturnType, m.Parameters[0].Type))
            .ToArray();
    }

    /// <summary>Static overloads taking the connection and optional rest, callable from this compilation.</summary>
    private static IMethodSymbol[] Callable(Compilation compilation, INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IMethodSymbol>()
            .Where(m => m.IsStatic && m.Parameters.Length >= 1 && m.Parameters.Skip(1).All(p => p.IsOptional) &&
                        compilation.IsSymbolAccessibleWithin(m, compilation.Assembly))
            .ToArray();

    /// <summary>
    /// Whether <c>Configured(e)</c> can stand where an expression of <paramref name="type"/> stands: an overload takes
    /// exactly that type and returns it, so the surrounding code sees the same type (an older KeepAlive.Runtime has none).
    /// </summary>
    public bool CanWrap(ITypeSymbol type) =>
        _wraps.Any(m => SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, type));

    /// <summary><c>KeepAlive.TcpKeepAlive</c> as the compilation sees it.</summary>
    public INamedTypeSymbol Type { get; }

    /// <summary>
    /// Null when <c>KeepAlive.TcpKeepAlive</c> does not resolve or cannot be called: the project does not reference
    /// KeepAlive.Runtime. Looked up where the analyzers look it up (<see cref="KnownSymbols.TcpKeepAlive"/>).
    /// </summary>
    public static TcpKeepAliveApi? Resolve(KnownSymbols symbols) =>
        symbols.TcpKeepAlive is { } type && symbols.Compilation.IsSymbolAccessibleWithin(type, symbols.Compilation.Assembly)
            ? new TcpKeepAliveApi(symbols.Compilation, type, symbols.TcpClient)
            : null;

    /// <summary>
    /// The argument that hands <paramref name="holder"/> (of type <paramref name="holderType"/>) to an overload:
    /// the holder itself, or <c>holder.Client</c> for a TcpClient when only a Socket overload exists; null when none fits.
    /// </summary>
    public ExpressionSyntax? ArgumentFor(ExpressionSyntax holder, ITypeSymbol holderType)
    {
        if (Accepts(holderType))
        {
            return holder;
        }

        var socket = _tcpClient?.GetMembers("Client").OfType<IPropertySymbol>().FirstOrDefault()?.Type;
        return socket is not null && _tcpClient is not null && IsReferenceConvertible(holderType, _tcpClient) && Accepts(socket)
            ? SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, holder, SyntaxFactory.IdentifierName("Client"))
            : null;
    }

    private bool Accepts(ITypeSymbol argumentType) => _overloads.Any(m => IsReferenceConvertible(argumentType, m.Parameters[0].Type));

    private bool IsReferenceConvertible(ITypeSymbol from, ITypeSymbol to) =>
        _compilation.ClassifyConversion(from, to) is { IsImplicit: true } conversion && (conversion.IsIdentity || conversion.IsReference);
}
