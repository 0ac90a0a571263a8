using System;
using System.Linq;
using System.Threading;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeepAliveAnalyzers.Engine.Platform;

/// <summary>
/// Reads a boolean expression as a platform check: <c>OperatingSystem.IsWindows()</c>,
/// <c>RuntimeInformation.IsOSPlatform(OSPlatform.Linux)</c>, <c>Environment.OSVersion.Platform == PlatformID.Win32NT</c>,
/// <c>Path.DirectorySeparatorChar == '\\'</c>, their negations and combinations, members marked
/// <c>[SupportedOSPlatformGuard]</c>, and a team's own helpers (a method, property, field or local whose value is
/// one of those; for members in metadata, a name such as <c>IsRunningOnWindows</c>).
/// </summary>
internal static class OsConditionEvaluator
{
    private const int MaxDepth = 4;

    public static OsCondition Evaluate(IOperation? condition, PlatformContext context, CancellationToken cancellationToken) =>
        Evaluate(condition, context, 0, cancellationToken);

    private static OsCondition Evaluate(IOperation? condition, PlatformContext context, int depth, CancellationToken cancellationToken)
    {
        if (condition is null || depth > MaxDepth)
        {
            return OsCondition.Unknown;
        }

        if (condition.ConstantValue is { HasValue: true, Value: bool constant })
        {
            return constant ? OsCondition.True : OsCondition.False;
        }

        switch (condition)
        {
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, context, depth, cancellationToken);
            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand, context, depth, cancellationToken);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Evaluate(not.Operand, context, depth, cancellationToken).Not();
            case IBinaryOperation binary:
                return Binary(binary, context, depth, cancellationToken);
            case IIsPatternOperation isPattern:
                return Pattern(isPattern.Value, isPattern.Pattern, context);
            case IInvocationOperation invocation:
                return Invocation(invocation, context, depth, cancellationToken);
            case IPropertyReferenceOperation property:
                return Member(property.Property, context, depth, cancellationToken);
            case IFieldReferenceOperation field:
                return Member(field.Field, context, depth, cancellationToken);
            case ILocalReferenceOperation local:
                return Local(local, context, depth, cancellationToken);
            default:
                return OsCondition.Unknown;
        }
    }

    /// <summary>Where the body of a switch section runs: <c>case PlatformID.Win32NT:</c> on <c>Environment.OSVersion.Platform</c>.</summary>
    public static OsCondition SwitchSection(IOperation value, ISwitchCaseOperation section, PlatformContext context, CancellationToken cancellationToken)
    {
        var where = OsCondition.False;
        foreach (var clause in section.Clauses)
        {
            where = where.Or(clause switch
            {
                ISingleValueCaseClauseOperation single => Comparison(value, single.Value, context, 0, cancellationToken),
                IPatternCaseClauseOperation { Guard: null } pattern => Pattern(value, pattern.Pattern, context),
                _ => OsCondition.Unknown, // default:, relational and guarded clauses
            });
        }

        return where;
    }

    private static OsCondition Binary(IBinaryOperation binary, PlatformContext context, int depth, CancellationToken cancellationToken)
    {
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And when IsBoolean(binary):
                return Evaluate(binary.LeftOperand, context, depth, cancellationToken).And(Evaluate(binary.RightOperand, context, depth, cancellationToken));
            case BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or when IsBoolean(binary):
                return Evaluate(binary.LeftOperand, context, depth, cancellationToken).Or(Evaluate(binary.RightOperand, context, depth, cancellationToken));
            case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                var equals = Comparison(binary.LeftOperand, binary.RightOperand, context, depth, cancellationToken);
                if (equals.IsUnknown)
                {
                    equals = Comparison(binary.RightOperand, binary.LeftOperand, context, depth, cancellationToken);
                }

                return binary.OperatorKind == BinaryOperatorKind.Equals ? equals : equals.Not();
            default:
                return OsCondition.Unknown;
        }
    }

    private static bool IsBoolean(IBinaryOperation binary) => binary.Type?.SpecialType == SpecialType.System_Boolean;

    /// <summary><c>x == constant</c>, read as "x is constant".</summary>
    private static OsCondition Comparison(IOperation value, IOperation constant, PlatformContext context, int depth, CancellationToken cancellationToken)
    {
        if (constant.ConstantValue is not { HasValue: true } known)
        {
            return OsCondition.Unknown;
        }

        if (known.Value is bool flag && value.Type?.SpecialType == SpecialType.System_Boolean)
        {
            var condition = Evaluate(value, context, depth, cancellationToken);
            return flag ? condition : condition.Not();
        }

        if (IsPlatformProperty(value, context))
        {
            return known.Value is int id ? PlatformIdCondition(id) : OsCondition.Unknown;
        }

        // char == char compares as int: the literal '\\' arrives as the constant 92 under a conversion.
        if (value.WalkDownConversions() is IFieldReferenceOperation { Field.Name: "DirectorySeparatorChar" } separator &&
            context.Is(separator.Field.ContainingType, context.Path) && constant.WalkDownConversions().ConstantValue.Value is char character)
        {
            return character == '\\' ? OsCondition.Exactly(OsFamily.Windows) : character == '/' ? OsCondition.Exactly(OsFamily.Unix) : OsCondition.Unknown;
        }

        return OsCondition.Unknown;
    }

    private static OsCondition Pattern(IOperation value, IPatternOperation pattern, PlatformContext context) => pattern switch
    {
        IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: int id } } when IsPlatformProperty(value, context) => PlatformIdCondition(id),
        INegatedPatternOperation negated => Pattern(value, negated.Pattern, context).Not(),
        _ => OsCondition.Unknown,
    };

    /// <summary><c>Environment.OSVersion.Platform</c>: any read of <c>System.OperatingSystem.Platform</c>.</summary>
    private static bool IsPlatformProperty(IOperation value, PlatformContext context) =>
        value.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "Platform" } property &&
        context.Is(property.Property.ContainingType, context.OperatingSystem) && context.Is(property.Type, context.PlatformId);

    // PlatformID: Win32S 0, Win32Windows 1, Win32NT 2, WinCE 3, Unix 4, Xbox 5, MacOSX 6, Other 7.
    // Modern .NET reports Win32NT on every Windows and Unix on Linux and macOS.
    private static OsCondition PlatformIdCondition(int id) => id switch
    {
        2 => OsCondition.Exactly(OsFamily.Windows),
        0 or 1 or 3 => OsCondition.OnlyOn(OsFamily.Windows),
        4 => OsCondition.Exactly(OsFamily.Unix),
        6 => OsCondition.OnlyOn(OsFamily.Apple),
        _ => OsCondition.Unknown,
    };

    private static OsCondition Invocation(IInvocationOperation invocation, PlatformContext context, int depth, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (context.Is(method.ContainingType, context.OperatingSystem))
        {
            return OperatingSystemCheck(method.Name, invocation);
        }

        if (context.Is(method.ContainingType, context.RuntimeInformation) && method.Name == "IsOSPlatform" && invocation.Arguments.Length == 1)
        {
            return PlatformCheck(OsPlatformArgument(invocation.Arguments[0].Value, context), exact: true);
        }

        return Member(method, context, depth, cancellationToken);
    }

    private static OsCondition OperatingSystemCheck(string name, IInvocationOperation invocation)
    {
        var exact = !name.EndsWith("VersionAtLeast", StringComparison.Ordinal);
        var platform = name switch
        {
            "IsOSPlatform" or "IsOSPlatformVersionAtLeast" when invocation.Arguments.Length > 0 &&
                invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string platformName } => platformName,
            _ when name.StartsWith("Is", StringComparison.Ordinal) => name.Substring(2).Replace("VersionAtLeast", string.Empty),
            _ => null,
        };
        return platform is null ? OsCondition.Unknown : PlatformCheck(platform, exact);
    }

    /// <summary>A check that is true on the named platform; exact (false everywhere else) unless it also asks for a version.</summary>
    private static OsCondition PlatformCheck(string? platform, bool exact)
    {
        if (platform is null)
        {
            return OsCondition.Unknown;
        }

        // IsMacOS() counts as exact too: its false branch could still be iOS, but keepalive code on iOS is not worth the noise.
        var family = OsFamilies.FromPlatformName(platform);
        var isWholeFamily = platform.Equals("windows", StringComparison.OrdinalIgnoreCase) || platform.Equals("linux", StringComparison.OrdinalIgnoreCase) ||
                            platform.Equals("freebsd", StringComparison.OrdinalIgnoreCase) || platform.Equals("macos", StringComparison.OrdinalIgnoreCase) ||
                            platform.Equals("osx", StringComparison.OrdinalIgnoreCase);
        return family == OsFamily.Other ? OsCondition.Unknown
            : exact && isWholeFamily ? OsCondition.Exactly(family)
            : OsCondition.OnlyOn(family);
    }

    /// <summary><c>OSPlatform.Windows</c> → "windows"; <c>OSPlatform.Create("LINUX")</c> → "linux".</summary>
    private static string? OsPlatformArgument(IOperation argument, PlatformContext context) => argument.WalkDownConversions() switch
    {
        IPropertyReferenceOperation property when context.Is(property.Property.ContainingType, context.OSPlatform) =>
            property.Property.Name == "OSX" ? "macos" : property.Property.Name,
        IInvocationOperation { TargetMethod.Name: "Create", Arguments.Length: 1 } create when context.Is(create.TargetMethod.ContainingType, context.OSPlatform) &&
            create.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name } => name.Equals("OSX", StringComparison.OrdinalIgnoreCase) ? "macos" : name,
        _ => null,
    };

    /// <summary>A boolean method, property or field: its platform-guard attribute, its source, or its name.</summary>
    private static OsCondition Member(ISymbol member, PlatformContext context, int depth, CancellationToken cancellationToken)
    {
        if (!IsBooleanMember(member))
        {
            return OsCondition.Unknown;
        }

        if (GuardAttribute(member) is { IsUnknown: false } attributed)
        {
            return attributed;
        }

        var fromSource = member.DeclaringSyntaxReferences.Length > 0 && depth < MaxDepth
            ? context.GetMemberCondition(member, m => FromSource(m, context, depth + 1, cancellationToken))
            : OsCondition.Unknown;
        return fromSource.IsUnknown ? FromName(member.Name) : fromSource;
    }

    private static bool IsBooleanMember(ISymbol member) => member switch
    {
        IMethodSymbol method => method.ReturnType.SpecialType == SpecialType.System_Boolean,
        IPropertySymbol property => property.Type.SpecialType == SpecialType.System_Boolean,
        IFieldSymbol field => field.Type.SpecialType == SpecialType.System_Boolean,
        _ => false,
    };

    /// <summary><c>[SupportedOSPlatformGuard("windows")]</c>: the member is true only on that platform.</summary>
    private static OsCondition GuardAttribute(ISymbol member)
    {
        var families = OsFamily.None;
        var excluded = OsFamily.None;
        foreach (var attribute in member.GetAttributes())
        {
            var name = attribute.AttributeClass?.Name;
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string platform)
            {
                continue;
            }

            if (name == "SupportedOSPlatformGuardAttribute")
            {
                families |= OsFamilies.FromPlatformName(platform);
            }
            else if (name == "UnsupportedOSPlatformGuardAttribute")
            {
                excluded |= OsFamilies.FromPlatformName(platform);
            }
        }

        return families != OsFamily.None ? OsCondition.OnlyOn(families)
            : excluded != OsFamily.None ? OsCondition.OnlyOn(OsFamily.All & ~excluded)
            : OsCondition.Unknown;
    }

    /// <summary>
    /// Names teams give their own checks when the body cannot be read (a referenced assembly) or says nothing the
    /// evaluator understands: IsWindows, IsRunningOnWindows, IsDotNetFramework (which only runs on Windows), IsLinux, IsMacOS.
    /// </summary>
    private static OsCondition FromName(string name)
    {
        if (name.IndexOf("Not", StringComparison.Ordinal) >= 0 || name.IndexOf("Non", StringComparison.Ordinal) >= 0)
        {
            return OsCondition.Unknown;
        }

        return name switch
        {
            _ when Contains(name, "Windows") || Contains(name, "NetFramework") || Contains(name, "FullFramework") => OsCondition.OnlyOn(OsFamily.Windows),
            _ when Contains(name, "Linux") => OsCondition.OnlyOn(OsFamily.Linux),
            _ when Contains(name, "MacOS") || Contains(name, "OSX") || Contains(name, "Darwin") => OsCondition.OnlyOn(OsFamily.Apple),
            _ when Contains(name, "FreeBSD") => OsCondition.OnlyOn(OsFamily.FreeBsd),
            _ => OsCondition.Unknown,
        };

        static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>The values an in-source member can produce: every return of a method or getter, or a readonly field's initializer.</summary>
    private static OsCondition FromSource(ISymbol member, PlatformContext context, int depth, CancellationToken cancellationToken)
    {
        if (member is IFieldSymbol { IsReadOnly: false, IsConst: false })
        {
            return OsCondition.Unknown; // a mutable field can hold anything by the time it is read
        }

        var result = (OsCondition?)null;
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var node = reference.GetSyntax(cancellationToken);
            var model = context.Code.GetSemanticModel(node.SyntaxTree);
            foreach (var value in ProducedValues(node, model, cancellationToken))
            {
                var condition = Evaluate(value, context, depth, cancellationToken);
                result = result is { } previous ? previous.Union(condition) : condition;
            }
        }

        return result ?? OsCondition.Unknown;
    }

    private static System.Collections.Generic.IEnumerable<IOperation> ProducedValues(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case VariableDeclaratorSyntax { Initializer: { } initializer }:
                if (model.GetOperation(initializer, cancellationToken) is IFieldInitializerOperation field)
                {
                    yield return field.Value;
                }

                yield break;
            case PropertyDeclarationSyntax { ExpressionBody: { } arrow }:
                if (model.GetOperation(arrow, cancellationToken) is { } arrowBody)
                {
                    foreach (var value in Returns(arrowBody))
                    {
                        yield return value;
                    }
                }

                yield break;
            case PropertyDeclarationSyntax { AccessorList: { } accessors } property:
                var getter = accessors.Accessors.FirstOrDefault(a => a.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GetAccessorDeclaration));
                if (getter is { Body: null, ExpressionBody: null })
                {
                    if (property.Initializer is { } propertyInitializer &&
                        model.GetOperation(propertyInitializer, cancellationToken) is IPropertyInitializerOperation initialized &&
                        !accessors.Accessors.Any(a => a.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SetAccessorDeclaration)))
                    {
                        yield return initialized.Value; // get-only auto-property with an initializer
                    }

                    yield break;
                }

                if (getter is not null && model.GetOperation(getter, cancellationToken) is { } getterBody)
                {
                    foreach (var value in Returns(getterBody))
                    {
                        yield return value;
                    }
                }

                yield break;
            case BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax:
                if (model.GetOperation(node, cancellationToken) is { } body)
                {
                    foreach (var value in Returns(body))
                    {
                        yield return value;
                    }
                }

                yield break;
        }
    }

    /// <summary>The returned values of a body, skipping nested lambdas and local functions.</summary>
    private static System.Collections.Generic.IEnumerable<IOperation> Returns(IOperation body)
    {
        var pending = new System.Collections.Generic.Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is IReturnOperation { ReturnedValue: { } value })
            {
                yield return value;
                continue;
            }

            foreach (var child in current.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary><c>var isWindows = OperatingSystem.IsWindows(); if (isWindows) ...</c>: a local written only by its declaration.</summary>
    private static OsCondition Local(ILocalReferenceOperation reference, PlatformContext context, int depth, CancellationToken cancellationToken)
    {
        var root = reference.Root();
        IOperation? initializer = null;
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    initializer = declarator.Initializer?.Value;
                    break;
                case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, reference.Local) && IsWrite(other):
                    return OsCondition.Unknown;
            }
        }

        return Evaluate(initializer, context, depth + 1, cancellationToken);
    }

    private static bool IsWrite(ILocalReferenceOperation reference) =>
        reference.IsDeclaration || reference.Parent switch
        {
            IAssignmentOperation assignment => assignment.Target == reference,
            IIncrementOrDecrementOperation => true,
            IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
            _ => false,
        };
}
