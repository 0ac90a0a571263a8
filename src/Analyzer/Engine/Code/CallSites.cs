using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>
/// The calls of an in-source method found in the compilation. Incomplete when the method can also be reached in a way
/// the search cannot see: used as a delegate, overridable, implementing a public interface, or invoked by reflection.
/// </summary>
internal sealed class CallSites
{
    private static readonly CallSites Incomplete = new(ImmutableArray<IInvocationOperation>.Empty, isComplete: false);

    private CallSites(ImmutableArray<IInvocationOperation> invocations, bool isComplete)
    {
        Invocations = invocations;
        IsComplete = isComplete;
    }

    public ImmutableArray<IInvocationOperation> Invocations { get; }

    public bool IsComplete { get; }

    /// <summary>Finds the method's name in the files' text, then binds only the hits the syntax allows. Used only for sites already suspected.</summary>
    public static CallSites Find(IMethodSymbol method, CodeContext code, CancellationToken cancellationToken)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsVirtual || method.IsOverride || method.IsAbstract)
        {
            return Incomplete;
        }

        // A call through an interface the method implements may reach it too. Such calls are all in this compilation
        // only when the interface is not visible outside the assembly; then they count as calls of the method (calls
        // that another implementation answers only add values, never hide one).
        var interfaceMembers = InterfaceMembersOf(method);
        if (!method.ExplicitInterfaceImplementations.IsEmpty || !interfaceMembers.IsEmpty)
        {
            if (interfaceMembers.IsEmpty || interfaceMembers.Any(member => member.ContainingType.IsVisibleOutsideTheAssembly()))
            {
                return Incomplete;
            }
        }

        var builder = ImmutableArray.CreateBuilder<IInvocationOperation>();
        foreach (var name in NamesThatMayCall(method, interfaceMembers, code, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var invocationSyntax = InvocationOf(name);
            if (invocationSyntax is not null && !CanTake(method, invocationSyntax.ArgumentList.Arguments.Count) ||
                !CallSyntax.MayCall(name, method, method.ContainingType, code.HasGlobalAliases))
            {
                continue; // another overload or another method of that name: not worth binding its file for
            }

            var model = code.GetSemanticModel(name.SyntaxTree);
            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol as IMethodSymbol;
            symbol = (symbol?.ReducedFrom ?? symbol)?.OriginalDefinition;
            if (symbol is null ||
                !SymbolEqualityComparer.Default.Equals(symbol, method.OriginalDefinition) && !interfaceMembers.Contains(symbol, SymbolEqualityComparer.Default))
            {
                continue;
            }

            if (invocationSyntax is null ||
                model.GetOperation(invocationSyntax, cancellationToken) is not IInvocationOperation invocation)
            {
                return Incomplete; // a method group: called from somewhere the search cannot follow
            }

            builder.Add(invocation);
        }

        return new CallSites(builder.ToImmutable(), isComplete: true);
    }

    /// <summary>
    /// The names a call of <paramref name="method"/> can be spelled with: its own (unless it is an explicit interface
    /// implementation, which no call names) and those of the interface methods it implements, each where code can name it.
    /// </summary>
    private static IEnumerable<SimpleNameSyntax> NamesThatMayCall(IMethodSymbol method, ImmutableArray<IMethodSymbol> interfaceMembers, CodeContext code, CancellationToken cancellationToken)
    {
        var seen = new HashSet<SimpleNameSyntax>();
        var spellings = method.ExplicitInterfaceImplementations.IsEmpty ? interfaceMembers.Insert(0, method) : interfaceMembers;
        foreach (var spelling in spellings)
        {
            foreach (var name in code.NamesSpelled(spelling, cancellationToken))
            {
                if (seen.Add(name))
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>The interface methods <paramref name="method"/> implements (explicitly or implicitly).</summary>
    private static ImmutableArray<IMethodSymbol> InterfaceMembersOf(IMethodSymbol method)
    {
        var builder = ImmutableArray.CreateBuilder<IMethodSymbol>();
        builder.AddRange(method.ExplicitInterfaceImplementations.Select(member => member.OriginalDefinition));
        foreach (var @interface in method.ContainingType.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    builder.Add(member.OriginalDefinition);
                }
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Whether a call with <paramref name="count"/> arguments can bind to <paramref name="method"/> (a reduced extension call passes one fewer).</summary>
    private static bool CanTake(IMethodSymbol method, int count)
    {
        var parameters = method.Parameters;
        var required = parameters.Count(parameter => !parameter.IsOptional && !parameter.IsParams);
        var most = parameters.Any(parameter => parameter.IsParams) ? int.MaxValue : parameters.Length;
        return count <= most && (count >= required || (method.IsExtensionMethod && count >= required - 1));
    }

    private static InvocationExpressionSyntax? InvocationOf(SimpleNameSyntax name)
    {
        SyntaxNode expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access
            : name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name ? binding
            : name;
        return expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression ? invocation : null;
    }
}
