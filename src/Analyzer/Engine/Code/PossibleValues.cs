using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Code;

/// <summary>
/// The integers an expression can hold when the code fixes every one of them, for a value that arrives indirectly: a
/// conditional between constants, a local or field whose every write is one, the parameter of an in-source method
/// whose every call passes one. Empty when any of them cannot be proven (a guess would be a false finding).
/// </summary>
internal static class PossibleValues
{
    // Bounds that keep the search cheap: a handful of values, a few calls deep.
    private const int MaxValues = 8, MaxDepth = 3;

    /// <param name="value">The expression.</param>
    /// <param name="code">The compilation's code.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <param name="picksPerPath">
    /// Conditions under which a value is meant for one path only (an OS check, for option numbers): a value chosen by
    /// one, in a conditional or by an <c>if</c> around its write or call, makes the answer empty, because the set of
    /// values alone would lose which path each belongs to.
    /// </param>
    public static ImmutableArray<int> Integers(IOperation value, CodeContext code, CancellationToken cancellationToken, Func<IOperation, bool>? picksPerPath = null)
    {
        var found = new List<int>();
        return new Search(code, cancellationToken, found, picksPerPath).Collect(value, depth: 0) ? found.Distinct().ToImmutableArray() : ImmutableArray<int>.Empty;
    }

    private readonly struct Search
    {
        private readonly CodeContext _code;
        private readonly CancellationToken _cancellationToken;
        private readonly List<int> _found;
        private readonly Func<IOperation, bool>? _picksPerPath;

        public Search(CodeContext code, CancellationToken cancellationToken, List<int> found, Func<IOperation, bool>? picksPerPath)
        {
            _code = code;
            _cancellationToken = cancellationToken;
            _found = found;
            _picksPerPath = picksPerPath;
        }

        /// <summary>An <c>if</c> or conditional around <paramref name="operation"/> whose condition picks a path.</summary>
        private bool IsChosenPerPath(IOperation operation) => _picksPerPath is { } picks && operation.IsInBranchOf(picks);

        public bool Collect(IOperation? value, int depth)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (value is null || depth > MaxDepth || _found.Count >= MaxValues)
            {
                return false;
            }

            if (ConstantEvaluator.TryGetInteger(value) is { } constant)
            {
                _found.Add(unchecked((int)constant));
                return true;
            }

            return value.WalkDownConversions() switch
            {
                IConditionalOperation { WhenFalse: { } whenFalse } conditional => !(_picksPerPath?.Invoke(conditional.Condition) ?? false) &&
                                                                                    Collect(conditional.WhenTrue, depth) && Collect(whenFalse, depth),
                // Every hop to a variable's writes counts against the depth: `a = b; b = a;` must end.
                ILocalReferenceOperation local => Writes(local.Local, local.Root(), depth + 1),
                IFieldReferenceOperation field => Writes(field.Field, depth + 1),
                IParameterReferenceOperation parameter => Arguments(parameter.Parameter, depth),
                _ => false,
            };
        }

        /// <summary>Every value a local is given in its method: its initializer and its assignments.</summary>
        private bool Writes(ILocalSymbol local, IOperation body, int depth)
        {
            var any = false;
            foreach (var operation in body.Descendants())
            {
                if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    if (declarator.Initializer is { } initializer)
                    {
                        any = true;
                        if (!Collect(initializer.Value, depth))
                        {
                            return false;
                        }
                    }
                }
                else if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) &&
                         reference.IsWrittenTo() && !Assigned(reference, depth, ref any))
                {
                    return false;
                }
            }

            return any;
        }

        /// <summary>Every value a field of this compilation is given: its initializer and every assignment in source.</summary>
        private bool Writes(IFieldSymbol field, int depth)
        {
            if (field.DeclaringSyntaxReferences.IsEmpty || field.IsVolatile)
            {
                return false;
            }

            var any = false;
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(_cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
                {
                    any = true;
                    if (!Collect(_code.GetSemanticModel(initializer.SyntaxTree).GetOperation(initializer, _cancellationToken), depth))
                    {
                        return false;
                    }
                }
            }

            foreach (var name in _code.NamesSpelled(field, _cancellationToken))
            {
                var model = _code.GetSemanticModel(name.SyntaxTree);
                if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, _cancellationToken).Symbol?.OriginalDefinition, field.OriginalDefinition) &&
                    ReferenceOperation(model, name) is { } use && use.IsWrittenTo() && !Assigned(use, depth, ref any))
                {
                    return false;
                }
            }

            return any;
        }

        /// <summary>What every in-source call passes for <paramref name="parameter"/> (its default when a call omits it).</summary>
        private bool Arguments(IParameterSymbol parameter, int depth)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method || parameter.RefKind != RefKind.None ||
                _code.GetCallSites(method, _cancellationToken) is not { IsComplete: true, Invocations.IsEmpty: false } calls)
            {
                return false;
            }

            foreach (var call in calls.Invocations)
            {
                var argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal);
                if (argument is null || argument.ArgumentKind == ArgumentKind.ParamArray || IsChosenPerPath(call) || !Collect(argument.Value, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A plain assignment adds its value; any other write (compound, ref, out, increment) makes the value unknown.</summary>
        private bool Assigned(IOperation reference, int depth, ref bool any)
        {
            if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference && !IsChosenPerPath(assignment))
            {
                any = true;
                return Collect(assignment.Value, depth);
            }

            return false;
        }

        private IOperation? ReferenceOperation(SemanticModel model, SimpleNameSyntax name)
        {
            SyntaxNode node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            return model.GetOperation(node, _cancellationToken);
        }
    }
}
