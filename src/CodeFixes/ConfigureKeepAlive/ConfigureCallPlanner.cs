using System.Linq;
using System.Threading;
using KeepAliveAnalyzers.Engine;
using KeepAliveAnalyzers.Engine.Code;
using KeepAliveAnalyzers.Engine.Connections;
using KeepAliveAnalyzers.Engine.Sockets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace KeepAliveAnalyzers.CodeFixes.ConfigureKeepAlive;

/// <summary>
/// Decides, for one KA0001 diagnostic, where <c>TcpKeepAlive.Configure(x);</c> can go, or that it cannot go anywhere
/// safely (no variable holds the connection, a field initializer, a connect that cannot be followed).
/// </summary>
internal sealed class ConfigureCallPlanner
{
    private readonly SemanticModel _model;
    private readonly TcpKeepAliveApi _api;
    private readonly KnownSymbols _symbols;
    private readonly CancellationToken _cancellationToken;

    private ConfigureCallPlanner(SemanticModel model, TcpKeepAliveApi api, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        _model = model;
        _api = api;
        _symbols = symbols;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The helper the planned calls go to.</summary>
    public TcpKeepAliveApi Api => _api;

    /// <summary>Null when the compilation cannot call <c>TcpKeepAlive.Configure</c>.</summary>
    public static ConfigureCallPlanner? Create(SemanticModel model, CancellationToken cancellationToken) =>
        KnownSymbols.TryCreate(model.Compilation) is { } symbols && TcpKeepAliveApi.Resolve(symbols) is { } api
            ? new ConfigureCallPlanner(model, api, symbols, cancellationToken)
            : null;

    public ConfigureCallPlan? Plan(TextSpan diagnosticSpan)
    {
        var root = _model.SyntaxTree.GetRoot(_cancellationToken);
        if (SiteAt(root, diagnosticSpan) is not { } siteSyntax ||
            _model.GetOperation(siteSyntax, _cancellationToken) is not { } operation ||
            KindOf(operation) is not { } kind)
        {
            return null;
        }

        var connected = kind switch
        {
            SiteKind.CreatedConnected or SiteKind.Accepted => true,
            SiteKind.CreatedUnconnected => false,
            _ => (bool?)null, // accepted into SocketAsyncEventArgs or through a method group: no variable here
        };
        return connected is { } isConnected ? PlanForValue(operation, isConnected) ?? PlanWrap(operation) : null;
    }

    /// <summary>
    /// Where no statement can follow the connect or accept (the connection is passed straight into a call or a
    /// constructor initializer, returned, connected by code the fix cannot follow), the expression that produces it
    /// becomes <c>TcpKeepAlive.Configured(e)</c>: configured the moment it exists, before anything else sees it; a
    /// socket not connected yet gets its user timeout from the helper once it connects.
    /// </summary>
    private ConfigureCallPlan? PlanWrap(IOperation site)
    {
        var value = ConnectionValue(site);
        if (value?.Type is not { } type || value.Syntax is not ExpressionSyntax syntax || IsInExpressionTree(syntax))
        {
            return null;
        }

        var argument = syntax is ImplicitObjectCreationExpressionSyntax implicitNew ? Spelled(implicitNew, type) : syntax;
        return new ConfigureCallPlan(InsertionKind.Wrap, syntax, argument);
    }

    /// <summary>
    /// The innermost expression whose value is the connection itself: the creation or accept, or the <c>await</c> (and
    /// <c>.GetAwaiter().GetResult()</c>, <c>.Result</c>) around an asynchronous accept.
    /// </summary>
    private IOperation? ConnectionValue(IOperation site)
    {
        var current = site;
        while (current.Type is not { } type || !_api.CanWrap(type))
        {
            if (current.Parent is not { } parent ||
                parent is not (IAwaitOperation or IParenthesizedOperation) && !Engine.Code.OperationExtensions.IsTaskPassThrough(parent, current))
            {
                return null; // the value went into something else before it was a Socket or TcpClient
            }

            current = parent;
        }

        return current;
    }

    /// <summary>A lambda converted to an expression tree cannot call a method with optional parameters (CS0854).</summary>
    private bool IsInExpressionTree(SyntaxNode node) =>
        node.Ancestors().OfType<LambdaExpressionSyntax>().Any(lambda =>
            _model.GetTypeInfo(lambda, _cancellationToken).ConvertedType is INamedTypeSymbol { Name: "Expression", ContainingNamespace: { Name: "Expressions" } });

    /// <summary><c>new(args)</c> as <c>new T(args)</c>: inside <c>Configured(…)</c> it would have two overloads to target.</summary>
    private ExpressionSyntax Spelled(ImplicitObjectCreationExpressionSyntax implicitNew, ITypeSymbol type) =>
        SyntaxFactory.ObjectCreationExpression(
            SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
            SyntaxFactory.ParseTypeName(type.ToMinimalDisplayString(_model, implicitNew.SpanStart)),
            implicitNew.ArgumentList,
            implicitNew.Initializer);

    /// <summary>
    /// What the site is. A <c>new Socket(…)</c> the diagnostic sits on is a TCP connection: the analyzer proved it,
    /// possibly from values at a factory's calls (<c>new Socket(family, type, protocol)</c>) that a look at this
    /// expression alone cannot see.
    /// </summary>
    private SiteKind? KindOf(IOperation operation) =>
        ConnectionSite.TryGet(operation, _symbols, out var site) ? site.Kind
        : operation is IObjectCreationOperation creation && _symbols.IsSocketOrDerived(creation.Type) ? SiteKind.CreatedUnconnected
        : null;

    /// <summary>The creation or accept expression the diagnostic is reported on.</summary>
    private static ExpressionSyntax? SiteAt(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf()
            .TakeWhile(node => node.Span == span)
            .OfType<ExpressionSyntax>()
            .FirstOrDefault(node => node is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax);

    private ConfigureCallPlan? PlanForValue(IOperation site, bool connected)
    {
        switch (site.ValueConsumer(out var carrier))
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Syntax: VariableDeclaratorSyntax declaratorSyntax } declarator }:
                var local = new ConnectionHolder(declarator.Symbol, declarator.Symbol.Type, SyntaxFactory.IdentifierName(declarator.Symbol.Name), _model, _cancellationToken);
                return declaratorSyntax.Parent?.Parent switch
                {
                    LocalDeclarationStatementSyntax statement => AfterStatement(statement, local, connected),
                    UsingStatementSyntax @using => AtStartOfUsing(@using, local, connected),
                    _ => null, // for, fixed
                };
            case ISimpleAssignmentOperation assignment when assignment.Value == carrier &&
                                                            assignment.Syntax is AssignmentExpressionSyntax assignmentSyntax &&
                                                            HolderOf(assignment.Target, assignmentSyntax.Left) is { } holder:
                return assignmentSyntax.Parent switch
                {
                    ExpressionStatementSyntax statement => AfterStatement(statement, holder, connected),
                    ArrowExpressionClauseSyntax { Parent: { } member } when connected => InExpressionBody(member, holder),
                    LambdaExpressionSyntax lambda when connected && lambda.ExpressionBody == assignmentSyntax => InExpressionBody(lambda, holder),
                    _ => null, // inside a condition, an argument, a using header
                };
            case IFieldInitializerOperation { InitializedFields: { Length: 1 } fields } when !connected:
                return AfterTheOneConnectOf(fields[0]);
            default:
                return null; // passed straight into a call, returned, created connected in a field initializer, base(...) arguments
        }
    }

    /// <summary>
    /// <c>private readonly TcpClient _client = new();</c> connected later in a method of the type: the call goes after
    /// that connect, when the type's code in this file connects the field in exactly one statement that always
    /// completes (two connects would need two calls, one code action makes one edit; another file is not edited).
    /// </summary>
    private ConfigureCallPlan? AfterTheOneConnectOf(IFieldSymbol field)
    {
        var holder = new ConnectionHolder(field, field.Type, SyntaxFactory.IdentifierName(field.Name), _model, _cancellationToken);
        StatementSyntax? found = null;
        var connects = 0;
        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != _model.SyntaxTree)
            {
                return null; // a part of the type in another file may connect it too
            }

            var type = reference.GetSyntax(_cancellationToken);
            connects += ConnectStatementFinder.CountConnects(type, holder);
            foreach (var block in type.DescendantNodes().OfType<BlockSyntax>())
            {
                if (ConnectStatementFinder.Find(block.Statements, holder) is not { } connect || connect == found)
                {
                    continue;
                }

                if (found is not null || !NamesTheField(connect, field))
                {
                    return null;
                }

                found = connect;
            }
        }

        return found is null || connects != 1 ? null : Plan(InsertionKind.AfterStatement, StatementLists.AfterConfigureCalls(StatementLists.Placed(found)), holder);
    }

    /// <summary>The field's bare name still means the field after <paramref name="statement"/> (no local or parameter hides it).</summary>
    private bool NamesTheField(StatementSyntax statement, IFieldSymbol field) =>
        SymbolEqualityComparer.Default.Equals(
            _model.GetSpeculativeSymbolInfo(statement.Span.End, SyntaxFactory.IdentifierName(field.Name), SpeculativeBindingOption.BindAsExpression).Symbol,
            field);

    /// <summary>Locals, parameters and members reached through <c>this</c> or other plain names: reading them again is free of side effects.</summary>
    private ConnectionHolder? HolderOf(IOperation target, ExpressionSyntax syntax)
    {
        var symbol = target switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field when IsPlainInstance(field.Instance) => field.Field,
            IPropertyReferenceOperation { Property: { IsIndexer: false, GetMethod: not null } } property when IsPlainInstance(property.Instance) => property.Property,
            _ => (ISymbol?)null,
        };
        return symbol is null || target.Type is null
            ? null
            : new ConnectionHolder(symbol, target.Type, syntax.WithoutTrivia(), _model, _cancellationToken);
    }

    private static bool IsPlainInstance(IOperation? instance) => instance switch
    {
        null or IInstanceReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation => true,
        IFieldReferenceOperation field => IsPlainInstance(field.Instance),
        IPropertyReferenceOperation { Property.IsIndexer: false } property => IsPlainInstance(property.Instance),
        _ => false,
    };

    private ConfigureCallPlan? AfterStatement(StatementSyntax statement, ConnectionHolder holder, bool connected)
    {
        var placed = StatementLists.Placed(statement);
        // An unconnected socket is configured once connected; only a statement list shows what follows it.
        var anchor = connected ? placed
            : ConnectStatementFinder.Find(StatementLists.Following(placed), holder) is { } connect ? StatementLists.Placed(connect)
            : null;
        return anchor is null ? null : Plan(InsertionKind.AfterStatement, StatementLists.AfterConfigureCalls(anchor), holder);
    }

    /// <summary><c>using (var c = …) { … }</c>: the call opens the body (after the connect for an unconnected socket).</summary>
    private ConfigureCallPlan? AtStartOfUsing(UsingStatementSyntax @using, ConnectionHolder holder, bool connected)
    {
        if (!connected)
        {
            return @using.Statement is BlockSyntax body && ConnectStatementFinder.Find(body.Statements, holder) is { } connect
                ? Plan(InsertionKind.AfterStatement, StatementLists.AfterConfigureCalls(StatementLists.Placed(connect)), holder)
                : null;
        }

        var statement = @using.Statement;
        while (statement is UsingStatementSyntax { Statement: var inner })
        {
            statement = inner; // using (var c = …) using (var s = c.GetStream()) { … }: the innermost body
        }

        if (statement is not BlockSyntax block)
        {
            return Plan(InsertionKind.BeforeStatement, statement, holder);
        }

        // An empty body never keeps the connection alive, so it is never reported.
        var configured = block.Statements.TakeWhile(StatementLists.IsConfigureCall).LastOrDefault();
        return configured is not null ? Plan(InsertionKind.AfterStatement, configured, holder)
            : block.Statements.Count > 0 ? Plan(InsertionKind.BeforeStatement, block.Statements[0], holder)
            : null;
    }

    /// <summary><c>void Accept() => _c = l.AcceptTcpClient();</c> or <c>ar => _c = l.EndAcceptTcpClient(ar)</c>: becomes a block.</summary>
    private ConfigureCallPlan? InExpressionBody(SyntaxNode owner, ConnectionHolder holder)
    {
        var method = owner switch
        {
            BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax => _model.GetDeclaredSymbol(owner, _cancellationToken) as IMethodSymbol,
            LambdaExpressionSyntax lambda => _model.GetSymbolInfo(lambda, _cancellationToken).Symbol as IMethodSymbol,
            _ => null, // expression-bodied properties and indexers
        };
        if (method is null)
        {
            return null;
        }

        var returnsValue = !method.ReturnsVoid && !(method.IsAsync && method.ReturnType is INamedTypeSymbol { Arity: 0 });
        return Plan(InsertionKind.ExpressionBody, owner, holder, returnsValue ? holder.Expression : null);
    }

    private ConfigureCallPlan? Plan(InsertionKind kind, SyntaxNode target, ConnectionHolder holder, ExpressionSyntax? returnedValue = null) =>
        _api.ArgumentFor(holder.Expression, holder.Type) is { } argument ? new ConfigureCallPlan(kind, target, argument, returnedValue) : null;
}
