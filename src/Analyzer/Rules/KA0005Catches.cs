using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Platform;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Rules;

/// <summary>
/// The try/catch side of KA0005: a catch that expects the PlatformNotSupportedException of
/// <c>IOControl(KeepAliveValues)</c>, and whether it does anything about it.
/// </summary>
internal static class KA0005Catches
{
    /// <summary>
    /// True when <paramref name="operation"/> sits in the body of a try whose catch expects its PlatformNotSupportedException:
    /// <c>catch (PlatformNotSupportedException)</c> or <c>catch (NotSupportedException)</c>, or a catch-all around nothing but keepalive setup.
    /// </summary>
    public static bool IsExpectedByCatch(IOperation operation, PlatformContext context) =>
        operation.EnclosingTries().Any(@try => @try.Catches.Any(@catch => !Rethrows(@catch) && ExpectsPlatformFailure(@catch, @try, context)));

    /// <summary>A handler that throws (rethrows or wraps) lets the failure reach the caller: the call still fails on Linux.</summary>
    private static bool Rethrows(ICatchClauseOperation @catch)
    {
        foreach (var statement in @catch.Handler.Operations)
        {
            if (statement is IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="operation"/> sits in the body of a try with a catch that also takes SocketException.</summary>
    public static bool IsSocketFailureCaught(IOperation operation, PlatformContext context) =>
        operation.EnclosingTries().Any(@try => @try.Catches.Any(@catch => Catches(@catch.ExceptionType, context.SocketException)));

    public static bool ExpectsPlatformFailure(ICatchClauseOperation @catch, ITryOperation @try, PlatformContext context)
    {
        var type = @catch.ExceptionType;
        if (context.Is(type, context.PlatformNotSupportedException) || context.Is(type, context.NotSupportedException))
        {
            return true;
        }

        return Catches(type, context.PlatformNotSupportedException) && OnlyKeepAliveSetup(@try.Body, context);
    }

    /// <summary>A catch whose type is <paramref name="exception"/> or one of its base types (a catch-all is <c>object</c>).</summary>
    private static bool Catches(ITypeSymbol? caught, INamedTypeSymbol? exception)
    {
        if (caught is null || caught.SpecialType == SpecialType.System_Object)
        {
            return true;
        }

        for (var type = exception; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, caught))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The handler does nothing about the failure: empty, a bare <c>return;</c>, or only logging calls (a method, its
    /// type or its receiver named like Log, Trace, Debug, Console, Write, Warn, Print).
    /// </summary>
    public static bool Swallows(ICatchClauseOperation @catch)
    {
        foreach (var statement in @catch.Handler.Operations)
        {
            var swallowing = statement switch
            {
                IEmptyOperation => true,
                IReturnOperation { ReturnedValue: null } => true,
                IExpressionStatementOperation { Operation: var expression } => IsLogging(expression),
                _ => false,
            };
            if (!swallowing)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly string[] LoggingWords = { "Log", "Trace", "Debug", "Console", "Write", "Warn", "Print" };

    /// <summary><c>_logger.LogWarning(…)</c>, <c>Debug.WriteLine(…)</c>, <c>Logger?.Invoke(…)</c> (a logging delegate).</summary>
    private static bool IsLogging(IOperation expression) => expression switch
    {
        IInvocationOperation invocation =>
            HasLoggingWord(invocation.TargetMethod.Name) || HasLoggingWord(invocation.TargetMethod.ContainingType?.Name) ||
            HasLoggingWord(invocation.Instance?.Type?.Name) || HasLoggingWord(NameOf(invocation.Instance)),
        IConditionalAccessOperation access => IsLogging(access.WhenNotNull),
        _ => false,
    };

    /// <summary>The name of the variable or member a receiver reads (<c>Logger</c> in <c>Logger?.Invoke</c>).</summary>
    private static string? NameOf(IOperation? receiver)
    {
        if (receiver is IConditionalAccessInstanceOperation)
        {
            for (var current = receiver.Parent; current is not null; current = current.Parent)
            {
                if (current is IConditionalAccessOperation access)
                {
                    receiver = access.Operation;
                    break;
                }
            }
        }

        return receiver?.WalkDownConversions() switch
        {
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };
    }

    private static bool HasLoggingWord(string? name)
    {
        if (name is null)
        {
            return false;
        }

        foreach (var word in LoggingWords)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The <c>IOControl(KeepAliveValues)</c> calls the try body makes, directly or through one in-source helper
    /// (<c>try { SetKeepAliveValues(socket); } catch (PlatformNotSupportedException) { }</c>).
    /// </summary>
    public static IEnumerable<(IInvocationOperation IoControl, IInvocationOperation? Through)> KeepAliveIoControls(
        IOperation body, PlatformContext context, CancellationToken cancellationToken)
    {
        foreach (var invocation in body.InvocationsOutsideNestedFunctions())
        {
            if (IsKeepAliveValues(invocation, context))
            {
                yield return (invocation, null);
            }
            else if (HelperBody(invocation.TargetMethod, context, cancellationToken) is { } helper)
            {
                foreach (var inner in helper.InvocationsOutsideNestedFunctions())
                {
                    if (IsKeepAliveValues(inner, context))
                    {
                        yield return (inner, invocation);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Nothing but socket option calls and buffer building: a catch-all there can only be about the options. Helpers are
    /// not followed here (every empty <c>catch (Exception)</c> of a code base would otherwise open the bodies it calls).
    /// </summary>
    private static bool OnlyKeepAliveSetup(IOperation body, PlatformContext context)
    {
        foreach (var invocation in body.InvocationsOutsideNestedFunctions())
        {
            var method = invocation.TargetMethod;
            var allowed =
                context.Symbols.IsSocket(method.ContainingType) && method.Name is "SetSocketOption" or "IOControl" or "SetRawSocketOption" or "GetSocketOption" ||
                method.ContainingType?.ContainingNamespace?.ToDisplayString() is "System" or "System.Buffers.Binary" &&
                method.ContainingType.Name is "BitConverter" or "Array" or "Buffer" or "BinaryPrimitives";
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The body of an ordinary in-source method, for following one level of helper.</summary>
    public static IOperation? HelperBody(IMethodSymbol method, PlatformContext context, CancellationToken cancellationToken)
    {
        method = method.ReducedFrom ?? method;
        if (method.MethodKind != MethodKind.Ordinary || method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        return context.Code.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken);
    }

    private static bool IsKeepAliveValues(IInvocationOperation invocation, PlatformContext context) =>
        SocketOptionCall.TryCreate(invocation, context.Symbols.Socket) is { Kind: SocketOptionCallKind.KeepAliveValues };
}
